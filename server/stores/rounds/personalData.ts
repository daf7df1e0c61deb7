import type { ReviewerPerspective } from '../../../shared/domain/design/feedback';
import type { Executor } from '../../db/database';

/** A comment or reply the user wrote, with where it was written. */
export interface AuthoredCommentRow {
  id: string;
  thread_id: string;
  doc_id: string;
  document_title: string | null;
  round_id: string | null;
  round_title: string | null;
  body: string;
  created_at: number;
  edited_at: number | null;
}

/** The user's answer to one criterion of a feedback round. */
export interface OwnResponseRow {
  round_id: string;
  round_title: string;
  document_title: string | null;
  criteria: string;
  criterion_id: string;
  score: number | null;
  text: string;
  updated_at: number;
  submitted_at: number | null;
  /** Whom they said they speak for in that round. */
  perspective: ReviewerPerspective | null;
}

/** What the user wrote in comments and feedback rounds, for their personal-data export (AVG art. 15/20). */
export function personalDataQueries(db: Executor) {
  return {
    /** The user's own comments and replies, oldest first; deleted ones hold no text and are left out. */
    commentsBy(userId: string): Promise<AuthoredCommentRow[]> {
      return db
        .selectFrom('comments as c')
        .leftJoin('documents as d', 'd.id', 'c.doc_id')
        .leftJoin('feedback_rounds as r', 'r.id', 'c.round_id')
        .select([
          'c.id',
          'c.thread_id',
          'c.doc_id',
          'd.title as document_title',
          'c.round_id',
          'r.title as round_title',
          'c.body',
          'c.created_at',
          'c.edited_at',
        ])
        .where('c.author_id', '=', userId)
        .where('c.deleted_at', 'is', null)
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute();
    },
    /** The user's answers in feedback rounds, by round, with the round's criteria to name them. */
    responsesBy(userId: string): Promise<OwnResponseRow[]> {
      return db
        .selectFrom('round_responses as rr')
        .innerJoin('feedback_rounds as r', 'r.id', 'rr.round_id')
        .leftJoin('documents as d', 'd.id', 'r.doc_id')
        .leftJoin('round_submissions as s', (join) =>
          join.onRef('s.round_id', '=', 'rr.round_id').onRef('s.user_id', '=', 'rr.user_id'),
        )
        .leftJoin('round_perspectives as p', (join) =>
          join.onRef('p.round_id', '=', 'rr.round_id').onRef('p.user_id', '=', 'rr.user_id'),
        )
        .select([
          'rr.round_id',
          'r.title as round_title',
          'd.title as document_title',
          'r.criteria',
          'rr.criterion_id',
          'rr.score',
          'rr.text',
          'rr.updated_at',
          's.submitted_at',
          'p.perspective',
        ])
        .where('rr.user_id', '=', userId)
        .orderBy('r.created_at')
        .orderBy('rr.round_id')
        .execute();
    },
  };
}
