import { randomUUID } from 'node:crypto';
import type { CriterionResponse } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/apiError';
import { authorizeRound } from '../../policies/round';
import { presentResponses } from '../../presenters/responses';
import { criteriaOf } from '../../presenters/round';
import { emitRoundChange } from '../roundEvents';
import { authorizeRoundChange } from './close';
import { notifyRoundTeam } from './notify';

type Deps = Pick<AppDeps, 'db' | 'stores'>;

/** GET /api/rounds/:roundId/responses — the team sees all answers, a reviewer their own. */
export function listResponses(
  deps: Deps,
  userId: string,
  roundId: string,
): { responses: CriterionResponse[] } {
  const { round, access } = authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const rows = deps.stores.rounds.responses(round.id);
  return {
    responses: presentResponses(
      round,
      access.kind === 'team' ? rows : rows.filter((row) => row.user_id === userId),
    ),
  };
}

/** PUT /api/rounds/:roundId/responses — a reviewer's own answers per criterion (while open). */
export function saveResponses(
  deps: Deps,
  userId: string,
  roundId: string,
  input: {
    answers: Array<{ criterionId: string; score: number | null; text: string }>;
    submit?: boolean | undefined;
  },
): { responses: CriterionResponse[] } {
  const { round } = authorizeRoundChange(deps, userId, roundId, 'respond');
  const criteria = new Set(criteriaOf(round).map((criterion) => criterion.id));
  const unknown = input.answers.find((answer) => !criteria.has(answer.criterionId));
  if (unknown) throw new ApiError(400, 'unknown_criterion', 'Een antwoord hoort bij een onbekend criterium.');
  const store = deps.stores.rounds;
  const firstSubmit =
    input.submit === true && !store.submissions(round.id).some((row) => row.user_id === userId);
  deps.db.transaction(() => {
    for (const answer of input.answers) {
      store.upsertResponse({ id: randomUUID(), roundId: round.id, userId, ...answer });
    }
    if (input.submit) store.submit(round.id, userId);
    if (firstSubmit) {
      notifyRoundTeam(deps, round, {
        kind: 'round_feedback',
        text: `${deps.stores.users.displayName(userId)} heeft feedback gegeven in "${round.title}".`,
        actorId: userId,
      });
    }
  })();
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return {
    responses: presentResponses(
      round,
      store.responses(round.id).filter((row) => row.user_id === userId),
    ),
  };
}
