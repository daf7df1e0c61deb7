import { can } from '../../shared/domain/roles';
import type { AppDeps } from '../deps';
import { canSeeThread } from '../policies/comment';
import { teamRoleOn } from '../policies/round';
import { mentionedIds } from '../presenters/comments';
import { actorText } from '../presenters/notificationText';
import { documentPath, roundPath, teamRoundPath } from '../presenters/paths';

/** A message just written: who wrote it where, and whether it answers a thread. */
export interface NewMessage {
  authorId: string;
  docId: string;
  roundId: string | null;
  threadId: string;
  /** The message itself (a mail quotes it). */
  messageId: string;
  body: string;
  isReply: boolean;
}

/**
 * Notifies the people a message mentions and (for replies) the thread's earlier authors — only
 * those who can see the thread. The team opens a round's thread beside its draft, reviewers on the
 * round's own page. Call inside the transaction that writes the message.
 */
export async function notifyForMessage(deps: Pick<AppDeps, 'stores'>, message: NewMessage): Promise<void> {
  const store = deps.stores.rounds;
  const document = (await deps.stores.documents.get(message.docId))!;
  const thread = encodeURIComponent(message.threadId);
  const link = message.roundId
    ? `${roundPath(message.roundId)}?reactie=${thread}`
    : `${documentPath(document)}?reactie=${thread}`;
  const teamLink = message.roundId ? `${teamRoundPath(document, message.roundId)}&reactie=${thread}` : link;
  const linkFor = async (userId: string) =>
    message.roundId && can(await teamRoleOn(deps.stores, userId, document), 'document.read')
      ? teamLink
      : link;
  const notified = new Set<string>([message.authorId]);
  const mayHear = async (userId: string | null): Promise<boolean> =>
    userId !== null &&
    !notified.has(userId) &&
    (await canSeeThread(deps.stores, userId, message.docId, message.roundId));
  for (const userId of mentionedIds(message.body)) {
    if (!(await mayHear(userId))) continue;
    notified.add(userId);
    await store.notify({
      userId,
      kind: 'mention',
      text: actorText(` noemde je in een reactie bij "${document.title}".`),
      link: await linkFor(userId),
      actorId: message.authorId,
      docId: message.docId,
      commentId: message.messageId,
    });
  }
  if (!message.isReply) return;
  for (const row of await store.threadMessages(message.threadId)) {
    const userId = row.author_id;
    if (userId === null || !(await mayHear(userId))) continue;
    notified.add(userId);
    await store.notify({
      userId,
      kind: 'reply',
      text: actorText(` reageerde op een gesprek bij "${document.title}".`),
      link: await linkFor(userId),
      actorId: message.authorId,
      docId: message.docId,
      commentId: message.messageId,
    });
  }
}
