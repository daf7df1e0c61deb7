import type { RuleResult } from './types';

/**
 * R13, the feedback requirement (001 l.239): during design it is *verplicht* that teachers,
 * schools and teacher educators give feedback on interim and end products; other co-creatieteams
 * *kunnen daarnaast* — an addition, never a substitute. Feedback counts once the team has decided
 * what to do with every item (002 l.388 warns against feedback without consequences).
 */

/** Who a reviewer speaks for, stated when they submit their answers in a round. */
export const REVIEWER_PERSPECTIVES = [
  'leraar',
  'school',
  'lerarenopleider',
  'cocreatieteam',
  'anders',
] as const;
export type ReviewerPerspective = (typeof REVIEWER_PERSPECTIVES)[number];

/** The perspectives the seed makes obligatory (001 l.239: "leraren, scholen en opleiders"). */
export const REQUIRED_PERSPECTIVES: readonly ReviewerPerspective[] = ['leraar', 'school', 'lerarenopleider'];

/** Dutch names of the perspectives, as rule messages and exports use them. */
export const PERSPECTIVE_LABELS_NL: Record<ReviewerPerspective, string> = {
  leraar: 'leraar',
  school: 'school',
  lerarenopleider: 'lerarenopleider',
  cocreatieteam: 'ander co-creatieteam',
  anders: 'anders',
};

/** How a design entered: designed here, or existing offer brought straight to interne toetsing. */
export const DESIGN_ORIGINS = ['nieuw', 'bestaand'] as const;
export type DesignOrigin = (typeof DESIGN_ORIGINS)[number];

/** What R13 knows of one closed feedback round of the design. */
export interface ClosedRoundEvidence {
  title: string;
  /** One entry per reviewer outside the design's team who submitted, with their perspective. */
  perspectives: ReviewerPerspective[];
  /** Comments and answers of the round without a triage decision yet. */
  untriaged: number;
}

const isRequired = (perspective: ReviewerPerspective) => REQUIRED_PERSPECTIVES.includes(perspective);

/** "leraar (2), school" — each perspective once, with a count when more than one. */
function perspectiveList(perspectives: readonly ReviewerPerspective[]): string {
  const counts = new Map<ReviewerPerspective, number>();
  for (const perspective of perspectives) counts.set(perspective, (counts.get(perspective) ?? 0) + 1);
  return [...counts]
    .map(([perspective, n]) => `${PERSPECTIVE_LABELS_NL[perspective]}${n > 1 ? ` (${n})` : ''}`)
    .join(', ');
}

const points = (n: number) => `${n} ${n === 1 ? 'feedbackpunt' : 'feedbackpunten'}`;

/** Why no round counts yet, about the round closest to counting. */
function missing(rounds: readonly ClosedRoundEvidence[], origin: DesignOrigin): string {
  const needed =
    origin === 'bestaand'
      ? 'Nog nodig: een ingediende reactie van een leraar, school of lerarenopleider op het bestaande materiaal, in een afgesloten feedbackronde.'
      : 'Nog nodig: een ingediende reactie van een leraar, school of lerarenopleider in een afgesloten feedbackronde.';
  const others = rounds.find((round) => round.perspectives.length > 0);
  if (others) {
    return `${needed} Ronde "${others.title}" had alleen reacties van: ${perspectiveList(others.perspectives)} (die tellen als aanvulling).`;
  }
  const empty = rounds[0];
  if (empty)
    return `${needed} Ronde "${empty.title}" is afgesloten zonder ingediende reacties van buiten het team.`;
  return `${needed} Er is nog geen afgesloten feedbackronde.`;
}

/** R13 from the design's closed rounds (null: not known here, e.g. a frozen version's checks). */
export function checkFeedback(
  rounds: readonly ClosedRoundEvidence[] | null,
  origin: DesignOrigin = 'nieuw',
): RuleResult {
  const base = {
    ruleId: 'R13',
    kind: 'must',
    target: { field: 'feedback' },
    gate: 'interne-toetsing',
  } as const;
  if (rounds === null) {
    return {
      ...base,
      status: 'pending',
      message:
        'Feedbackrondes zijn hier niet bekend; vóór interne toetsing is een afgesloten ronde nodig met beoordeelde feedback van een leraar, school of lerarenopleider.',
    };
  }
  const qualifying = rounds.filter((round) => round.perspectives.some(isRequired));
  const complete = qualifying.find((round) => round.untriaged === 0);
  if (!complete) {
    const closest = [...qualifying].sort((a, b) => a.untriaged - b.untriaged)[0];
    return {
      ...base,
      status: 'fail',
      message: closest
        ? `${points(closest.untriaged)} nog niet verwerkt in ronde "${closest.title}": geef bij elk punt aan wat ermee gebeurt.`
        : missing(rounds, origin),
    };
  }
  const extra = rounds.flatMap((round) => round.perspectives).filter((p) => p === 'cocreatieteam').length;
  return {
    ...base,
    status: 'pass',
    message:
      `Ronde "${complete.title}": feedback van ${perspectiveList(complete.perspectives.filter(isRequired))}, elk feedbackpunt beoordeeld.` +
      (extra > 0
        ? ` Daarnaast feedback van ${extra === 1 ? 'een ander co-creatieteam' : `${extra} andere co-creatieteams`} (aanvulling).`
        : ''),
  };
}
