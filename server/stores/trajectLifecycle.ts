import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
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
  totals: { ects: number; hours: number };
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

interface VersionRow {
  id: string;
  traject_id: string;
  label: string;
  note: string | null;
  author_id: string | null;
  created_at: number;
  status: DesignStatus;
  json: string;
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
 * Prepared statements for a traject's status (`trajects.status`), `traject_transitions`,
 * `traject_versions` (append-only; the triggers of 009 refuse rewrites) and `traject_publications`.
 */
export function createTrajectLifecycleStore(db: Db) {
  const statusOf = db.prepare<[string], { status: DesignStatus }>('SELECT status FROM trajects WHERE id = ?');
  const setStatus = db.prepare('UPDATE trajects SET status = ?, updated_at = ? WHERE id = ?');
  const transitions = createTransitionLog(db, { table: 'traject_transitions', key: 'traject_id' });
  const insertVersion = db.prepare(
    `INSERT INTO traject_versions (id, traject_id, label, note, author_id, created_at, status, json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const versionsOf = db.prepare<[string], VersionRow>(
    'SELECT * FROM traject_versions WHERE traject_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const insertPublication = db.prepare(
    `INSERT INTO traject_publications (traject_id, projection, approved_by, approved_at) VALUES (?, ?, ?, ?)`,
  );
  const published = createPublicationReader<TrajectPublishedProjection>(db, {
    table: 'traject_publications',
    key: 'traject_id',
    owner: 'trajects',
    ownerKey: 'id',
  });

  return {
    status(trajectId: string): DesignStatus | undefined {
      return statusOf.get(trajectId)?.status;
    },
    /** Moves the status and logs the move (call inside a transaction). */
    recordTransition(trajectId: string, move: StatusMove, now = Date.now()): void {
      setStatus.run(move.to, now, trajectId);
      transitions.record(trajectId, move, now);
    },
    history(trajectId: string): StatusTransition[] {
      return transitions.history(trajectId);
    },
    /** Stores an immutable snapshot (call inside the transaction of the move). */
    insertVersion(
      trajectId: string,
      version: { label: string; note: string | null; authorId: string; snapshot: TrajectSnapshot },
      now = Date.now(),
    ): string {
      const id = randomUUID();
      insertVersion.run(
        id,
        trajectId,
        version.label,
        version.note,
        version.authorId,
        now,
        version.snapshot.status,
        JSON.stringify(version.snapshot),
      );
      return id;
    },
    versions(trajectId: string): TrajectVersion[] {
      return versionsOf.all(trajectId).map((row) => ({
        id: row.id,
        trajectId: row.traject_id,
        label: row.label,
        note: row.note,
        authorId: row.author_id,
        createdAt: new Date(row.created_at).toISOString(),
        status: row.status,
        snapshot: JSON.parse(row.json) as TrajectSnapshot,
      }));
    },
    /** Freezes what the catalog shows of an approved traject (inside the approving transaction). */
    publish(trajectId: string, projection: TrajectPublishedProjection, approvedBy: string): void {
      insertPublication.run(trajectId, JSON.stringify(projection), approvedBy, Date.now());
    },
    publication(trajectId: string): TrajectPublication | undefined {
      const record = published.get(trajectId);
      return record ? presentPublication(record) : undefined;
    },
    publications(): TrajectPublication[] {
      return published.all().map(presentPublication);
    },
  };
}

export type TrajectLifecycleStore = ReturnType<typeof createTrajectLifecycleStore>;
