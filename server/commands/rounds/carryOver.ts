import { randomUUID } from 'node:crypto';
import { reanchor } from '../../../shared/comments/anchors';
import { readDocument } from '../../collab/readDocument';
import type { AppDeps } from '../../deps';
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
  const store = deps.stores.rounds;
  const already = new Set(
    (await store.liveComments(round.doc_id))
      .filter((row) => row.carried_from_round === round.id)
      .map((row) => row.carried_from_thread),
  );
  const threads = (await groupThreads(deps, await store.roundComments(round.id), null)).filter(
    (thread) =>
      thread.status === 'open' &&
      !already.has(thread.id) &&
      thread.messages.some((message) => !message.deleted),
  );
  let attached = 0;
  let detached = 0;
  await readDocument(deps, round.doc_id, async (doc) => {
    await deps.transaction(async (tx) => {
      for (const thread of threads) {
        let anchor = thread.anchor;
        if (anchor?.type === 'text') {
          const moved = reanchor(doc, anchor);
          if (moved) {
            anchor = moved;
            attached++;
          } else detached++;
        }
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
            anchor: index === 0 ? anchor : null,
            createdAt: Date.parse(message.createdAt),
            carriedFromRound: index === 0 ? round.id : null,
            carriedFromThread: index === 0 ? thread.id : null,
          });
        }
      }
    });
  });
  emitRoundChange(round.doc_id, { kind: 'comments', roundId: null });
  return { carried: threads.length, attached, detached };
}
