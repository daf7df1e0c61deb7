import type { Db } from '../db/connection';
import type { DesignStatus, InternalOutcome } from '../../shared/domain/lifecycle';
import type { LeerarrangementContent } from '../../shared/domain/leerarrangement/types';

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

/** What the catalog publishes of an approved design (frozen at approval). */
export interface PublishedProjection {
  title: string;
  teamId: string;
  teamName: string;
  template: { id: string; templateKey: string; title: string; version: string };
  outcomes: Array<{ id: string; code: string; title: string }>;
  content: LeerarrangementContent;
}

/** A row of design_publications. */
export interface Publication {
  docId: string;
  projection: PublishedProjection;
  approvedAt: string;
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

interface PublicationRow {
  doc_id: string;
  projection: string;
  approved_at: number;
}

const presentPublication = (row: PublicationRow): Publication => ({
  docId: row.doc_id,
  projection: JSON.parse(row.projection) as PublishedProjection,
  approvedAt: new Date(row.approved_at).toISOString(),
});

/** Prepared statements for the lifecycle columns of `designs`, `design_transitions` and `design_publications`. */
export function createLifecycleStore(db: Db) {
  const statusOf = db.prepare<[string], { status: DesignStatus; based_on: string | null }>(
    'SELECT status, based_on FROM designs WHERE doc_id = ?',
  );
  const setStatus = db.prepare('UPDATE designs SET status = ? WHERE doc_id = ?');
  const setBasedOn = db.prepare('UPDATE designs SET based_on = ? WHERE doc_id = ?');
  const insertTransition = db.prepare(
    `INSERT INTO design_transitions (doc_id, from_status, to_status, outcome, note, actor_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const historyOf = db.prepare<[string], TransitionRow>(
    'SELECT * FROM design_transitions WHERE doc_id = ? ORDER BY id DESC',
  );
  const insertPublication = db.prepare(
    `INSERT INTO design_publications (doc_id, projection, state, approved_by, approved_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  // Only rows whose design is still goedgekeurd: the publication table is the catalog's one source.
  const publicationById = db.prepare<[string], PublicationRow>(
    `SELECT p.doc_id, p.projection, p.approved_at FROM design_publications p
     JOIN designs d ON d.doc_id = p.doc_id WHERE p.doc_id = ? AND d.status = 'goedgekeurd'`,
  );
  const publications = db.prepare<[], PublicationRow>(
    `SELECT p.doc_id, p.projection, p.approved_at FROM design_publications p
     JOIN designs d ON d.doc_id = p.doc_id WHERE d.status = 'goedgekeurd' ORDER BY p.approved_at DESC`,
  );
  const publishedState = db.prepare<[string], Buffer>(
    `SELECT p.state FROM design_publications p JOIN designs d ON d.doc_id = p.doc_id
     WHERE p.doc_id = ? AND d.status = 'goedgekeurd'`,
  );

  return {
    /** The design's status and lineage, or undefined for a document that is no design. */
    get(docId: string): { status: DesignStatus; basedOn: string | null } | undefined {
      const row = statusOf.get(docId);
      return row ? { status: row.status, basedOn: row.based_on } : undefined;
    },
    /** Moves the status and logs the move (call inside a transaction). */
    recordTransition(
      docId: string,
      move: {
        from: DesignStatus;
        to: DesignStatus;
        outcome: InternalOutcome | null;
        note: string | null;
        actorId: string;
      },
      now = Date.now(),
    ): void {
      setStatus.run(move.to, docId);
      insertTransition.run(docId, move.from, move.to, move.outcome, move.note, move.actorId, now);
    },
    history(docId: string): StatusTransition[] {
      return historyOf.all(docId).map((row) => ({
        id: row.id,
        from: row.from_status,
        to: row.to_status,
        outcome: row.outcome,
        note: row.note,
        actorId: row.actor_id,
        createdAt: new Date(row.created_at).toISOString(),
      }));
    },
    setBasedOn(docId: string, sourceId: string): void {
      setBasedOn.run(sourceId, docId);
    },
    /** Freezes what the catalog shows of an approved design (call inside the approving transaction). */
    publish(docId: string, projection: PublishedProjection, state: Uint8Array, approvedBy: string): void {
      insertPublication.run(docId, JSON.stringify(projection), state, approvedBy, Date.now());
    },
    publication(docId: string): Publication | undefined {
      const row = publicationById.get(docId);
      return row ? presentPublication(row) : undefined;
    },
    publications(): Publication[] {
      return publications.all().map(presentPublication);
    },
    /** The Yjs state approved, for reuse. */
    publishedState(docId: string): Uint8Array | undefined {
      const state = publishedState.pluck().get(docId) as Buffer | undefined;
      return state ? new Uint8Array(state) : undefined;
    },
  };
}

export type LifecycleStore = ReturnType<typeof createLifecycleStore>;
