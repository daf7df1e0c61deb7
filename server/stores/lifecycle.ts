import type { Executor } from '../db/database';
import { changed } from '../db/portable';
import type { DesignStatus } from '../../shared/domain/lifecycle';
import type { DesignContent } from '../../shared/domain/design/types';
import type { DesignOrigin } from '../../shared/domain/design/feedback';
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

/** Queries on the lifecycle columns of `designs`, `design_transitions` and `design_publications`. */
export function createLifecycleStore(db: Executor) {
  const transitions = createTransitionLog(db, { table: 'design_transitions', key: 'doc_id' });
  const published = createPublicationReader<PublishedProjection>(db, {
    table: 'design_publications',
    key: 'doc_id',
    owner: 'designs',
    ownerKey: 'doc_id',
  });

  return {
    /** The design's status, lineage and origin, or undefined for a document that is no design. */
    async get(
      docId: string,
    ): Promise<{ status: DesignStatus; basedOn: string | null; origin: DesignOrigin } | undefined> {
      const row = await db
        .selectFrom('designs')
        .select(['status', 'based_on', 'origin'])
        .where('doc_id', '=', docId)
        .executeTakeFirst();
      return row
        ? { status: row.status as DesignStatus, basedOn: row.based_on, origin: row.origin as DesignOrigin }
        : undefined;
    },
    /** Records that the design is existing offer (call in the transaction that creates it). */
    async markExisting(docId: string): Promise<void> {
      await db.updateTable('designs').set({ origin: 'bestaand' }).where('doc_id', '=', docId).execute();
    },
    /**
     * Moves the status and logs the move if the design is still in `move.from` (call inside a
     * transaction); false, doing nothing, when another move came first.
     */
    async recordTransition(docId: string, move: StatusMove, now = Date.now()): Promise<boolean> {
      const result = await db
        .updateTable('designs')
        .set({ status: move.to })
        .where('doc_id', '=', docId)
        .where('status', '=', move.from)
        .executeTakeFirst();
      if (changed(result) !== 1) return false;
      await transitions.record(docId, move, now);
      return true;
    },
    /** Every move of a design, newest first. */
    async history(docId: string): Promise<StatusTransition[]> {
      return await transitions.history(docId);
    },
    /** Records the design a reused design was made from. */
    async setBasedOn(docId: string, sourceId: string): Promise<void> {
      await db.updateTable('designs').set({ based_on: sourceId }).where('doc_id', '=', docId).execute();
    },
    /** Freezes what the catalog shows of an approved design (call inside the approving transaction). */
    async publish(
      docId: string,
      projection: PublishedProjection,
      state: Uint8Array,
      approvedBy: string,
    ): Promise<void> {
      await db
        .insertInto('design_publications')
        .values({
          doc_id: docId,
          projection: JSON.stringify(projection),
          state,
          approved_by: approvedBy,
          approved_at: Date.now(),
        })
        .execute();
    },
    /** The catalog entry of a design that is still goedgekeurd. */
    async publication(docId: string): Promise<Publication | undefined> {
      const record = await published.get(docId);
      return record ? presentPublication(record) : undefined;
    },
    /** The catalog: every design still goedgekeurd, newest approval first. */
    async publications(): Promise<Publication[]> {
      return (await published.all()).map(presentPublication);
    },
    /** The Yjs state approved, for reuse. */
    async publishedState(docId: string): Promise<Uint8Array | undefined> {
      const row = await db
        .selectFrom('design_publications as p')
        .innerJoin('designs as d', 'd.doc_id', 'p.doc_id')
        .select('p.state')
        .where('p.doc_id', '=', docId)
        .where('d.status', '=', 'goedgekeurd')
        .executeTakeFirst();
      return row ? new Uint8Array(row.state) : undefined;
    },
  };
}

export type LifecycleStore = ReturnType<typeof createLifecycleStore>;
