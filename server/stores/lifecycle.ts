import type { Db } from '../db/connection';
import type { DesignStatus } from '../../shared/domain/lifecycle';
import type { DesignContent } from '../../shared/domain/design/types';
import { createPublicationReader, createTransitionLog } from './statusLog';
import type { PublicationRecord, StatusMove, StatusTransition } from './statusLog';

export type { StatusTransition } from './statusLog';

/** What the catalog publishes of an approved design (frozen at approval). */
export interface PublishedProjection {
  title: string;
  teamId: string;
  teamName: string;
  template: { id: string; templateKey: string; title: string; version: string };
  outcomes: Array<{ id: string; code: string; title: string }>;
  content: DesignContent;
}

/** A row of design_publications. */
export interface Publication {
  docId: string;
  projection: PublishedProjection;
  approvedAt: string;
}

const presentPublication = ({
  subjectId,
  projection,
  approvedAt,
}: PublicationRecord<PublishedProjection>): Publication => ({ docId: subjectId, projection, approvedAt });

/** Prepared statements for the lifecycle columns of `designs`, `design_transitions` and `design_publications`. */
export function createLifecycleStore(db: Db) {
  const statusOf = db.prepare<[string], { status: DesignStatus; based_on: string | null }>(
    'SELECT status, based_on FROM designs WHERE doc_id = ?',
  );
  const setStatus = db.prepare('UPDATE designs SET status = ? WHERE doc_id = ?');
  const setBasedOn = db.prepare('UPDATE designs SET based_on = ? WHERE doc_id = ?');
  const transitions = createTransitionLog(db, { table: 'design_transitions', key: 'doc_id' });
  const insertPublication = db.prepare(
    `INSERT INTO design_publications (doc_id, projection, state, approved_by, approved_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const published = createPublicationReader<PublishedProjection>(db, {
    table: 'design_publications',
    key: 'doc_id',
    owner: 'designs',
    ownerKey: 'doc_id',
  });
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
    recordTransition(docId: string, move: StatusMove, now = Date.now()): void {
      setStatus.run(move.to, docId);
      transitions.record(docId, move, now);
    },
    history(docId: string): StatusTransition[] {
      return transitions.history(docId);
    },
    setBasedOn(docId: string, sourceId: string): void {
      setBasedOn.run(sourceId, docId);
    },
    /** Freezes what the catalog shows of an approved design (call inside the approving transaction). */
    publish(docId: string, projection: PublishedProjection, state: Uint8Array, approvedBy: string): void {
      insertPublication.run(docId, JSON.stringify(projection), state, approvedBy, Date.now());
    },
    publication(docId: string): Publication | undefined {
      const record = published.get(docId);
      return record ? presentPublication(record) : undefined;
    },
    publications(): Publication[] {
      return published.all().map(presentPublication);
    },
    /** The Yjs state approved, for reuse. */
    publishedState(docId: string): Uint8Array | undefined {
      const state = publishedState.pluck().get(docId) as Buffer | undefined;
      return state ? new Uint8Array(state) : undefined;
    },
  };
}

export type LifecycleStore = ReturnType<typeof createLifecycleStore>;
