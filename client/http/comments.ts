import type { Anchor, CommentMessage, CommentThread, PersonRef, Round } from '../../shared/schemas/feedback';
import { requestJson } from './request';

const enc = encodeURIComponent;

/** Whose comments: the live draft's everyday comments, or one feedback round's. */
export type CommentScope = { docId: string; roundId: string | null };

/** `round` for the document list: "live" or a round id. */
export type RoundFilter = 'live' | string;

/**
 * Threads of a document (everyday comments, or those of one round with `round`), or — with a
 * round scope — of the round itself (anchors resolved against its frozen version). All statuses:
 * the panel filters open / resolved / mine itself, so its counts stay right.
 */
export function listThreads(scope: CommentScope, round: RoundFilter = 'live'): Promise<CommentThread[]> {
  const url = scope.roundId
    ? `/api/rounds/${enc(scope.roundId)}/comments?status=all`
    : `/api/documents/${enc(scope.docId)}/comments?status=all&round=${enc(round)}`;
  return requestJson<{ threads: CommentThread[] }>(url).then((body) => body.threads);
}

export function createThread(
  scope: CommentScope,
  body: { anchor: Anchor | null; body: string },
): Promise<CommentThread> {
  const url = scope.roundId
    ? `/api/rounds/${enc(scope.roundId)}/comments`
    : `/api/documents/${enc(scope.docId)}/comments`;
  return requestJson<CommentThread>(url, { method: 'POST', body });
}

export function replyToThread(threadId: string, body: string): Promise<CommentMessage> {
  return requestJson<CommentMessage>(`/api/comments/${enc(threadId)}/replies`, {
    method: 'POST',
    body: { body },
  });
}

export function editMessage(messageId: string, body: string): Promise<CommentMessage> {
  return requestJson<CommentMessage>(`/api/comments/messages/${enc(messageId)}`, {
    method: 'PATCH',
    body: { body },
  });
}

export function deleteMessage(messageId: string): Promise<void> {
  return requestJson<void>(`/api/comments/messages/${enc(messageId)}`, { method: 'DELETE' });
}

export function resolveThread(threadId: string): Promise<CommentThread> {
  return requestJson<CommentThread>(`/api/comments/${enc(threadId)}/resolve`, { method: 'POST' });
}

export function reopenThread(threadId: string): Promise<CommentThread> {
  return requestJson<CommentThread>(`/api/comments/${enc(threadId)}/reopen`, { method: 'POST' });
}

/** People who can see the document (and, for a round, its reviewers): who can be @mentioned. */
export function listMentionable(scope: CommentScope): Promise<PersonRef[]> {
  const url = scope.roundId
    ? `/api/rounds/${enc(scope.roundId)}/mentionable`
    : `/api/documents/${enc(scope.docId)}/mentionable`;
  return requestJson<{ people: PersonRef[] }>(url).then((body) => body.people);
}

/** The document's feedback rounds (for the panel's round filter). */
export function listDocumentRounds(docId: string): Promise<Round[]> {
  return requestJson<{ rounds: Round[] }>(`/api/documents/${enc(docId)}/rounds`).then((body) => body.rounds);
}

/** The server-sent events stream that says when comments (or rounds) of the document change. */
export function commentEventsUrl(scope: CommentScope): string {
  return scope.roundId
    ? `/api/rounds/${enc(scope.roundId)}/events`
    : `/api/documents/${enc(scope.docId)}/events`;
}
