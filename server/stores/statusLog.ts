import type { Db } from '../db/connection';
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

interface TransitionRow {
  id: number;
  from_status: DesignStatus;
  to_status: DesignStatus;
  outcome: InternalOutcome | null;
  note: string | null;
  actor_id: string | null;
  created_at: number;
}

/** The transition tables and their key column (fixed names: never built from input). */
type TransitionTable =
  { table: 'design_transitions'; key: 'doc_id' } | { table: 'traject_transitions'; key: 'traject_id' };

/** Prepared statements for one append-only transition log. */
export function createTransitionLog(db: Db, { table, key }: TransitionTable) {
  const insert = db.prepare(
    `INSERT INTO ${table} (${key}, from_status, to_status, outcome, note, actor_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const historyOf = db.prepare<[string], TransitionRow>(
    `SELECT * FROM ${table} WHERE ${key} = ? ORDER BY id DESC`,
  );
  return {
    /** Logs a move (the caller updates the status column, in the same transaction). */
    record(subjectId: string, move: StatusMove, now: number): void {
      insert.run(subjectId, move.from, move.to, move.outcome, move.note, move.actorId, now);
    },
    /** Every move, newest first. */
    history(subjectId: string): StatusTransition[] {
      return historyOf.all(subjectId).map((row) => ({
        id: row.id,
        from: row.from_status,
        to: row.to_status,
        outcome: row.outcome,
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

interface PublicationRow {
  subject_id: string;
  projection: string;
  approved_at: number;
}

/** The publication tables, their key, and the table whose status decides whether a row is shown. */
type PublicationTable =
  | { table: 'design_publications'; key: 'doc_id'; owner: 'designs'; ownerKey: 'doc_id' }
  | { table: 'traject_publications'; key: 'traject_id'; owner: 'trajects'; ownerKey: 'id' };

/**
 * Reads a catalog table: only rows whose subject is still goedgekeurd, so the publication table is
 * the catalog's one source and a draft cannot leak through it.
 */
export function createPublicationReader<P>(db: Db, { table, key, owner, ownerKey }: PublicationTable) {
  const select = `SELECT p.${key} AS subject_id, p.projection, p.approved_at FROM ${table} p
     JOIN ${owner} o ON o.${ownerKey} = p.${key}`;
  const byId = db.prepare<[string], PublicationRow>(
    `${select} WHERE p.${key} = ? AND o.status = 'goedgekeurd'`,
  );
  const all = db.prepare<[], PublicationRow>(
    `${select} WHERE o.status = 'goedgekeurd' ORDER BY p.approved_at DESC`,
  );
  const present = (row: PublicationRow): PublicationRecord<P> => ({
    subjectId: row.subject_id,
    projection: JSON.parse(row.projection) as P,
    approvedAt: new Date(row.approved_at).toISOString(),
  });
  return {
    get(subjectId: string): PublicationRecord<P> | undefined {
      const row = byId.get(subjectId);
      return row ? present(row) : undefined;
    },
    /** Newest approval first. */
    all(): PublicationRecord<P>[] {
      return all.all().map(present);
    },
  };
}
