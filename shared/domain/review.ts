/**
 * Independent externe toetsing (001 §4.3, l.263–273; 000 ~l.1390–1400): a toetsingscommissie judges
 * a submitted design per criterion of its quality frame and decides. Pure: server and client share it.
 */

/** A reviewer's judgement of one criterion. */
export const VERDICTS = ['voldoet', 'voldoet-niet', 'nvt'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where one submission stands. */
export const ASSIGNMENT_STATES = ['open', 'goedgekeurd', 'afgekeurd', 'ingetrokken'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** One criterion of a quality frame. */
export interface Criterion {
  id: string;
  title: string;
  description: string;
}

/** A committee's quality frame; `example` while it is still the shipped example. */
export interface QualityFrame {
  example: boolean;
  criteria: Criterion[];
}

/** The suggestion shown with a parked design (001 l.254). */
export const STATUS_NOTE_PARKED_NL =
  'Dit ontwerp past niet binnen de huidige kaders. Overweeg het opnieuw op te pakken als er nieuwe ontwikkelpaden beschikbaar komen: misschien past het daar wel.';

/** Shown wherever the example frame is: the real criteria are not in the sources. */
export const EXAMPLE_FRAME_NOTICE_NL =
  'Voorbeeldkader — de criteria van het Kwaliteitskader NAPL staan niet in de bronnen.';

/**
 * The example frame a new committee starts with, derived from the seeds' requirements (001 §4,
 * bijlage 1) — not the Kwaliteitskader NAPL itself, which the sources do not contain.
 */
export const EXAMPLE_CRITERIA: readonly Criterion[] = [
  {
    id: 'ontwikkelpad',
    title: 'Aansluiting bij het ontwikkelpad',
    description:
      'De beoogde leeruitkomsten komen uit een vastgesteld ontwikkelpad en passen bij de doelgroep.',
  },
  {
    id: 'bewijs',
    title: 'Bewijs per leeruitkomst',
    description:
      'Voor elke beoogde leeruitkomst staat welk bewijs de deelnemer levert en hoe dat beoordeeld wordt.',
  },
  {
    id: 'studielast',
    title: 'Studielast',
    description: 'De studielast (ECTS) past bij de activiteiten en de uren die ze vragen.',
  },
  {
    id: 'erkenning',
    title: 'Erkenning van eerder verworven competenties',
    description: 'Er is beschreven hoe eerder verworven competenties (EVC) worden erkend.',
  },
  {
    id: 'feedback',
    title: 'Feedback verwerkt',
    description: 'Feedback van leraren, scholen en opleiders is systematisch gevraagd en verwerkt.',
  },
];

/** Dutch labels of the verdicts. */
export const VERDICT_LABELS_NL: Record<Verdict, string> = {
  voldoet: 'Voldoet',
  'voldoet-niet': 'Voldoet niet',
  nvt: 'N.v.t.',
};

/** A judgement as recorded. */
export interface Judgement {
  criterionId: string;
  verdict: Verdict;
  note: string;
}

/** Why a decision cannot be taken yet, or null when it can. */
export type DecisionProblem = 'criteria_unjudged' | 'approval_with_failures' | null;

/**
 * Whether the committee can decide `decision` with these judgements: every criterion judged first
 * (the report is the judgement), and approval only when no criterion is judged "voldoet niet".
 */
export function decisionProblem(
  criteria: readonly Criterion[],
  judgements: readonly Judgement[],
  decision: 'goedgekeurd' | 'afgekeurd',
): DecisionProblem {
  const judged = new Set(judgements.map((judgement) => judgement.criterionId));
  if (criteria.some((criterion) => !judged.has(criterion.id))) return 'criteria_unjudged';
  if (decision === 'goedgekeurd' && judgements.some((judgement) => judgement.verdict === 'voldoet-niet'))
    return 'approval_with_failures';
  return null;
}
