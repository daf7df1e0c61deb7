import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { resolveTextAnchor } from '../../shared/comments/anchors';
import type { Anchor, CommentMessage, CommentThread } from '../../shared/schemas/rounds';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../http/apiError';
import {
  authorizeLiveComment,
  authorizeOwnMessage,
  authorizeRoundComment,
  authorizeThreadWrite,
} from '../policies/comment';
import { authorizeDocument } from '../policies/document';
import { authorizeLockedRound, authorizeRound } from '../policies/round';
import { groupThreads, mentionedIds, presentMessage, presentThread } from '../presenters/comments';
import { notifyForMessage } from './commentNotifications';
import { emitRoundChange } from './roundEvents';
import { readVersionDoc } from './rounds/versionDoc';

type Deps = AppDeps;

interface ListFilter {
  status?: 'open' | 'resolved' | 'all' | undefined;
  mine?: string | undefined;
  round?: string | undefined;
}

function applyFilter(threads: CommentThread[], userId: string, filter: ListFilter): CommentThread[] {
  return threads.filter(
    (thread) =>
      (!filter.status || filter.status === 'all' || thread.status === filter.status) &&
      (!filter.mine || thread.messages.some((message) => message.author?.id === userId)),
  );
}

/** GET /api/documents/:docId/comments — the live draft's threads, or (team only) one round's. */
export async function listDocumentComments(deps: Deps, userId: string, docId: string, filter: ListFilter) {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  if (filter.round && filter.round !== 'live') {
    const { round } = await authorizeRound(deps.stores, userId, filter.round, 'viewVersion');
    if (round.doc_id !== docId) throw notFound('Deze feedbackronde bestaat niet.');
    return listRoundComments(deps, userId, round.id, filter);
  }
  const rows = await deps.stores.rounds.liveComments(docId);
  const threads = await readDocument(deps, docId, async (doc) => await groupThreads(deps, rows, doc));
  return { threads: applyFilter(threads, userId, filter) };
}

/** GET /api/rounds/:roundId/comments — anchors resolve against the round's frozen version. */
export async function listRoundComments(deps: Deps, userId: string, roundId: string, filter: ListFilter) {
  const { round } = await authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const rows = await deps.stores.rounds.roundComments(round.id);
  return {
    threads: await readVersionDoc(deps, round, async (doc) =>
      applyFilter(await groupThreads(deps, rows, doc), userId, filter),
    ),
  };
}

/** One thread, its anchor resolved against the doc it was made on. */
async function threadOf(deps: Deps, threadId: string): Promise<CommentThread> {
  const rows = await deps.stores.rounds.threadMessages(threadId);
  if (rows.length === 0) throw notFound('Deze reactie bestaat niet.');
  const root = rows[0]!;
  if (root.round_id) {
    const round = (await deps.stores.rounds.round(root.round_id))!;
    return await readVersionDoc(deps, round, async (doc) => await presentThread(deps, rows, doc));
  }
  return readDocument(deps, root.doc_id, async (doc) => await presentThread(deps, rows, doc));
}

/** Checks that a new anchor points into the doc it is made on (a known fragment or item). */
function checkAnchor(doc: Y.Doc, anchor: Anchor | null): void {
  if (!anchor || anchor.type !== 'text') return;
  if (!doc.share.has(anchor.fragment))
    throw new ApiError(400, 'invalid_anchor', 'Het anker wijst naar een onbekende tekst.');
  if (resolveTextAnchor(doc, anchor).status !== 'attached') {
    throw new ApiError(400, 'invalid_anchor', 'Het anker wijst niet naar bestaande tekst in dit document.');
  }
}

/**
 * Inside the transaction that writes in a round's thread: the round still lets the user comment,
 * and stays open until the write commits (a close waits for it, or it sees the close and refuses).
 */
async function keepRoundOpen(tx: Deps, userId: string, roundId: string | null): Promise<void> {
  if (roundId) await authorizeLockedRound(tx.stores, userId, roundId, 'comment', 'share');
}

async function insertThread(
  deps: Deps,
  input: { userId: string; docId: string; roundId: string | null; anchor: Anchor | null; body: string },
): Promise<CommentThread> {
  const id = randomUUID();
  await deps.transaction(async (tx) => {
    await keepRoundOpen(tx, input.userId, input.roundId);
    await tx.stores.rounds.insertComment({
      id,
      threadId: id,
      docId: input.docId,
      roundId: input.roundId,
      authorId: input.userId,
      body: input.body,
      anchor: input.anchor,
    });
    await notifyForMessage(tx, {
      authorId: input.userId,
      docId: input.docId,
      roundId: input.roundId,
      threadId: id,
      messageId: id,
      body: input.body,
      isReply: false,
    });
  });
  emitRoundChange(input.docId, { kind: 'comments', roundId: input.roundId });
  return threadOf(deps, id);
}

/** POST /api/documents/:docId/comments — a thread on the live draft (commenters and up). */
export async function createDocumentThread(
  deps: Deps,
  userId: string,
  docId: string,
  input: { anchor: Anchor | null; body: string },
): Promise<CommentThread> {
  await authorizeLiveComment(deps.stores, userId, docId);
  await readDocument(deps, docId, (doc) => checkAnchor(doc, input.anchor));
  return await insertThread(deps, { userId, docId, roundId: null, ...input });
}

/** POST /api/rounds/:roundId/comments — reviewers and commenting team members, while the round is open. */
export async function createRoundThread(
  deps: Deps,
  userId: string,
  roundId: string,
  input: { anchor: Anchor | null; body: string },
): Promise<CommentThread> {
  const round = await authorizeRoundComment(deps.stores, userId, roundId);
  await readVersionDoc(deps, round, (doc) => checkAnchor(doc, input.anchor));
  return await insertThread(deps, { userId, docId: round.doc_id, roundId: round.id, ...input });
}

/** POST /api/comments/:threadId/replies */
export async function replyToThread(
  deps: Deps,
  userId: string,
  threadId: string,
  body: string,
): Promise<CommentMessage> {
  const root = await authorizeThreadWrite(deps.stores, userId, threadId);
  const id = randomUUID();
  await deps.transaction(async (tx) => {
    await keepRoundOpen(tx, userId, root.round_id);
    await tx.stores.rounds.insertComment({
      id,
      threadId: root.id,
      docId: root.doc_id,
      roundId: root.round_id,
      authorId: userId,
      body,
      anchor: null,
    });
    await notifyForMessage(tx, {
      authorId: userId,
      docId: root.doc_id,
      roundId: root.round_id,
      threadId: root.id,
      messageId: id,
      body,
      isReply: true,
    });
  });
  emitRoundChange(root.doc_id, { kind: 'comments', roundId: root.round_id });
  return presentMessage(deps, (await deps.stores.rounds.comment(id))!);
}

/** PATCH /api/comments/messages/:messageId — own messages only. */
export async function editMessage(
  deps: Deps,
  userId: string,
  messageId: string,
  body: string,
): Promise<CommentMessage> {
  const message = await authorizeOwnMessage(deps.stores, userId, messageId);
  await deps.transaction(async (tx) => {
    await keepRoundOpen(tx, userId, message.round_id);
    // The text as it stands now, held until the edit commits: of two edits at once, the second
    // compares with the first one's mentions and notifies nobody twice.
    const current = await tx.stores.rounds.lockComment(messageId);
    if (!current || current.deleted_at !== null)
      throw new ApiError(409, 'deleted', 'Dit bericht is verwijderd.');
    const before = new Set(mentionedIds(current.body));
    await tx.stores.rounds.editComment(messageId, body);
    // Only people newly mentioned by the edit hear about it.
    const added = mentionedIds(body).filter((id) => !before.has(id));
    if (added.length > 0) {
      await notifyForMessage(tx, {
        authorId: userId,
        docId: message.doc_id,
        roundId: message.round_id,
        threadId: message.thread_id,
        messageId,
        body: added.map((id) => `@[x](${id})`).join(' '),
        isReply: false,
      });
    }
  });
  emitRoundChange(message.doc_id, { kind: 'comments', roundId: message.round_id });
  return presentMessage(deps, (await deps.stores.rounds.comment(messageId))!);
}

/** DELETE /api/comments/messages/:messageId — own messages; the thread keeps "bericht verwijderd". */
export async function deleteMessage(deps: Deps, userId: string, messageId: string): Promise<void> {
  const message = await authorizeOwnMessage(deps.stores, userId, messageId);
  await deps.transaction(async (tx) => {
    await keepRoundOpen(tx, userId, message.round_id);
    await tx.stores.rounds.deleteComment(messageId);
  });
  emitRoundChange(message.doc_id, { kind: 'comments', roundId: message.round_id });
}

/** POST /api/comments/:threadId/resolve | reopen */
export async function setThreadResolved(
  deps: Deps,
  userId: string,
  threadId: string,
  resolved: boolean,
): Promise<CommentThread> {
  const root = await authorizeThreadWrite(deps.stores, userId, threadId);
  await deps.transaction(async (tx) => {
    await keepRoundOpen(tx, userId, root.round_id);
    await tx.stores.rounds.setResolved(root.id, resolved ? userId : null);
  });
  emitRoundChange(root.doc_id, { kind: 'comments', roundId: root.round_id });
  return threadOf(deps, root.id);
}
