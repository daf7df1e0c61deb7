import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MIGRATION_LOCK_KEY,
  migratePostgres,
  readMigrations,
  readPostgresMigrations,
  type Migration,
} from '../../../server/db/migrate';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';

/** An idempotent seed as the app's will be: inserts its marker unless it is there already. */
async function seedOnce(client: pg.PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO audit_events (action, created_at)
     SELECT 'seeded', 0 WHERE NOT EXISTS (SELECT 1 FROM audit_events WHERE action = 'seeded')`,
  );
}

async function appliedVersions(pool: pg.Pool): Promise<{ version: number; name: string }[]> {
  const { rows } = await pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
  return rows as { version: number; name: string }[];
}

describe('migratePostgres', () => {
  let cluster: PostgresCluster;
  const pools: pg.Pool[] = [];
  const series = readPostgresMigrations();
  const expectedVersions = series.map(({ version, name }) => ({ version, name }));

  /** A pool on `url`, ended after the file. */
  function poolOn(url: string): pg.Pool {
    const pool = new pg.Pool({ connectionString: url });
    pools.push(pool);
    return pool;
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await cluster?.stop();
  });

  it('migrates an empty database as a role that owns it but is no superuser, then does nothing', async () => {
    const pool = poolOn(await cluster.createDatabase());
    const { rows } = await pool.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(rows).toEqual([{ rolsuper: false }]);
    const calls: number[][] = [];
    const record = async (_client: pg.PoolClient, applied: readonly Migration[]) => {
      calls.push(applied.map((migration) => migration.version));
    };

    await migratePostgres(pool, { afterMigrate: record });
    expect(await appliedVersions(pool)).toEqual(expectedVersions);
    const firstRun = (await pool.query('SELECT version, applied_at FROM schema_migrations')).rows;

    await migratePostgres(pool, { afterMigrate: record });
    expect((await pool.query('SELECT version, applied_at FROM schema_migrations')).rows).toEqual(firstRun);
    expect(calls).toEqual([series.map((migration) => migration.version), []]);
  });

  it.each(['read committed', 'serializable'])(
    'lets two instances starting at once migrate and seed exactly once (database default %s)',
    async (isolation) => {
      const url = await cluster.createDatabase();
      const holder = poolOn(url);
      await holder.query(
        `ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_isolation = '${isolation}'`,
      );
      // Hold the migration lock until both instances wait for it, so that they really contend.
      const gate = await holder.connect();
      await gate.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const events: string[] = [];
      const instance = (label: string) =>
        migratePostgres(poolOn(url), {
          afterMigrate: async (client, applied) => {
            events.push(`${label} starts, ${applied.length} applied`);
            await seedOnce(client);
            // Wide enough that the two would overlap if the lock did not serialise them.
            await new Promise((resolve) => setTimeout(resolve, 100));
            events.push(`${label} ends`);
          },
        });
      const running = Promise.all([instance('a'), instance('b')]);
      await expect
        .poll(
          async () => {
            const waiting = await holder.query(
              `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
            );
            return waiting.rows[0].n as number;
          },
          { timeout: 10_000 },
        )
        .toBe(2);
      await gate.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      gate.release();
      await running;

      expect(await appliedVersions(holder)).toEqual(expectedVersions);
      const seeded = await holder.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'seeded'`,
      );
      expect(seeded.rows).toEqual([{ n: 1 }]);
      // One after the other: the first applied everything, the second found nothing pending.
      const first = events[0]!.slice(0, 1);
      const second = first === 'a' ? 'b' : 'a';
      expect(events).toEqual([
        `${first} starts, ${series.length} applied`,
        `${first} ends`,
        `${second} starts, 0 applied`,
        `${second} ends`,
      ]);
    },
  );

  it('rolls back every migration when afterMigrate fails, and succeeds on the next start', async () => {
    const pool = poolOn(await cluster.createDatabase());
    await expect(
      migratePostgres(pool, {
        afterMigrate: async () => {
          throw new Error('seed failed');
        },
      }),
    ).rejects.toThrow('seed failed');
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(rows).toEqual([{ n: 0 }]);

    await migratePostgres(pool, { afterMigrate: seedOnce });
    expect(await appliedVersions(pool)).toEqual(expectedVersions);
  });

  it('refuses a series that breaks in the middle without leaving half of it behind', async () => {
    const pool = poolOn(await cluster.createDatabase());
    const broken = [...series.slice(0, 3), { version: 4, name: 'broken', sql: 'CREATE TABLE x (' }];
    await expect(migratePostgres(pool, { migrations: broken })).rejects.toMatchObject({ code: '42601' });
    const { rows } = await pool.query(`SELECT to_regclass('documents')::text AS documents`);
    expect(rows).toEqual([{ documents: null }]);
  });
});

describe('readPostgresMigrations', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  /** A migrations directory holding `files` (name → SQL). */
  function directory(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-migrations-'));
    dirs.push(dir);
    for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
    return `${dir}/`;
  }

  it('pairs every shipped SQLite migration with a PostgreSQL twin of the same number and name', () => {
    const names = (migrations: Migration[]) => migrations.map(({ version, name }) => ({ version, name }));
    const postgres = readPostgresMigrations();
    expect(names(postgres)).toEqual(names(readMigrations()));
    expect(postgres.every((migration) => !migration.sql.includes('AUTOINCREMENT'))).toBe(true);
  });

  it('names the missing twin', () => {
    const dir = directory({
      '001_a.sql': 'CREATE TABLE a (id TEXT);',
      '001_a.pg.sql': 'CREATE TABLE a (id TEXT);',
      '002_b.sql': 'CREATE TABLE b (id TEXT);',
    });
    expect(readMigrations(dir).map((migration) => migration.name)).toEqual(['a', 'b']);
    expect(() => readPostgresMigrations(dir)).toThrow(
      /PostgreSQL twin missing for 002_b\.sql: add 002_b\.pg\.sql to /,
    );
  });

  it('refuses a twin without its SQLite migration, and two migrations with one number', () => {
    const orphan = directory({ '001_a.sql': '', '001_a.pg.sql': '', '002_b.pg.sql': '' });
    expect(() => readPostgresMigrations(orphan)).toThrow(/002_b\.pg\.sql .* has no SQLite migration/);
    const twice = directory({ '001_a.sql': '', '001_a.pg.sql': '', '001_b.sql': '', '001_b.pg.sql': '' });
    expect(() => readPostgresMigrations(twice)).toThrow(/share the number 001/);
  });
});
