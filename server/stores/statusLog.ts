import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type { DesignStatus, InternalOutcome } from '../../shared/domain/lifecycle';

/**
 * What a leerarrangement (design) and a professionaliseringstraject share in storage: the same
 * statuses, an append-only log of moves with the same columns (`design_transitions` /
 * `traject_transitions`, migrations 007 and 009) and a catalog table that shows only what is still
 * goedgekeurd (`design_publications` / `traject_publications`). Only the table and key names
 * differ; everything a domain decides for itself (its status column, its versions, what it
 * publishes) stays in stores/lifecycle.ts and stores/trajectLifecycle.ts.
 */

/** One recorded status move. */
export interface StatusTransition {
  id: number;
  from: DesignStatus;
  to: DesignStatus;
  outcome: InternalOutcome | null;
  note: string | null;
  actorId: string | null;
  createdAt: string;
}

/** A move as it is recorded. */
export interface StatusMove {
  from: DesignStatus;
  to: DesignStatus;
  outcome: InternalOutcome | null;
  note: string | null;
  actorId: string;
}

/** The transition tables and their key column (fixed names: never built from input). */
type TransitionTable =
  { table: 'design_transitions'; key: 'doc_id' } | { table: 'traject_transitions'; key: 'traject_id' };

/** Queries on one append-only transition log. */
export function createTransitionLog(db: Executor, { table, key }: TransitionTable) {
  return {
    /** Logs a move (the caller updates the status column, in the same transaction). */
    async record(subjectId: string, move: StatusMove, now: number): Promise<void> {
      await db
        .insertInto(table)
        .values({
          [key]: subjectId,
          from_status: move.from,
          to_status: move.to,
          outcome: move.outcome,
          note: move.note,
          actor_id: move.actorId,
          created_at: now,
        })
        .execute();
    },
    /** Every move, newest first. */
    async history(subjectId: string): Promise<StatusTransition[]> {
      const rows = await db
        .selectFrom(table)
        .select(['id', 'from_status', 'to_status', 'outcome', 'note', 'actor_id', 'created_at'])
        .where(key, '=', subjectId)
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        from: row.from_status as DesignStatus,
        to: row.to_status as DesignStatus,
        outcome: row.outcome as InternalOutcome | null,
        note: row.note,
        actorId: row.actor_id,
        createdAt: new Date(row.created_at).toISOString(),
      }));
    },
  };
}

/** A publication row, with the subject's id under one name. */
export interface PublicationRecord<P> {
  subjectId: string;
  projection: P;
  approvedAt: string;
}

/** The publication tables, their key, and the table whose status decides whether a row is shown. */
type PublicationTable =
  | { table: 'design_publications'; key: 'doc_id'; owner: 'designs'; ownerKey: 'doc_id' }
  | { table: 'traject_publications'; key: 'traject_id'; owner: 'trajects'; ownerKey: 'id' };

/**
 * Reads a catalog table: only rows whose subject is still goedgekeurd, so the publication table is
 * the catalog's one source and a draft cannot leak through it.
 */
export function createPublicationReader<P>(db: Executor, { table, key, owner, ownerKey }: PublicationTable) {
  // EXISTS rather than a join: the builder types a table chosen from a union only unaliased.
  const shown = () =>
    db
      .selectFrom(table)
      .select([sql.ref<string>(key).as('subject_id'), 'projection', 'approved_at'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom(owner)
            .select(sql.lit(1).as('one'))
            .where(sql.ref(`${owner}.${ownerKey}`), '=', sql.ref(`${table}.${key}`))
            .where('status', '=', 'goedgekeurd'),
        ),
      );
  const present = (row: {
    subject_id: string;
    projection: string;
    approved_at: number;
  }): PublicationRecord<P> => ({
    subjectId: row.subject_id,
    projection: JSON.parse(row.projection) as P,
    approvedAt: new Date(row.approved_at).toISOString(),
  });
  return {
    async get(subjectId: string): Promise<PublicationRecord<P> | undefined> {
      const row = await shown().where(key, '=', subjectId).executeTakeFirst();
      return row ? present(row) : undefined;
    },
    /** Newest approval first. */
    async all(): Promise<PublicationRecord<P>[]> {
      return (await shown().orderBy('approved_at', 'desc').execute()).map(present);
    },
  };
}
