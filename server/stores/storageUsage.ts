import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { byteLength } from '../db/portable';

/** Sums of stored bytes: the lengths of state and log rows, and the versions' stored sizes. */
export function createStorageUsageStore(db: Executor) {
  const sum = (expression: ReturnType<typeof byteLength>) =>
    sql<number | string | null>`coalesce(sum(${expression}), 0)`;

  return {
    /** Bytes of a team's documents: compacted state, update log, and versions (state and projection). */
    async teamBytes(teamId: string): Promise<number> {
      const states = db
        .selectFrom('doc_state as s')
        .innerJoin('documents as d', 'd.id', 's.doc_id')
        .where('d.team_id', '=', teamId)
        .select(sum(byteLength(db, 's.state')).as('bytes'));
      const log = db
        .selectFrom('doc_updates as u')
        .innerJoin('documents as d', 'd.id', 'u.doc_id')
        .where('d.team_id', '=', teamId)
        .select(sum(byteLength(db, 'u.data')).as('bytes'));
      const versions = db
        .selectFrom('document_versions as v')
        .innerJoin('documents as d', 'd.id', 'v.doc_id')
        .where('d.team_id', '=', teamId)
        .select(sql<number | string | null>`coalesce(sum(v.bytes), 0)`.as('bytes'));
      // One statement, so PostgreSQL reads all three in one snapshot: a compaction committing between
      // separate reads would hide its rows from both the state and the log.
      const row = await db
        .selectNoFrom([states.as('states'), log.as('log'), versions.as('versions')])
        .executeTakeFirstOrThrow();
      // PostgreSQL returns sum(bigint) as numeric text.
      return Number(row.states ?? 0) + Number(row.log ?? 0) + Number(row.versions ?? 0);
    },
  };
}

export type StorageUsageStore = ReturnType<typeof createStorageUsageStore>;
