import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/database';
import { changed, insertionOrder } from '../db/portable';
import type { DesignStatus } from '../../shared/domain/lifecycle';
import { createPublicationReader, createTransitionLog } from './statusLog';
import type { PublicationRecord, StatusMove, StatusTransition } from './statusLog';

/** One leerarrangement as a traject version or publication records it. */
export interface TrajectSnapshotItem {
  designId: string;
  title: string;
  teamId: string | null;
  teamName: string | null;
  /** 'team': the traject's own team's design; 'catalog': another team's published design. */
  source: 'team' | 'catalog';
  status: DesignStatus;
  position: number;
  alternativeGroup: string | null;
  outcomes: Array<{ id: string; code: string; title: string }>;
  sectors: string[];
  ects: number | null;
  hours: number;
}

/** The JSON a traject version keeps (and the catalog's frozen copy extends). */
export interface TrajectSnapshot {
  schema: 'werkplaats.traject/1';
  title: string;
  status: DesignStatus;
  template: { id: string; templateKey: string; title: string; version: string };
  items: TrajectSnapshotItem[];
  /** Leeruitkomst × leerarrangementen (design ids) that cover it. */
  coverage: Array<{ outcome: { id: string; code: string; title: string }; coveredBy: string[] }>;
  /**
   * Study load over the steps; with horizontal alternatives from `ects`/`hours` (lightest path) to
   * `ectsMax`/`hoursMax` (heaviest). Snapshots from before the range have only the first two.
   */
  totals: { ects: number; hours: number; ectsMax?: number; hoursMax?: number };
}

/** What the catalog publishes of an approved traject. */
export interface TrajectPublishedProjection extends TrajectSnapshot {
  teamId: string;
  teamName: string;
}

export interface TrajectPublication {
  trajectId: string;
  projection: TrajectPublishedProjection;
  approvedAt: string;
}

export interface TrajectVersion {
  id: string;
  trajectId: string;
  label: string;
  note: string | null;
  authorId: string | null;
  createdAt: string;
  status: DesignStatus;
  snapshot: TrajectSnapshot;
}

const presentPublication = ({
  subjectId,
  projection,
  approvedAt,
}: PublicationRecord<TrajectPublishedProjection>): TrajectPublication => ({
  trajectId: subjectId,
  projection,
  approvedAt,
});

/**
 * Queries on a traject's status (`trajects.status`), `traject_transitions`, `traject_versions`
 * (append-only; the triggers of 009 refuse rewrites) and `traject_publications`.
 */
export function createTrajectLifecycleStore(db: Executor) {
  const transitions = createTransitionLog(db, { table: 'traject_transitions', key: 'traject_id' });
  const published = createPublicationReader<TrajectPublishedProjection>(db, {
    table: 'traject_publications',
    key: 'traject_id',
    owner: 'trajects',
    ownerKey: 'id',
  });

  return {
    /** The traject's status, or undefined for an unknown id. */
    async status(trajectId: string): Promise<DesignStatus | undefined> {
      const row = await db
        .selectFrom('trajects')
        .select('status')
        .where('id', '=', trajectId)
        .executeTakeFirst();
      return row?.status as DesignStatus | undefined;
    },
    /**
     * Moves the status and logs the move if the traject is still in `move.from` (call inside a
     * transaction); false, doing nothing, when another move came first.
     */
    async recordTransition(trajectId: string, move: StatusMove, now = Date.now()): Promise<boolean> {
      const result = await db
        .updateTable('trajects')
        .set({ status: move.to, updated_at: now })
        .where('id', '=', trajectId)
        .where('status', '=', move.from)
        .executeTakeFirst();
      if (changed(result) !== 1) return false;
      await transitions.record(trajectId, move, now);
      return true;
    },
    /** Every move of a traject, newest first. */
    async history(trajectId: string): Promise<StatusTransition[]> {
      return await transitions.history(trajectId);
    },
    /** Stores an immutable snapshot (call inside the transaction of the move). */
    async insertVersion(
      trajectId: string,
      version: { label: string; note: string | null; authorId: string; snapshot: TrajectSnapshot },
      now = Date.now(),
    ): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('traject_versions')
        .values({
          id,
          traject_id: trajectId,
          label: version.label,
          note: version.note,
          author_id: version.authorId,
          created_at: now,
          status: version.snapshot.status,
          json: JSON.stringify(version.snapshot),
        })
        .execute();
      return id;
    },
    /** Every version of a traject, newest first (insertion order breaks ties within a millisecond). */
    async versions(trajectId: string): Promise<TrajectVersion[]> {
      const rows = await db
        .selectFrom('traject_versions')
        .select(['id', 'traject_id', 'label', 'note', 'author_id', 'created_at', 'status', 'json'])
        .where('traject_id', '=', trajectId)
        .orderBy('created_at', 'desc')
        .orderBy(insertionOrder(db), 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        trajectId: row.traject_id,
        label: row.label,
        note: row.note,
        authorId: row.author_id,
        createdAt: new Date(row.created_at).toISOString(),
        status: row.status as DesignStatus,
        snapshot: JSON.parse(row.json) as TrajectSnapshot,
      }));
    },
    /** Freezes what the catalog shows of an approved traject (inside the approving transaction). */
    async publish(
      trajectId: string,
      projection: TrajectPublishedProjection,
      approvedBy: string,
    ): Promise<void> {
      await db
        .insertInto('traject_publications')
        .values({
          traject_id: trajectId,
          projection: JSON.stringify(projection),
          approved_by: approvedBy,
          approved_at: Date.now(),
        })
        .execute();
    },
    /** The catalog entry of a traject that is still goedgekeurd. */
    async publication(trajectId: string): Promise<TrajectPublication | undefined> {
      const record = await published.get(trajectId);
      return record ? presentPublication(record) : undefined;
    },
    /** The catalog: every traject still goedgekeurd, newest approval first. */
    async publications(): Promise<TrajectPublication[]> {
      return (await published.all()).map(presentPublication);
    },
  };
}

export type TrajectLifecycleStore = ReturnType<typeof createTrajectLifecycleStore>;
