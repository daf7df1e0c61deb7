import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureConnection } from '../../../server/db/connection';
import { migrate, migratePostgres, readMigrations, readPostgresMigrations } from '../../../server/db/migrate';
import { makeDataDir, removeDataDir } from '../../support/server';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';

/**
 * Migration 010 on a database that has documents already: the log and quarantine rows get per-document
 * seqs in their old id order, the heads their last seq, and existing states cover seq 0.
 */

/** Runs `sql` with `?` placeholders; answers the rows. */
type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const A = 'doc-a';
const B = 'doc-b';
/** A quarantined row of a document that has since been deleted. */
const GONE = 'doc-gone';

async function fillVersion9(query: Query): Promise<void> {
  for (const id of [A, B]) {
    await query('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)', [id, id]);
  }
  await query('INSERT INTO doc_state (doc_id, state, state_vector, updated_at) VALUES (?, ?, ?, 1)', [
    A,
    Buffer.from([0, 0]),
    Buffer.from([0]),
  ]);
  // Ids 1…6 across two documents; 3 and 6 were quarantined.
  const log = [
    [1, A],
    [2, B],
    [4, A],
    [5, B],
  ] as const;
  for (const [id, doc] of log) {
    await query('INSERT INTO doc_updates (id, doc_id, data, created_at) VALUES (?, ?, ?, ?)', [
      id,
      doc,
      Buffer.from([id]),
      id,
    ]);
  }
  for (const [id, doc] of [
    [3, A],
    [6, GONE],
  ] as const) {
    await query(
      `INSERT INTO doc_updates_quarantine (id, doc_id, data, created_at, reason, quarantined_at)
       VALUES (?, ?, ?, ?, 'kapot', 9)`,
      [id, doc, Buffer.from([id]), id],
    );
  }
}

async function expectNumbered(query: Query): Promise<void> {
  const rows = (table: string) =>
    query(`SELECT doc_id, seq, data, created_at FROM ${table} ORDER BY doc_id, seq`).then((list) =>
      list.map((row) => [row.doc_id, Number(row.seq), [...(row.data as Buffer)][0], Number(row.created_at)]),
    );
  expect(await rows('doc_updates')).toEqual([
    [A, 1, 1, 1],
    [A, 3, 4, 4],
    [B, 1, 2, 2],
    [B, 2, 5, 5],
  ]);
  expect(await rows('doc_updates_quarantine')).toEqual([
    [A, 2, 3, 3],
    [GONE, 1, 6, 6],
  ]);
  const heads = await query('SELECT doc_id, seq FROM doc_heads ORDER BY doc_id');
  expect(heads.map((row) => [row.doc_id, Number(row.seq)])).toEqual([
    [A, 3],
    [B, 2],
  ]);
  const states = await query('SELECT doc_id, up_to_seq FROM doc_state');
  expect(states.map((row) => [row.doc_id, Number(row.up_to_seq)])).toEqual([[A, 0]]);
  // New rows continue each document's sequence.
  await query('INSERT INTO doc_updates (doc_id, seq, data, created_at) VALUES (?, 4, ?, 7)', [
    A,
    Buffer.from([7]),
  ]);
  await expect(
    query('INSERT INTO doc_updates (doc_id, seq, data, created_at) VALUES (?, 4, ?, 7)', [
      A,
      Buffer.from([8]),
    ]),
  ).rejects.toThrow();
}

describe('migration 010 (per-document log seqs)', () => {
  it('on SQLite', async () => {
    const dataDir = makeDataDir();
    const db = new Database(path.join(dataDir, 'old.sqlite'));
    try {
      configureConnection(db);
      migrate(
        db,
        readMigrations().filter((migration) => migration.version <= 9),
      );
      const query: Query = async (sql, params = []) => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
        statement.run(...params);
        return [];
      };
      await fillVersion9(query);
      migrate(db);
      await expectNumbered(query);
    } finally {
      db.close();
      removeDataDir(dataDir);
    }
  });

  describe('on PostgreSQL', () => {
    let cluster: PostgresCluster;
    let pool: pg.Pool;

    beforeAll(async () => {
      cluster = await startPostgresCluster();
      pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    });
    afterAll(async () => {
      await pool?.end();
      await cluster?.stop();
    });

    it('numbers the same rows the same way', async () => {
      await migratePostgres(pool, {
        migrations: readPostgresMigrations().filter((migration) => migration.version <= 9),
      });
      const query: Query = async (sql, params = []) => {
        let index = 0;
        const result = await pool.query(
          sql.replace(/\?/g, () => `$${++index}`),
          params,
        );
        return result.rows as Record<string, unknown>[];
      };
      await fillVersion9(query);
      await migratePostgres(pool);
      await expectNumbered(query);
    });
  });
});
