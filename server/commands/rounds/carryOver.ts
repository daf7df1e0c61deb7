import { randomUUID } from 'node:crypto';
import { reanchor } from '../../../shared/comments/anchors';
import type { Anchor } from '../../../shared/schemas/rounds';
import { readDocument } from '../../collab/readDocument';
import type { AppDeps } from '../../deps';
import { authorizeLockedRound } from '../../policies/round';
import { groupThreads } from '../../presenters/comments';
import { emitRoundChange } from '../roundEvents';
import { authorizeRoundChange } from './close';

/**
 * POST /api/rounds/:roundId/carry-over — the round's open comment threads become threads on the live
 * draft: kept on their characters where those still exist, re-anchored on the quoted text where it
 * was retyped, otherwise losgeraakt (with their quote). Each thread is carried once.
 */
export async function carryOver(deps: AppDeps, userId: string, roundId: string) {
  const { round } = await authorizeRoundChange(deps, userId, roundId, 'carryOver');
  const candidates = (
    await groupThreads(deps, await deps.stores.rounds.roundComments(round.id), null)
  ).filter((thread) => thread.status === 'open' && thread.messages.some((message) => !message.deleted));
  // Every anchor moved onto the live draft in one synchronous read (the doc changes between awaits);
  // `attached` null: no text anchor.
  const moved = await readDocument(deps, round.doc_id, (doc) => {
    const anchors = new Map<string, { anchor: Anchor | null; attached: boolean | null }>();
    for (const thread of candidates) {
      const found = thread.anchor?.type === 'text' ? reanchor(doc, thread.anchor) : undefined;
      anchors.set(thread.id, {
        anchor: found ?? thread.anchor,
        attached: thread.anchor?.type === 'text' ? Boolean(found) : null,
      });
    }
    return anchors;
  });
  const threads = await deps.transaction(async (tx) => {
    // One carry-over of a round at a time: the threads one carried are skipped by the next.
    await authorizeLockedRound(tx.stores, userId, round.id, 'carryOver', 'update');
    const already = new Set(
      (await tx.stores.rounds.liveComments(round.doc_id))
        .filter((row) => row.carried_from_round === round.id)
        .map((row) => row.carried_from_thread),
    );
    const carried = candidates.filter((thread) => !already.has(thread.id));
    for (const thread of carried) {
      const rootId = randomUUID();
      const kept = thread.messages.filter((message) => !message.deleted);
      for (const [index, message] of kept.entries()) {
        await tx.stores.rounds.insertComment({
          id: index === 0 ? rootId : randomUUID(),
          threadId: rootId,
          docId: round.doc_id,
          roundId: null,
          authorId: message.author?.id ?? userId,
          body: message.body,
          anchor: index === 0 ? (moved.get(thread.id)?.anchor ?? null) : null,
          createdAt: Date.parse(message.createdAt),
          carriedFromRound: index === 0 ? round.id : null,
          carriedFromThread: index === 0 ? thread.id : null,
        });
      }
    }
    return carried;
  });
  const outcomes = threads.map((thread) => moved.get(thread.id)?.attached ?? null);
  emitRoundChange(round.doc_id, { kind: 'comments', roundId: null });
  return {
    carried: threads.length,
    attached: outcomes.filter((attached) => attached === true).length,
    detached: outcomes.filter((attached) => attached === false).length,
  };
}
