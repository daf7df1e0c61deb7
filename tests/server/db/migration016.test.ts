import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migratePostgres, readMigrations, readPostgresMigrations } from '../../../server/db/migrate';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';

/**
 * Migration 016 widens three CHECKs by swapping the column (SQLite cannot alter a constraint, and a
 * table rebuild would cascade deletes): existing rows, and the rows that reference them, survive
 * unchanged on both engines, and the new values are accepted.
 */

interface Engine {
  run(sql: string, ...params: unknown[]): Promise<void>;
  all(sql: string): Promise<Array<Record<string, unknown>>>;
}

const ROWS = [
  "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u', 'u@example.nl', 'U', 'h', 1)",
  "INSERT INTO teams (id, name, kind, created_at) VALUES ('t', 'Lab', 'cocreatieteam', 1)",
  "INSERT INTO memberships (team_id, user_id, role, created_at) VALUES ('t', 'u', 'owner', 1)",
  `INSERT INTO template_versions (id, template_key, team_id, major, minor, title, kind, sectors, content,
     change_note, published_at) VALUES ('v', 'k', 't', 1, 0, 't', 'start-vakbekwaam', 'po', '{}', '', 1)`,
  "INSERT INTO documents (id, title, created_at, updated_at, team_id, kind) VALUES ('d', 'D', 1, 1, 't', 'leerarrangement')",
  "INSERT INTO designs (doc_id, template_version_id, status) VALUES ('d', 'v', 'interne-toetsing')",
  `INSERT INTO design_transitions (doc_id, from_status, to_status, outcome, note, actor_id, created_at)
     VALUES ('d', 'interne-toetsing', 'interne-toetsing', 'past-niet', 'Te breed.', 'u', 1)`,
  "INSERT INTO trajects (id, team_id, template_version_id, title, created_at, updated_at, status) VALUES ('r', 't', 'v', 'R', 1, 1, 'prototype')",
];

async function checkEngine(engine: Engine): Promise<void> {
  expect(await engine.all('SELECT id, kind FROM teams')).toEqual([{ id: 't', kind: 'cocreatieteam' }]);
  expect(await engine.all('SELECT team_id, user_id FROM memberships')).toEqual([
    { team_id: 't', user_id: 'u' },
  ]);
  expect(await engine.all('SELECT doc_id, status FROM designs')).toEqual([
    { doc_id: 'd', status: 'interne-toetsing' },
  ]);
  // The old record of "past niet" (a move to itself) stays as history.
  expect(await engine.all('SELECT to_status, outcome FROM design_transitions')).toEqual([
    { to_status: 'interne-toetsing', outcome: 'past-niet' },
  ]);
  expect(await engine.all('SELECT id, status FROM trajects')).toEqual([{ id: 'r', status: 'prototype' }]);
  await engine.run("UPDATE designs SET status = 'geparkeerd'");
  await engine.run("UPDATE trajects SET status = 'geparkeerd'");
  await engine.run(
    "INSERT INTO teams (id, name, kind, created_at) VALUES ('c', 'Commissie', 'toetsingscommissie', 2)",
  );
  await expect(engine.run("UPDATE designs SET status = 'onzin'")).rejects.toThrow(/check/i);
  await expect(
    engine.run("INSERT INTO teams (id, name, kind, created_at) VALUES ('x', 'X', 'onzin', 2)"),
  ).rejects.toThrow(/check/i);
}

describe('migration 016 keeps existing rows', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('on SQLite (foreign keys on: nothing cascades)', async () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = readMigrations();
    migrate(
      db,
      all.filter((migration) => migration.version < 16),
    );
    for (const row of ROWS) db.prepare(row).run();
    migrate(db, all);
    await checkEngine({
      run: async (sql) => void db.prepare(sql).run(),
      all: async (sql) => db.prepare(sql).all() as Array<Record<string, unknown>>,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('on PostgreSQL', async () => {
    const pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    try {
      const all = readPostgresMigrations();
      await migratePostgres(pool, { migrations: all.filter((migration) => migration.version < 16) });
      for (const row of ROWS) await pool.query(row);
      await migratePostgres(pool, { migrations: all });
      await checkEngine({
        run: async (sql) => void (await pool.query(sql)),
        all: async (sql) => (await pool.query(sql)).rows as Array<Record<string, unknown>>,
      });
    } finally {
      await pool.end();
    }
  });
});
