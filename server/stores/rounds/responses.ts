import type { ReviewerPerspective } from '../../../shared/domain/design/feedback';
import type { Executor } from '../../db/database';

/** A reviewer's answer to one criterion, with their name and when they submitted (null: not yet). */
export interface ResponseRow {
  id: string;
  round_id: string;
  user_id: string | null;
  user_name: string | null;
  criterion_id: string;
  score: number | null;
  text: string;
  updated_at: number;
  submitted_at: number | null;
  /** Whom the reviewer speaks for in this round (R13); null until they say. */
  perspective: ReviewerPerspective | null;
}

/** Queries on `round_responses` and `round_submissions`. */
export function responseQueries(db: Executor) {
  return {
    /** Saves the reviewer's answer to a criterion, replacing an earlier one. */
    async upsertResponse(response: {
      id: string;
      roundId: string;
      userId: string;
      criterionId: string;
      score: number | null;
      text: string;
    }): Promise<void> {
      await db
        .insertInto('round_responses')
        .values({
          id: response.id,
          round_id: response.roundId,
          user_id: response.userId,
          criterion_id: response.criterionId,
          score: response.score,
          text: response.text,
          updated_at: Date.now(),
        })
        .onConflict((oc) =>
          oc.columns(['round_id', 'user_id', 'criterion_id']).doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            text: eb.ref('excluded.text'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
    /** Every answer of the round, oldest change first. */
    responses(roundId: string): Promise<ResponseRow[]> {
      return db
        .selectFrom('round_responses as rr')
        .leftJoin('users as u', 'u.id', 'rr.user_id')
        .leftJoin('round_submissions as s', (join) =>
          join.onRef('s.round_id', '=', 'rr.round_id').onRef('s.user_id', '=', 'rr.user_id'),
        )
        .leftJoin('round_perspectives as p', (join) =>
          join.onRef('p.round_id', '=', 'rr.round_id').onRef('p.user_id', '=', 'rr.user_id'),
        )
        .selectAll('rr')
        .select(['u.name as user_name', 's.submitted_at', 'p.perspective'])
        .where('rr.round_id', '=', roundId)
        .orderBy('rr.updated_at')
        .orderBy('rr.id')
        .execute();
    },
    /** Marks the reviewer's answers as sent; a second submit moves the time. True on the first submit. */
    async submit(roundId: string, userId: string): Promise<boolean> {
      const now = Date.now();
      // Insert-or-nothing, then update: which of two concurrent submits was the first is decided by
      // the primary key (the second waits for the first to commit and then inserts nothing).
      const inserted = await db
        .insertInto('round_submissions')
        .values({ round_id: roundId, user_id: userId, submitted_at: now })
        .onConflict((oc) => oc.columns(['round_id', 'user_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
      await db
        .updateTable('round_submissions')
        .set({ submitted_at: now })
        .where('round_id', '=', roundId)
        .where('user_id', '=', userId)
        .execute();
      return false;
    },
    /** Who has submitted, and when. */
    submissions(roundId: string): Promise<{ user_id: string; submitted_at: number }[]> {
      return db
        .selectFrom('round_submissions')
        .select(['user_id', 'submitted_at'])
        .where('round_id', '=', roundId)
        .execute();
    },
  };
}
