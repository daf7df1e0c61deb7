import type { Round, RoundSummary, SummaryItem, TriageDecision } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/apiError';
import { authorizeLockedRound, authorizeRound } from '../../policies/round';
import { roundPath } from '../../presenters/paths';
import { presentRound } from '../../presenters/round';
import { presentSummary, summaryItems } from '../../presenters/summary';
import { emitRoundChange } from '../roundEvents';
import { authorizeRoundChange } from './close';

type Deps = Pick<AppDeps, 'transaction' | 'stores'>;

/** PUT /api/rounds/:roundId/triage — owners and editors decide per item once the round is closed. */
export async function triageItem(
  deps: Deps,
  userId: string,
  roundId: string,
  input: {
    itemKind: 'comment' | 'response';
    itemId: string;
    decision: TriageDecision;
    reason: string;
    versionId?: string | null | undefined;
  },
): Promise<SummaryItem> {
  const { round } = await authorizeRoundChange(deps, userId, roundId, 'triage');
  const isItem = (candidate: SummaryItem) =>
    candidate.kind === input.itemKind && candidate.id === input.itemId;
  if (!(await summaryItems(deps, round)).some(isItem))
    throw new ApiError(400, 'unknown_item', 'Dit onderdeel hoort niet bij deze ronde.');
  if (input.versionId && !(await deps.stores.versions.get(round.doc_id, input.versionId))) {
    throw new ApiError(400, 'unknown_version', 'Deze versie hoort niet bij dit document.');
  }
  await deps.transaction(async (tx) => {
    // Closed, not completed, until the decision is stored: a completed round's summary is final.
    await authorizeLockedRound(tx.stores, userId, round.id, 'triage', 'share');
    await tx.stores.rounds.upsertTriage({
      roundId: round.id,
      itemKind: input.itemKind,
      itemId: input.itemId,
      decision: input.decision,
      reason: input.reason,
      versionId: input.versionId ?? null,
      decidedBy: userId,
    });
  });
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return (await summaryItems(deps, round)).find(isItem)!;
}

/** POST /api/rounds/:roundId/complete — refused while any item is untriaged. */
export async function completeRound(deps: Deps, userId: string, roundId: string): Promise<Round> {
  const { round, access } = await authorizeRoundChange(deps, userId, roundId, 'complete');
  await deps.transaction(async (tx) => {
    // Completed once: a second completion, or a triage decision, waits here and then sees it.
    const { document } = await authorizeLockedRound(tx.stores, userId, round.id, 'complete', 'update');
    const open = (await summaryItems(tx, round)).filter((item) => item.triage === null);
    if (open.length > 0) {
      throw new ApiError(
        409,
        'untriaged',
        `Nog ${open.length} ${open.length === 1 ? 'onderdeel' : 'onderdelen'} zonder besluit: geef bij elke reactie en elk antwoord aan wat ermee gebeurt.`,
      );
    }
    await tx.stores.rounds.completeRound(round.id, userId);
    await tx.stores.audit.record('round.completed', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, documentId: round.doc_id },
    });
    // The reviewers learn what happened with their feedback.
    const seen = new Set<string>();
    for (const reviewer of await tx.stores.rounds.reviewers(round.id)) {
      if (seen.has(reviewer.user_id)) continue;
      seen.add(reviewer.user_id);
      await tx.stores.rounds.notify({
        userId: reviewer.user_id,
        kind: 'round_completed',
        text: `De samenvatting van "${round.title}" staat klaar: lees wat er met de feedback is gebeurd.`,
        link: roundPath(round.id),
        actorId: userId,
        docId: null,
      });
    }
  });
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return presentRound(deps, (await deps.stores.rounds.round(round.id))!, access);
}

/** GET /api/rounds/:roundId/summary — the team always; reviewers once the round is closed. */
export async function roundSummary(
  deps: Pick<AppDeps, 'stores'>,
  userId: string,
  roundId: string,
): Promise<RoundSummary> {
  const { round, access } = await authorizeRound(deps.stores, userId, roundId, 'viewSummary');
  return presentSummary(deps, round, access);
}
