import type { InferRequestType } from 'hono/client';
import type { CommentMessage, CommentThread, PersonRef, Round } from '../../../shared/schemas/rounds';
import { api, apiUrl, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const documents = api.documents[':docId'];
const rounds = api.rounds[':roundId'];

/** Whose comments: the live draft's everyday comments, or one feedback round's. */
export type CommentScope = { docId: string; roundId: string | null };

/** `round` for the document list: "live" or a round id. */
export type RoundFilter = 'live' | string;

/**
 * Threads of a document (everyday comments, or those of one round with `round`), or — with a
 * round scope — of the round itself (anchors resolved against its frozen version). All statuses:
 * the panel filters open / resolved / mine itself, so its counts stay right.
 */
export async function listThreads(
  scope: CommentScope,
  round: RoundFilter = 'live',
): Promise<CommentThread[]> {
  const body = scope.roundId
    ? await readJson(
        rounds.comments.$get({ param: pathParams({ roundId: scope.roundId }), query: { status: 'all' } }),
      )
    : await readJson(
        documents.comments.$get({
          param: pathParams({ docId: scope.docId }),
          query: { status: 'all', round },
        }),
      );
  return body.threads;
}

/** POST a new thread, on the live draft or in a round. */
export function createThread(
  scope: CommentScope,
  body: InferRequestType<typeof documents.comments.$post>['json'],
): Promise<CommentThread> {
  return scope.roundId
    ? readJson(rounds.comments.$post({ param: pathParams({ roundId: scope.roundId }), json: body }))
    : readJson(documents.comments.$post({ param: pathParams({ docId: scope.docId }), json: body }));
}

/** POST /api/comments/:threadId/replies */
export function replyToThread(threadId: string, body: string): Promise<CommentMessage> {
  return readJson(
    api.comments[':threadId'].replies.$post({ param: pathParams({ threadId }), json: { body } }),
  );
}

/** PATCH /api/comments/messages/:messageId — only the author. */
export function editMessage(messageId: string, body: string): Promise<CommentMessage> {
  return readJson(
    api.comments.messages[':messageId'].$patch({ param: pathParams({ messageId }), json: { body } }),
  );
}

/** DELETE /api/comments/messages/:messageId */
export function deleteMessage(messageId: string): Promise<void> {
  return readJson(api.comments.messages[':messageId'].$delete({ param: pathParams({ messageId }) }));
}

/** POST /api/comments/:threadId/resolve */
export function resolveThread(threadId: string): Promise<CommentThread> {
  return readJson(api.comments[':threadId'].resolve.$post({ param: pathParams({ threadId }) }));
}

/** POST /api/comments/:threadId/reopen */
export function reopenThread(threadId: string): Promise<CommentThread> {
  return readJson(api.comments[':threadId'].reopen.$post({ param: pathParams({ threadId }) }));
}

/** People who can see the document (and, for a round, its reviewers): who can be @mentioned. */
export async function listMentionable(scope: CommentScope): Promise<PersonRef[]> {
  const body = scope.roundId
    ? await readJson(rounds.mentionable.$get({ param: pathParams({ roundId: scope.roundId }) }))
    : await readJson(documents.mentionable.$get({ param: pathParams({ docId: scope.docId }) }));
  return body.people;
}

/** The document's feedback rounds (for the panel's round filter). */
export async function listDocumentRounds(docId: string): Promise<Round[]> {
  return (await readJson(documents.rounds.$get({ param: pathParams({ docId }) }))).rounds;
}

/** The server-sent events stream that says when comments (or rounds) of the document change. */
export function commentEventsUrl(scope: CommentScope): string {
  return scope.roundId
    ? apiUrl(rounds.events.$path({ param: pathParams({ roundId: scope.roundId }) }))
    : apiUrl(documents.events.$path({ param: pathParams({ docId: scope.docId }) }));
}
