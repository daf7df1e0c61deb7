import { gatePasses, type RuleResult } from './leerarrangement/rules';

/**
 * The lifecycle of a design (DOMAIN.md, lifecycle; 001 l.237–274) as a pure transition table.
 * Server and client both ask it which moves exist and why one is refused.
 */
export const DESIGN_STATUSES = [
  'globaal-ontwerp',
  'prototype',
  'interne-toetsing',
  'aangemeld-externe-toetsing',
  'goedgekeurd',
  'afgekeurd',
] as const;
export type DesignStatus = (typeof DESIGN_STATUSES)[number];

/** Outcomes of the interne toetsing. */
export const INTERNAL_OUTCOMES = ['voldoet', 'opwerken', 'past-niet'] as const;
export type InternalOutcome = (typeof INTERNAL_OUTCOMES)[number];

export const STATUS_LABELS_NL: Record<DesignStatus, string> = {
  'globaal-ontwerp': 'Globaal ontwerp',
  prototype: 'Prototype',
  'interne-toetsing': 'Interne toetsing',
  'aangemeld-externe-toetsing': 'Aangemeld voor externe toetsing',
  goedgekeurd: 'Goedgekeurd',
  afgekeurd: 'Afgekeurd',
};

export const OUTCOME_LABELS_NL: Record<InternalOutcome, string> = {
  voldoet: 'Voldoet',
  opwerken: 'Opwerken',
  'past-niet': 'Past niet binnen de kaders',
};

/** The status a new design starts in. */
export const INITIAL_STATUS: DesignStatus = 'globaal-ontwerp';

/**
 * Statuses in which nobody edits the content: with external review the reviewers judge exactly
 * what was submitted, and an approved design is what the catalog publishes — changing it would
 * publish unreviewed work (rework goes through *hergebruiken* or a rejection).
 */
export const READ_ONLY_STATUSES: readonly DesignStatus[] = ['aangemeld-externe-toetsing', 'goedgekeurd'];

/** Whether the document's content is frozen in `status`. */
export function isReadOnlyStatus(status: DesignStatus): boolean {
  return READ_ONLY_STATUSES.includes(status);
}

const TRANSITIONS: Record<DesignStatus, readonly DesignStatus[]> = {
  'globaal-ontwerp': ['prototype'],
  prototype: ['interne-toetsing'],
  // "opwerken" goes back to prototype; "past niet" stays (recorded as interne-toetsing → itself).
  'interne-toetsing': ['aangemeld-externe-toetsing', 'prototype', 'interne-toetsing'],
  'aangemeld-externe-toetsing': ['goedgekeurd', 'afgekeurd'],
  goedgekeurd: [],
  afgekeurd: ['prototype'],
};

/** The statuses reachable from `status` in one move (whether the gates let it through or not). */
export function allowedTransitions(status: DesignStatus): readonly DesignStatus[] {
  return TRANSITIONS[status];
}

/** What a transition is checked against. */
export interface TransitionInput {
  /** The design's current rule results (R3–R13). */
  results: readonly RuleResult[];
  /** The recorded outcome of the interne toetsing (moves out of interne-toetsing). */
  outcome?: InternalOutcome | null | undefined;
  /** The reviewer's or team's note; required for "past niet" and "afgekeurd". */
  note?: string | null | undefined;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): TransitionCheck => ({ ok: false, reason });
const hasText = (value: string | null | undefined) => (value ?? '').trim().length > 0;

/** What a move asks of the person making it: the outcome it records, and whether a note is required. */
export function transitionNeeds(
  from: DesignStatus,
  to: DesignStatus,
): { outcome: InternalOutcome | null; note: boolean } {
  if (from === 'interne-toetsing') {
    if (to === 'aangemeld-externe-toetsing') return { outcome: 'voldoet', note: false };
    if (to === 'prototype') return { outcome: 'opwerken', note: false };
    if (to === 'interne-toetsing') return { outcome: 'past-niet', note: true };
  }
  return { outcome: null, note: to === 'afgekeurd' };
}

/** The table and the gates only: whether `from` → `to` is possible with the design as it is. */
export function checkGates(
  from: DesignStatus,
  to: DesignStatus,
  results: readonly RuleResult[],
): TransitionCheck {
  if (!TRANSITIONS[from].includes(to)) {
    return refuse(`Van "${STATUS_LABELS_NL[from]}" kan een ontwerp niet naar "${STATUS_LABELS_NL[to]}".`);
  }
  if (from === 'prototype' && !gatePasses(results, 'leaving-prototype')) {
    const red = results
      .filter(
        (result) => result.kind === 'must' && result.gate === 'leaving-prototype' && result.status !== 'pass',
      )
      .map((result) => result.ruleId);
    return refuse(`Nog niet alle verplichte regels zijn groen (${red.join(', ')}).`);
  }
  if (to === 'interne-toetsing' && from !== 'interne-toetsing' && !gatePasses(results, 'interne-toetsing')) {
    return refuse('Interne toetsing kan nog niet: geen afgeronde feedbackronde.');
  }
  return { ok: true };
}

/** Whether `from` → `to` may happen now, with this outcome and note; a refusal has a Dutch reason. */
export function checkTransition(
  from: DesignStatus,
  to: DesignStatus,
  input: TransitionInput,
): TransitionCheck {
  const gates = checkGates(from, to, input.results);
  if (!gates.ok) return gates;
  const needs = transitionNeeds(from, to);
  const outcome = input.outcome ?? null;
  if (needs.outcome !== outcome) {
    return refuse(
      needs.outcome
        ? `Deze stap vraagt de uitkomst "${OUTCOME_LABELS_NL[needs.outcome]}" van de interne toetsing.`
        : 'Een uitkomst hoort alleen bij een stap uit de interne toetsing.',
    );
  }
  if (needs.note && !hasText(input.note)) {
    return refuse(
      to === 'afgekeurd'
        ? 'Afkeuren kan alleen met de toelichting van de beoordelaar.'
        : 'Licht toe waarom het ontwerp niet binnen de kaders past.',
    );
  }
  return { ok: true };
}
