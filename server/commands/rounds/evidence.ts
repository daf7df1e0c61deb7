import type { ClosedRoundEvidence } from '../../../shared/domain/design/feedback';
import type { DesignLifeContext } from '../../../shared/domain/design/types';
import type { AppDeps } from '../../deps';
import { summaryItems } from '../../presenters/summary';

type Deps = Pick<AppDeps, 'stores'>;

/**
 * What rule R13 weighs of a document's closed rounds: per round, the perspectives of the reviewers
 * outside the document's team who submitted (a team member's answers are no outside feedback,
 * whatever they state), and how many of its items still wait for a triage decision.
 */
export async function feedbackEvidence(deps: Deps, docId: string): Promise<ClosedRoundEvidence[]> {
  const document = await deps.stores.documents.get(docId);
  const teamId = document?.teamId ?? '';
  const rounds = await deps.stores.rounds.closedRoundsOf(docId);
  return await Promise.all(
    rounds.map(async (round) => {
      const submitted = await deps.stores.rounds.submittedPerspectives(round.id, teamId);
      const items = await summaryItems(deps, round);
      return {
        title: round.title,
        perspectives: submitted.flatMap((row) =>
          row.in_team === 0 && row.perspective ? [row.perspective] : [],
        ),
        untriaged: items.filter((item) => item.triage === null).length,
      };
    }),
  );
}

/** The rules' context of a design as it stands now (server side). */
export async function designLifeContext(
  deps: Pick<AppDeps, 'stores' | 'env'>,
  docId: string,
): Promise<DesignLifeContext> {
  return {
    feedback: await feedbackEvidence(deps, docId),
    origin: (await deps.stores.lifecycle.get(docId))?.origin ?? 'nieuw',
    hoursPerEcts: deps.env.HOURS_PER_ECTS,
  };
}
