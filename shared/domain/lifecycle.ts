import { gatePasses, type RuleResult } from './design/rules';

/**
 * The lifecycle of a design (DOMAIN.md, lifecycle; 001 l.237–274) as a pure transition table.
 * Server and client both ask it which moves exist and why one is refused.
 */
export const DESIGN_STATUSES = [
  'globaal-ontwerp',
  'prototype',
  'interne-toetsing',
  'geparkeerd',
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
  geparkeerd: 'Geparkeerd (past niet binnen de kaders)',
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
 * publish unreviewed work (rework goes through *hergebruiken* or a rejection). A parked design
 * ("past niet") waits unchanged until its owner reopens it (001 l.254).
 */
export const READ_ONLY_STATUSES: readonly DesignStatus[] = [
  'geparkeerd',
  'aangemeld-externe-toetsing',
  'goedgekeurd',
];

/** Whether the document's content is frozen in `status`. */
export function isReadOnlyStatus(status: DesignStatus): boolean {
  return READ_ONLY_STATUSES.includes(status);
}

const TRANSITIONS: Record<DesignStatus, readonly DesignStatus[]> = {
  'globaal-ontwerp': ['prototype'],
  prototype: ['interne-toetsing'],
  // "voldoet" submits, "opwerken" goes back to prototype, "past niet" parks.
  'interne-toetsing': ['aangemeld-externe-toetsing', 'prototype', 'geparkeerd'],
  // Reopened by the owner, e.g. when new ontwikkelpaden appear (001 l.254).
  geparkeerd: ['prototype'],
  // The toetsingscommissie decides; the team can only withdraw (back to interne toetsing).
  'aangemeld-externe-toetsing': ['goedgekeurd', 'afgekeurd', 'interne-toetsing'],
  goedgekeurd: [],
  afgekeurd: ['prototype'],
};

/** The statuses reachable from `status` in one move (whether the gates let it through or not). */
export function allowedTransitions(status: DesignStatus): readonly DesignStatus[] {
  return TRANSITIONS[status];
}

/** Who makes a move: the design team's owner, or a member of the toetsingscommissie it was submitted to. */
export type Mover = 'team-owner' | 'review-team';

/**
 * Who makes the move `from` → `to` of a leerarrangement: the decision of the externe toetsing is the
 * toetsingscommissie's (001 l.267, 000 ~l.1390–1400: objectively, by independent experts); every
 * other move, withdrawing included, is the team owner's. Trajecten do not use this: see
 * checkTrajectGates (their approval follows from their leerarrangementen's).
 */
export function designMover(from: DesignStatus, to: DesignStatus): Mover {
  return from === 'aangemeld-externe-toetsing' && (to === 'goedgekeurd' || to === 'afgekeurd')
    ? 'review-team'
    : 'team-owner';
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

/** Why a move is refused, so a client can say it in its own language; `reason` is the Dutch sentence. */
export type RefusalCode =
  | 'not_in_table'
  | 'rules_red'
  | 'no_closed_round'
  | 'submit_no_closed_round'
  | 'outcome_required'
  | 'outcome_unexpected'
  | 'note_required'
  | 'rejection_note_required'
  | 'traject_empty'
  | 'traject_rules_red'
  | 'traject_no_closed_round'
  | 'traject_unpublished'
  | 'traject_coverage';

export type TransitionCheck =
  { ok: true } | { ok: false; reason: string; code: RefusalCode; params: Record<string, string> };

const refuse = (reason: string, code: RefusalCode, params: Record<string, string> = {}): TransitionCheck => ({
  ok: false,
  reason,
  code,
  params,
});
const hasText = (value: string | null | undefined) => (value ?? '').trim().length > 0;

/**
 * What a move asks of the person making it: the outcome it records, and whether a note is required.
 * The interne toetsing's decisions carry an optional note on behalf of the Educatief Consortium;
 * "past niet" and "afgekeurd" must say why.
 */
export function transitionNeeds(
  from: DesignStatus,
  to: DesignStatus,
): { outcome: InternalOutcome | null; note: boolean } {
  if (from === 'interne-toetsing') {
    if (to === 'aangemeld-externe-toetsing') return { outcome: 'voldoet', note: false };
    if (to === 'prototype') return { outcome: 'opwerken', note: false };
    if (to === 'geparkeerd') return { outcome: 'past-niet', note: true };
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
    return refuse(
      `Van "${STATUS_LABELS_NL[from]}" kan een ontwerp niet naar "${STATUS_LABELS_NL[to]}".`,
      'not_in_table',
    );
  }
  if (from === 'prototype' && !gatePasses(results, 'leaving-prototype')) {
    const red = results
      .filter(
        (result) => result.kind === 'must' && result.gate === 'leaving-prototype' && result.status !== 'pass',
      )
      .map((result) => result.ruleId);
    return refuse(`Nog niet alle verplichte regels zijn groen (${red.join(', ')}).`, 'rules_red', {
      rules: red.join(', '),
    });
  }
  if (to === 'interne-toetsing' && from === 'prototype' && !gatePasses(results, 'interne-toetsing')) {
    return refuse(
      'Interne toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet.',
      'no_closed_round',
    );
  }
  // Existing offer may start at interne toetsing (001 l.249); it still needs its feedback (R13).
  if (to === 'aangemeld-externe-toetsing' && !gatePasses(results, 'interne-toetsing')) {
    return refuse(
      'Aanmelden voor externe toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet.',
      'submit_no_closed_round',
    );
  }
  return { ok: true };
}

/** The outcome and note a move asks for (the same for designs and trajecten). */
function checkOutcomeAndNote(
  from: DesignStatus,
  to: DesignStatus,
  input: { outcome?: InternalOutcome | null | undefined; note?: string | null | undefined },
  subject: string,
): TransitionCheck {
  const needs = transitionNeeds(from, to);
  const outcome = input.outcome ?? null;
  if (needs.outcome !== outcome) {
    return needs.outcome
      ? refuse(
          `Deze stap vraagt de uitkomst "${OUTCOME_LABELS_NL[needs.outcome]}" van de interne toetsing.`,
          'outcome_required',
        )
      : refuse('Een uitkomst hoort alleen bij een stap uit de interne toetsing.', 'outcome_unexpected');
  }
  if (needs.note && !hasText(input.note)) {
    return to === 'afgekeurd'
      ? refuse('Afkeuren kan alleen met de toelichting van de beoordelaar.', 'rejection_note_required')
      : refuse(`Licht toe waarom ${subject} niet binnen de kaders past.`, 'note_required');
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
  return checkOutcomeAndNote(from, to, input, 'het ontwerp');
}

// --- Professionaliseringstrajecten ---------------------------------------------------------------

/** One leerarrangement of a traject as the traject's gates see it. */
export interface TrajectGateItem {
  title: string;
  /** The leerarrangement's own rule results (R3–R13), computed from its state. */
  results: readonly RuleResult[];
  /** Whether it is itself published (goedgekeurd, with a frozen catalog copy). */
  published: boolean;
}

/** What a traject's move is checked against. */
export interface TrajectGateInput {
  items: readonly TrajectGateItem[];
  /** The traject's own rules (R1 coverage gates publishing; R2 is a guideline). */
  trajectResults: readonly RuleResult[];
}

const quoted = (items: readonly TrajectGateItem[]) =>
  items.map((item) => `"${item.title || 'naamloos leerarrangement'}"`).join(', ');

/**
 * The gates of a professionaliseringstraject, on the same transition table as a design:
 * - leaving `prototype`: at least one leerarrangement, and every leerarrangement's must-rules that
 *   gate leaving prototype are green (R13 excluded: that is the next gate);
 * - entering `interne toetsing` (from prototype): R13 for every leerarrangement — each has had at
 *   least one closed feedback round ("nog geen feedbackronde die aan R13 voldoet" until rounds exist);
 * - `goedgekeurd` (publishing): every leerarrangement is itself published, and R1 (together they
 *   cover every leeruitkomst of the ontwikkelpad version) is green.
 */
export function checkTrajectGates(
  from: DesignStatus,
  to: DesignStatus,
  input: TrajectGateInput,
): TransitionCheck {
  if (!TRANSITIONS[from].includes(to)) {
    return refuse(
      `Van "${STATUS_LABELS_NL[from]}" kan een traject niet naar "${STATUS_LABELS_NL[to]}".`,
      'not_in_table',
    );
  }
  if (from === 'prototype') {
    if (input.items.length === 0) {
      return refuse('Een traject zonder leerarrangementen kan niet verder.', 'traject_empty');
    }
    const red = input.items.flatMap((item) => {
      const rules = item.results
        .filter(
          (result) =>
            result.ruleId !== 'R13' &&
            result.kind === 'must' &&
            result.gate === 'leaving-prototype' &&
            result.status !== 'pass',
        )
        .map((result) => result.ruleId);
      return rules.length > 0 ? [`"${item.title || 'naamloos leerarrangement'}" (${rules.join(', ')})`] : [];
    });
    if (red.length > 0) {
      return refuse(
        `Nog niet alle verplichte regels van de leerarrangementen zijn groen: ${red.join('; ')}.`,
        'traject_rules_red',
        { items: red.join('; ') },
      );
    }
  }
  if (to === 'interne-toetsing' && from === 'prototype') {
    const missing = input.items.filter(
      (item) => !item.results.some((result) => result.ruleId === 'R13' && result.status === 'pass'),
    );
    if (missing.length > 0) {
      return refuse(
        `Interne toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet voor ${quoted(missing)}.`,
        'traject_no_closed_round',
        { items: quoted(missing) },
      );
    }
  }
  if (to === 'goedgekeurd') {
    const unpublished = input.items.filter((item) => !item.published);
    if (input.items.length === 0 || unpublished.length > 0) {
      return input.items.length === 0
        ? refuse('Een traject zonder leerarrangementen kan niet worden goedgekeurd.', 'traject_empty')
        : refuse(
            `Goedkeuren kan pas als elk leerarrangement zelf is goedgekeurd; nog niet: ${quoted(unpublished)}.`,
            'traject_unpublished',
            { items: quoted(unpublished) },
          );
    }
    const gaps = input.trajectResults.filter(
      (result) => result.kind === 'must' && result.gate === 'publishing-traject' && result.status !== 'pass',
    );
    if (gaps.length > 0) {
      return refuse(
        `Goedkeuren kan nog niet: ${gaps.map((result) => result.message).join(' ')}`,
        'traject_coverage',
      );
    }
  }
  return { ok: true };
}

/** Whether a traject may move `from` → `to` now, with this outcome and note. */
export function checkTrajectTransition(
  from: DesignStatus,
  to: DesignStatus,
  input: TrajectGateInput & {
    outcome?: InternalOutcome | null | undefined;
    note?: string | null | undefined;
  },
): TransitionCheck {
  const gates = checkTrajectGates(from, to, input);
  if (!gates.ok) return gates;
  return checkOutcomeAndNote(from, to, input, 'het traject');
}
