import type { Executor } from '../../db/database';
import { changed, insertionOrder } from '../../db/portable';
import type { Criterion, RoundStatus } from '../../../shared/schemas/rounds';
import { lockingRead, type RowLock } from '../rowLock';

/** A feedback round: a frozen version sent out to reviewers with criteria and a deadline. */
export interface RoundRow {
  id: string;
  doc_id: string;
  version_id: string;
  title: string;
  description: string;
  deadline: number;
  criteria: string;
  status: RoundStatus;
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
  closed_by: string | null;
  completed_at: number | null;
  completed_by: string | null;
}

// Named rather than `*`: on PostgreSQL the table also has the insertion-order column `seq`.
const ROUND_COLUMNS = [
  'id',
  'doc_id',
  'version_id',
  'title',
  'description',
  'deadline',
  'criteria',
  'status',
  'created_by',
  'created_at',
  'closed_at',
  'closed_by',
  'completed_at',
  'completed_by',
] as const;

/** Queries on `feedback_rounds`. */
export function roundQueries(db: Executor) {
  const rounds = () =>
    db.selectFrom('feedback_rounds').select(ROUND_COLUMNS).$narrowType<{ status: RoundStatus }>();

  return {
    async insertRound(round: {
      id: string;
      docId: string;
      versionId: string;
      title: string;
      description: string;
      deadline: number;
      criteria: Criterion[];
      createdBy: string;
    }): Promise<void> {
      await db
        .insertInto('feedback_rounds')
        .values({
          id: round.id,
          doc_id: round.docId,
          version_id: round.versionId,
          title: round.title,
          description: round.description,
          deadline: round.deadline,
          criteria: JSON.stringify(round.criteria),
          created_by: round.createdBy,
          created_at: Date.now(),
        })
        .execute();
    },
    round(id: string): Promise<RoundRow | undefined> {
      return rounds().where('id', '=', id).executeTakeFirst();
    },
    /**
     * The round, its row locked until the transaction ends: `share` for writes that need it to stay
     * as it is (open, closed), `update` for writes to the round itself.
     */
    lockRound(id: string, mode: RowLock): Promise<RoundRow | undefined> {
      return lockingRead(db, rounds().where('id', '=', id), mode).executeTakeFirst();
    },
    /** The document's rounds, newest first. */
    roundsOfDoc(docId: string): Promise<RoundRow[]> {
      return rounds()
        .where('doc_id', '=', docId)
        .orderBy('created_at', 'desc')
        .orderBy(insertionOrder(db), 'desc')
        .execute();
    },
    /** Changes an open round (false when it is not open). */
    async updateRound(
      id: string,
      fields: { title: string; description: string; deadline: number; criteria: Criterion[] },
    ): Promise<boolean> {
      const result = await db
        .updateTable('feedback_rounds')
        .set({
          title: fields.title,
          description: fields.description,
          deadline: fields.deadline,
          criteria: JSON.stringify(fields.criteria),
        })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Closes an open round (false when it was not open); `userId` null: its deadline closed it. */
    async closeRound(id: string, userId: string | null, closedAt = Date.now()): Promise<boolean> {
      const result = await db
        .updateTable('feedback_rounds')
        .set({ status: 'closed', closed_at: closedAt, closed_by: userId })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Completes a closed round (false when it was not closed). */
    async completeRound(id: string, userId: string): Promise<boolean> {
      const result = await db
        .updateTable('feedback_rounds')
        .set({ status: 'completed', completed_at: Date.now(), completed_by: userId })
        .where('id', '=', id)
        .where('status', '=', 'closed')
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Up to 100 open rounds whose deadline has passed, earliest first. */
    overdueRounds(now = Date.now()): Promise<RoundRow[]> {
      return rounds()
        .where('status', '=', 'open')
        .where('deadline', '<=', now)
        .orderBy('deadline')
        .limit(100)
        .execute();
    },
    /**
     * Closed rounds of the document (rule R13 and the *interne toetsing* gate): closed by an owner,
     * completed, or past their deadline — whether or not the deadline job has closed them yet;
     * newest first.
     */
    closedRoundsOf(docId: string, now = Date.now()): Promise<RoundRow[]> {
      return rounds()
        .where('doc_id', '=', docId)
        .where((eb) =>
          eb.or([
            eb('status', 'in', ['closed', 'completed']),
            eb.and([eb('status', '=', 'open'), eb('deadline', '<=', now)]),
          ]),
        )
        .orderBy('created_at', 'desc')
        .orderBy(insertionOrder(db), 'desc')
        .execute();
    },
    /** Rounds the user reviews, through an invited team or individually; newest first, at most 200. */
    roundsForReviewer(userId: string): Promise<RoundRow[]> {
      return rounds()
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('round_teams as rt')
            .innerJoin('memberships as m', 'm.team_id', 'rt.team_id')
            .select('rt.round_id')
            .where('m.user_id', '=', userId)
            .where('rt.accepted_at', 'is not', null)
            .union(eb.selectFrom('round_reviewers').select('round_id').where('user_id', '=', userId)),
        )
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
    },
  };
}
