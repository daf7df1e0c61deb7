import type { Executor } from '../db/database';
import type { RoundRow } from './rounds';

/** Queries on `round_deadline_notices`: rounds whose "deadline nears" notice went out. */
export function createDeadlineNoticeStore(db: Executor) {
  return {
    /** Open rounds whose deadline falls within `withinMs` from `now` and that had no notice yet. */
    dueForNotice(withinMs: number, now = Date.now()): Promise<RoundRow[]> {
      return db
        .selectFrom('feedback_rounds as r')
        .leftJoin('round_deadline_notices as n', 'n.round_id', 'r.id')
        .selectAll('r')
        .where('r.status', '=', 'open')
        .where('r.deadline', '>', now)
        .where('r.deadline', '<=', now + withinMs)
        .where('n.round_id', 'is', null)
        .limit(100)
        .execute() as Promise<RoundRow[]>;
    },
    /** Records the notice; false when another run (another instance) already did. */
    async claim(roundId: string, now = Date.now()): Promise<boolean> {
      const result = await db
        .insertInto('round_deadline_notices')
        .values({ round_id: roundId, created_at: now })
        .onConflict((oc) => oc.column('round_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
  };
}

export type DeadlineNoticeStore = ReturnType<typeof createDeadlineNoticeStore>;
