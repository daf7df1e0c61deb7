import {
  allowedTransitions,
  OUTCOME_LABELS_NL,
  STATUS_LABELS_NL,
  transitionNeeds,
  type DesignStatus,
  type InternalOutcome,
  type Mover,
  type TransitionCheck,
} from '../../shared/domain/lifecycle';
import { ApiError } from '../http/apiError';

/**
 * What the lifecycle commands of a leerarrangement (commands/lifecycle.ts) and a traject
 * (commands/trajects.ts) present and record the same way: the shared transition table, the
 * version label of a move and the outcome/note it stores. The gates — which rules a move asks for —
 * stay each domain's own and are passed in.
 */

/** A move as the API receives it. */
export interface MoveInput {
  to: DesignStatus;
  outcome?: InternalOutcome | null | undefined;
  note?: string | null | undefined;
}

/**
 * The status with its Dutch label and every next step, with whether `gates` let it through now (and
 * why not) and who makes it (`mover`; a traject's moves are all its owner's).
 */
export function statusSteps(
  status: DesignStatus,
  gates: (to: DesignStatus) => TransitionCheck,
  mover: (from: DesignStatus, to: DesignStatus) => Mover = () => 'team-owner',
) {
  return {
    status,
    label: STATUS_LABELS_NL[status],
    allowed: allowedTransitions(status).map((to) => {
      const check = gates(to);
      const needs = transitionNeeds(status, to);
      return {
        to,
        label: STATUS_LABELS_NL[to],
        ok: check.ok,
        reason: check.ok ? null : check.reason,
        // The same refusal for a client in another language: a code and the values in the sentence.
        reasonCode: check.ok ? null : check.code,
        reasonParams: check.ok ? {} : check.params,
        outcome: needs.outcome,
        requiresNote: needs.note,
        mover: mover(status, to),
      };
    }),
  };
}

/** The 409 of a move whose status was changed by another move after it was checked. */
export function statusChangedMeanwhile(subject: 'dit leerarrangement' | 'dit traject'): ApiError {
  return new ApiError(
    409,
    'status_changed',
    `De status van ${subject} is intussen gewijzigd. Bekijk de nieuwe status en probeer het opnieuw.`,
  );
}

/** The outcome and note a move records (an empty note is none), and the label of its version. */
export function recordedMove(input: MoveInput): {
  outcome: InternalOutcome | null;
  note: string | null;
  versionLabel: string;
} {
  const outcome = input.outcome ?? null;
  return {
    outcome,
    note: input.note?.trim() || null,
    // "Geparkeerd" already says its outcome ("past niet binnen de kaders").
    versionLabel:
      outcome && input.to !== 'geparkeerd'
        ? `${STATUS_LABELS_NL[input.to]} (${OUTCOME_LABELS_NL[outcome]})`
        : STATUS_LABELS_NL[input.to],
  };
}
