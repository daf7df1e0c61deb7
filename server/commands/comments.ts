import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { resolveTextAnchor } from '../../shared/comments/anchors';
import { can } from '../../shared/domain/roles';
import { LA } from '../../shared/editor/leerarrangementDoc';
import { SECTIONS_ARRAY } from '../../shared/editor/fields';
import {
  anchorSchema,
  type Anchor,
  type CommentMessage,
  type CommentThread,
  type ItemAnchor,
} from '../../shared/schemas/feedback';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import type { CommentRow } from '../stores/feedback';
import {
  canSeeContext,
  documentPath,
  iso,
  loadVersionDoc,
  person,
  requireRound,
  sortedPeople,
  teamPeople,
  teamRoleOn,
  type RoundAccess,
} from './feedbackAccess';
import { emitFeedbackChange } from './feedbackEvents';

type Deps = AppDeps;

/** `@[Naam](userId)` — how a mention is written in a message body. */
const MENTION = /@\[([^\]\n]{1,200})\]\(([A-Za-z0-9-]{1,100})\)/g;

export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[2]!))];
}

function presentMessage(deps: Deps, row: CommentRow): CommentMessage {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    threadId: row.thread_id,
    author: person(row.author_id, row.author_name),
    body: deleted ? '' : row.body,
    mentions: deleted
      ? []
      : mentionedIds(row.body).flatMap((id) => {
          const user = deps.stores.users.get(id);
          return user ? [{ id, name: user.name }] : [];
        }),
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: iso(row.edited_at),
    deleted,
  };
}

function parseAnchor(raw: string | null): Anchor | null {
  if (!raw) return null;
  const parsed = anchorSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/** Whether a structured item still exists in the doc. */
function itemExists(doc: Y.Doc, anchor: ItemAnchor): boolean {
  const hasId = (array: Y.Array<unknown>) =>
    array.toArray().some((entry) => entry instanceof Y.Map && entry.get('id') === anchor.itemId);
  switch (anchor.itemKind) {
    case 'section':
      return hasId(doc.getArray(SECTIONS_ARRAY));
    case 'activity':
      return hasId(doc.getArray(LA.activities));
    case 'outcome':
      return doc.getMap<boolean>(LA.targetedOutcomes).get(anchor.itemId) === true;
    case 'evidence':
      return doc.getMap(LA.evidence).has(anchor.itemId);
    case 'field':
      return true;
  }
}

/** Thread view of its messages, with the anchor resolved against `doc` (live draft or frozen version). */
function presentThread(deps: Deps, rows: CommentRow[], doc: Y.Doc | null): CommentThread {
  const root = rows[0]!;
  const anchor = parseAnchor(root.anchor);
  let anchorStatus: CommentThread['anchorStatus'] = 'none';
  let currentQuote: string | null = null;
  if (anchor && doc) {
    if (anchor.type === 'text') {
      const resolved = resolveTextAnchor(doc, anchor);
      anchorStatus = resolved.status;
      currentQuote = resolved.status === 'attached' ? resolved.text : null;
    } else {
      anchorStatus = itemExists(doc, anchor) ? 'attached' : 'detached';
    }
  }
  return {
    id: root.id,
    docId: root.doc_id,
    roundId: root.round_id,
    anchor,
    anchorStatus,
    currentQuote,
    status: root.resolved_at === null ? 'open' : 'resolved',
    resolvedAt: iso(root.resolved_at),
    resolvedBy: person(root.resolved_by, root.resolved_by_name),
    carriedFrom:
      root.carried_from_round && root.carried_from_thread
        ? { roundId: root.carried_from_round, threadId: root.carried_from_thread }
        : null,
    createdAt: new Date(root.created_at).toISOString(),
    messages: rows.map((row) => presentMessage(deps, row)),
  };
}

/** Groups message rows (ordered by time) into threads, oldest thread first. */
export function groupThreads(deps: Deps, rows: CommentRow[], doc: Y.Doc | null): CommentThread[] {
  const byThread = new Map<string, CommentRow[]>();
  for (const row of rows) {
    const list = byThread.get(row.thread_id) ?? [];
    list.push(row);
    byThread.set(row.thread_id, list);
  }
  return [...byThread.values()]
    .filter((list) => list[0]!.id === list[0]!.thread_id)
    .map((list) => presentThread(deps, list, doc));
}

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
export function listDocumentComments(deps: Deps, userId: string, docId: string, filter: ListFilter) {
  authorizeDocument(deps.stores, userId, docId, 'document.read');
  if (filter.round && filter.round !== 'live') {
    const { round } = requireRound(deps, userId, filter.round);
    if (round.doc_id !== docId) throw notFound('Deze feedbackronde bestaat niet.');
    return listRoundComments(deps, userId, round.id, filter);
  }
  const rows = deps.stores.feedback.liveComments(docId);
  const threads = readDocument(deps, docId, (doc) => groupThreads(deps, rows, doc));
  return { threads: applyFilter(threads, userId, filter) };
}

/** GET /api/rounds/:roundId/comments — anchors resolve against the round's frozen version. */
export function listRoundComments(deps: Deps, userId: string, roundId: string, filter: ListFilter) {
  const { round } = requireRound(deps, userId, roundId, { activeReviewer: true });
  const rows = deps.stores.feedback.roundComments(round.id);
  const doc = loadVersionDoc(deps, round);
  try {
    return { threads: applyFilter(groupThreads(deps, rows, doc), userId, filter) };
  } finally {
    doc.destroy();
  }
}

function threadOf(deps: Deps, threadId: string): CommentThread {
  const rows = deps.stores.feedback.threadMessages(threadId);
  if (rows.length === 0) throw notFound('Deze reactie bestaat niet.');
  const root = rows[0]!;
  if (root.round_id) {
    const round = deps.stores.feedback.round(root.round_id)!;
    const doc = loadVersionDoc(deps, round);
    try {
      return presentThread(deps, rows, doc);
    } finally {
      doc.destroy();
    }
  }
  return readDocument(deps, root.doc_id, (doc) => presentThread(deps, rows, doc));
}

/** Notifies mentioned people who can see the context, and (for replies) earlier participants. */
function notifyForMessage(
  deps: Deps,
  input: {
    authorId: string;
    docId: string;
    roundId: string | null;
    threadId: string;
    body: string;
    isReply: boolean;
  },
): void {
  const store = deps.stores.feedback;
  const document = deps.stores.documents.get(input.docId)!;
  const author = deps.stores.users.displayName(input.authorId);
  const link = input.roundId
    ? `/ronde/${encodeURIComponent(input.roundId)}?reactie=${encodeURIComponent(input.threadId)}`
    : `${documentPath(document)}?reactie=${encodeURIComponent(input.threadId)}`;
  const teamLink = input.roundId
    ? `${documentPath(document)}?ronde=${encodeURIComponent(input.roundId)}&reactie=${encodeURIComponent(input.threadId)}`
    : link;
  const linkFor = (userId: string) =>
    input.roundId && can(teamRoleOn(deps, userId, document), 'document.read') ? teamLink : link;
  const notified = new Set<string>([input.authorId]);
  for (const userId of mentionedIds(input.body)) {
    if (notified.has(userId) || !canSeeContext(deps, userId, input.docId, input.roundId)) continue;
    notified.add(userId);
    store.notify({
      userId,
      kind: 'mention',
      text: `${author} noemde je in een reactie bij "${document.title}".`,
      link: linkFor(userId),
      actorId: input.authorId,
      docId: input.docId,
    });
  }
  if (!input.isReply) return;
  for (const row of store.threadMessages(input.threadId)) {
    const userId = row.author_id;
    if (!userId || notified.has(userId) || !canSeeContext(deps, userId, input.docId, input.roundId)) continue;
    notified.add(userId);
    store.notify({
      userId,
      kind: 'reply',
      text: `${author} reageerde op een gesprek bij "${document.title}".`,
      link: linkFor(userId),
      actorId: input.authorId,
      docId: input.docId,
    });
  }
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

function insertThread(
  deps: Deps,
  input: { userId: string; docId: string; roundId: string | null; anchor: Anchor | null; body: string },
): CommentThread {
  const id = randomUUID();
  deps.db.transaction(() => {
    deps.stores.feedback.insertComment({
      id,
      threadId: id,
      docId: input.docId,
      roundId: input.roundId,
      authorId: input.userId,
      body: input.body,
      anchor: input.anchor,
    });
    notifyForMessage(deps, {
      authorId: input.userId,
      docId: input.docId,
      roundId: input.roundId,
      threadId: id,
      body: input.body,
      isReply: false,
    });
  })();
  emitFeedbackChange(input.docId, { kind: 'comments', roundId: input.roundId });
  return threadOf(deps, id);
}

/** POST /api/documents/:docId/comments — a thread on the live draft (commenters and up). */
export function createDocumentThread(
  deps: Deps,
  userId: string,
  docId: string,
  input: { anchor: Anchor | null; body: string },
): CommentThread {
  authorizeDocument(deps.stores, userId, docId, 'document.comment');
  readDocument(deps, docId, (doc) => checkAnchor(doc, input.anchor));
  return insertThread(deps, { userId, docId, roundId: null, ...input });
}

function mayCommentInRound(access: RoundAccess): boolean {
  return access.kind === 'reviewer' || can(access.role, 'document.comment');
}

/** POST /api/rounds/:roundId/comments — reviewers (while open) and commenting team members. */
export function createRoundThread(
  deps: Deps,
  userId: string,
  roundId: string,
  input: { anchor: Anchor | null; body: string },
): CommentThread {
  const { round, access } = requireRound(deps, userId, roundId, { activeReviewer: true });
  if (!mayCommentInRound(access)) throw forbidden('Je rol staat reageren niet toe.');
  if (round.status !== 'open') throw new ApiError(409, 'round_closed', 'Deze feedbackronde is gesloten.');
  const doc = loadVersionDoc(deps, round);
  try {
    checkAnchor(doc, input.anchor);
  } finally {
    doc.destroy();
  }
  return insertThread(deps, { userId, docId: round.doc_id, roundId: round.id, ...input });
}

/**
 * Loads a thread root the caller may write to: live threads need `document.comment`; round threads
 * need an open round and reviewer access or a commenting team role.
 */
function writableThread(deps: Deps, userId: string, threadId: string): CommentRow {
  const root = deps.stores.feedback.comment(threadId);
  if (!root || root.thread_id !== root.id) throw notFound('Deze reactie bestaat niet.');
  if (root.round_id) {
    const { round, access } = requireRound(deps, userId, root.round_id, { activeReviewer: true });
    if (!mayCommentInRound(access)) throw forbidden('Je rol staat reageren niet toe.');
    if (round.status !== 'open' && access.kind === 'reviewer') {
      throw new ApiError(409, 'round_closed', 'Deze feedbackronde is gesloten.');
    }
  } else {
    try {
      authorizeDocument(deps.stores, userId, root.doc_id, 'document.comment');
    } catch (error) {
      // Someone who cannot even read the document learns nothing about the thread.
      if (
        error instanceof ApiError &&
        error.status === 403 &&
        !canSeeContext(deps, userId, root.doc_id, null)
      ) {
        throw notFound('Deze reactie bestaat niet.');
      }
      throw error;
    }
  }
  return root;
}

/** POST /api/comments/:threadId/replies */
export function replyToThread(deps: Deps, userId: string, threadId: string, body: string): CommentMessage {
  const root = writableThread(deps, userId, threadId);
  const id = randomUUID();
  deps.db.transaction(() => {
    deps.stores.feedback.insertComment({
      id,
      threadId: root.id,
      docId: root.doc_id,
      roundId: root.round_id,
      authorId: userId,
      body,
      anchor: null,
    });
    notifyForMessage(deps, {
      authorId: userId,
      docId: root.doc_id,
      roundId: root.round_id,
      threadId: root.id,
      body,
      isReply: true,
    });
  })();
  emitFeedbackChange(root.doc_id, { kind: 'comments', roundId: root.round_id });
  return presentMessage(deps, deps.stores.feedback.comment(id)!);
}

function ownMessage(deps: Deps, userId: string, messageId: string): CommentRow {
  const message = deps.stores.feedback.comment(messageId);
  if (!message) throw notFound('Dit bericht bestaat niet.');
  writableThread(deps, userId, message.thread_id);
  if (message.author_id !== userId) throw forbidden('Je kunt alleen je eigen berichten wijzigen.');
  if (message.deleted_at !== null) throw new ApiError(409, 'deleted', 'Dit bericht is verwijderd.');
  return message;
}

/** PATCH /api/comments/messages/:messageId — own messages only. */
export function editMessage(deps: Deps, userId: string, messageId: string, body: string): CommentMessage {
  const message = ownMessage(deps, userId, messageId);
  const before = new Set(mentionedIds(message.body));
  deps.db.transaction(() => {
    deps.stores.feedback.editComment(messageId, body);
    // Only people newly mentioned by the edit hear about it.
    const added = mentionedIds(body).filter((id) => !before.has(id));
    if (added.length > 0) {
      notifyForMessage(deps, {
        authorId: userId,
        docId: message.doc_id,
        roundId: message.round_id,
        threadId: message.thread_id,
        body: added.map((id) => `@[x](${id})`).join(' '),
        isReply: false,
      });
    }
  })();
  emitFeedbackChange(message.doc_id, { kind: 'comments', roundId: message.round_id });
  return presentMessage(deps, deps.stores.feedback.comment(messageId)!);
}

/** DELETE /api/comments/messages/:messageId — own messages; the thread keeps "bericht verwijderd". */
export function deleteMessage(deps: Deps, userId: string, messageId: string): void {
  const message = ownMessage(deps, userId, messageId);
  deps.stores.feedback.deleteComment(messageId);
  emitFeedbackChange(message.doc_id, { kind: 'comments', roundId: message.round_id });
}

/** POST /api/comments/:threadId/resolve | reopen */
export function setThreadResolved(
  deps: Deps,
  userId: string,
  threadId: string,
  resolved: boolean,
): CommentThread {
  const root = writableThread(deps, userId, threadId);
  deps.stores.feedback.setResolved(root.id, resolved ? userId : null);
  emitFeedbackChange(root.doc_id, { kind: 'comments', roundId: root.round_id });
  return threadOf(deps, root.id);
}

/** GET /api/documents/:docId/mentionable — the team members (people who can see the live draft). */
export function mentionable(deps: Deps, userId: string, docId: string) {
  const { document } = authorizeDocument(deps.stores, userId, docId, 'document.read');
  return { people: sortedPeople(teamPeople(deps, document)) };
}
