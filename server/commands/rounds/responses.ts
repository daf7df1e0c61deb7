import { randomUUID } from 'node:crypto';
import type { ReviewerPerspective } from '../../../shared/domain/design/feedback';
import type { CriterionResponse } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/apiError';
import { authorizeLockedRound, authorizeRound } from '../../policies/round';
import { presentResponses } from '../../presenters/responses';
import { criteriaOf } from '../../presenters/round';
import { actorText } from '../../presenters/notificationText';
import { emitRoundChange } from '../roundEvents';
import { authorizeRoundChange } from './close';
import { notifyRoundTeam } from './notify';

type Deps = Pick<AppDeps, 'transaction' | 'stores'>;

/** GET /api/rounds/:roundId/responses — the team sees all answers, a reviewer their own. */
export async function listResponses(
  deps: Deps,
  userId: string,
  roundId: string,
): Promise<{ responses: CriterionResponse[] }> {
  const { round, access } = await authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const rows = await deps.stores.rounds.responses(round.id);
  return {
    responses: presentResponses(
      round,
      access.kind === 'team' ? rows : rows.filter((row) => row.user_id === userId),
    ),
  };
}

/** PUT /api/rounds/:roundId/responses — a reviewer's own answers per criterion (while open). */
export async function saveResponses(
  deps: Deps,
  userId: string,
  roundId: string,
  input: {
    answers: Array<{ criterionId: string; score: number | null; text: string }>;
    submit?: boolean | undefined;
    perspective?: ReviewerPerspective | undefined;
  },
): Promise<{ responses: CriterionResponse[] }> {
  const { round } = await authorizeRoundChange(deps, userId, roundId, 'respond');
  // R13 weighs feedback by whom it speaks for: nobody submits without saying.
  if (input.submit === true && !input.perspective) {
    throw new ApiError(
      400,
      'perspective_required',
      'Kies je perspectief (leraar, school, lerarenopleider, ander co-creatieteam of anders) voordat je je feedback verstuurt.',
    );
  }
  await deps.transaction(async (tx) => {
    // Open until the answers are stored, and with the criteria as they stand now.
    const { round: current } = await authorizeLockedRound(tx.stores, userId, round.id, 'respond', 'share');
    const criteria = new Set(criteriaOf(current).map((criterion) => criterion.id));
    const unknown = input.answers.find((answer) => !criteria.has(answer.criterionId));
    if (unknown)
      throw new ApiError(400, 'unknown_criterion', 'Een antwoord hoort bij een onbekend criterium.');
    for (const answer of input.answers) {
      await tx.stores.rounds.upsertResponse({ id: randomUUID(), roundId: round.id, userId, ...answer });
    }
    if (input.perspective) await tx.stores.rounds.setPerspective(round.id, userId, input.perspective);
    // The team hears of a reviewer's first submit only, however many arrive at once.
    const firstSubmit = input.submit === true && (await tx.stores.rounds.submit(round.id, userId));
    if (firstSubmit) {
      await notifyRoundTeam(tx, round, {
        kind: 'round_feedback',
        text: actorText(` heeft feedback gegeven in "${round.title}".`),
        actorId: userId,
      });
    }
  });
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return {
    responses: presentResponses(
      round,
      (await deps.stores.rounds.responses(round.id)).filter((row) => row.user_id === userId),
    ),
  };
}
