import type { Executor } from '../../db/database';
import { changed, insertionOrder } from '../../db/portable';
import { lockingRead } from '../rowLock';

/** One message of a comment thread (a thread is its first message, `thread_id = id`, and its replies). */
export interface CommentRow {
  id: string;
  thread_id: string;
  doc_id: string;
  round_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string;
  anchor: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  carried_from_round: string | null;
  carried_from_thread: string | null;
}

// Named rather than `c.*`: on PostgreSQL the table also has the insertion-order column `seq`.
const COMMENT_COLUMNS = [
  'c.id',
  'c.thread_id',
  'c.doc_id',
  'c.round_id',
  'c.author_id',
  'c.body',
  'c.anchor',
  'c.created_at',
  'c.edited_at',
  'c.deleted_at',
  'c.resolved_at',
  'c.resolved_by',
  'c.carried_from_round',
  'c.carried_from_thread',
] as const;

/** Queries on `comments`. */
export function commentQueries(db: Executor) {
  const comments = () =>
    db
      .selectFrom('comments as c')
      .leftJoin('users as a', 'a.id', 'c.author_id')
      .leftJoin('users as r', 'r.id', 'c.resolved_by')
      .select(COMMENT_COLUMNS)
      .select(['a.name as author_name', 'r.name as resolved_by_name']);
  // Messages of one second keep the order in which they were written.
  const inOrder = () => comments().orderBy('c.created_at').orderBy(insertionOrder(db, 'c'));

  return {
    /** Stores a message; `anchor` (thread roots only) as JSON, null for the document as a whole. */
    async insertComment(comment: {
      id: string;
      threadId: string;
      docId: string;
      roundId: string | null;
      authorId: string;
      body: string;
      anchor: unknown;
      createdAt?: number;
      carriedFromRound?: string | null;
      carriedFromThread?: string | null;
    }): Promise<void> {
      await db
        .insertInto('comments')
        .values({
          id: comment.id,
          thread_id: comment.threadId,
          doc_id: comment.docId,
          round_id: comment.roundId,
          author_id: comment.authorId,
          body: comment.body,
          anchor:
            comment.anchor === null || comment.anchor === undefined ? null : JSON.stringify(comment.anchor),
          created_at: comment.createdAt ?? Date.now(),
          carried_from_round: comment.carriedFromRound ?? null,
          carried_from_thread: comment.carriedFromThread ?? null,
        })
        .execute();
    },
    comment(id: string): Promise<CommentRow | undefined> {
      return comments().where('c.id', '=', id).executeTakeFirst();
    },
    /** The document's comments outside any round, oldest first (at most 5000). */
    liveComments(docId: string): Promise<CommentRow[]> {
      return inOrder().where('c.doc_id', '=', docId).where('c.round_id', 'is', null).limit(5000).execute();
    },
    /** The round's comments, oldest first (at most 5000). */
    roundComments(roundId: string): Promise<CommentRow[]> {
      return inOrder().where('c.round_id', '=', roundId).limit(5000).execute();
    },
    /** A thread's messages, oldest first. */
    threadMessages(threadId: string): Promise<CommentRow[]> {
      return inOrder().where('c.thread_id', '=', threadId).execute();
    },
    /** A message's text and deletion, its row locked until the transaction ends (an edit reads it here). */
    lockComment(id: string): Promise<{ body: string; deleted_at: number | null } | undefined> {
      return lockingRead(
        db,
        db.selectFrom('comments').select(['body', 'deleted_at']).where('id', '=', id),
        'update',
      ).executeTakeFirst();
    },
    /** Replaces a message's text (false when it is unknown or deleted). */
    async editComment(id: string, body: string): Promise<boolean> {
      const result = await db
        .updateTable('comments')
        .set({ body, edited_at: Date.now() })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Empties a message and marks it deleted; the row stays so the thread keeps its shape. */
    async deleteComment(id: string): Promise<boolean> {
      const result = await db
        .updateTable('comments')
        .set({ body: '', deleted_at: Date.now() })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Resolves a thread (`userId`) or reopens it (null); false when `threadId` is not a thread root. */
    async setResolved(threadId: string, userId: string | null): Promise<boolean> {
      const result = await db
        .updateTable('comments')
        .set({ resolved_at: userId ? Date.now() : null, resolved_by: userId })
        .where('id', '=', threadId)
        .whereRef('thread_id', '=', 'id')
        .executeTakeFirst();
      return changed(result) === 1;
    },
  };
}
