import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { VerificationFailed } from '../../../server/cli/migrateToPostgres/errors';
import { moveToPostgres } from '../../../server/cli/migrateToPostgres/move';
import { migrate, readMigrations } from '../../../server/db/migrate';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';
import { databasePath, makeDataDir, REPO_ROOT, removeDataDir } from '../../support/server';
import * as yclient from '../../support/yclient';
import { buildSqliteSource, EDITED_TEXTS as TEXTS, type EditedDesign } from './sqliteSource';

/**
 * `npm run migrate-to-postgres`: a SQLite database made by the real server (accounts, teams, a
 * co-edited design with versions, a feedback round with comments, notifications, audit, a template
 * draft) moved by the CLI, as a child process, into a throwaway PostgreSQL; then every refusal, and
 * failures that must leave PostgreSQL exactly as it was.
 */

/** Tables the source must have rows in for the move to prove anything. */
const FILLED_TABLES = [
  'users',
  'sessions',
  'teams',
  'memberships',
  'audit_events',
  'documents',
  'doc_state',
  'doc_updates',
  'template_versions',
  'template_drafts',
  'designs',
  'design_transitions',
  'design_publications',
  'document_versions',
  'feedback_rounds',
  'round_teams',
  'comments',
  'notifications',
];

let cluster: PostgresCluster;
let dataDir: string;
let source: string;
let edited: EditedDesign;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  dataDir = makeDataDir();
  edited = await buildSqliteSource(dataDir);
  source = databasePath(dataDir);
}, 180_000);

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await cluster?.stop();
  if (dataDir) removeDataDir(dataDir);
});

/** Runs the CLI as a child process, as an operator would. */
function runCli(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/migrateToPostgres.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

function poolOn(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  return pool;
}

/** Tables of the current schema: none at all means the move left the database exactly as it was. */
async function tablesIn(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A copy of the source (backup API: complete even with a WAL), changed by `change`. */
async function variant(name: string, change: (db: Database.Database) => Database.RunResult): Promise<string> {
  const file = path.join(dataDir, `${name}.sqlite`);
  const from = new Database(source, { readonly: true });
  await from.backup(file);
  from.close();
  const db = new Database(file);
  expect(change(db).changes).toBeGreaterThan(0);
  db.close();
  return file;
}

/** Rebuilds one document from its rows (state, then log) on either engine. */
function rebuilt(rows: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  return doc;
}

describe('npm run migrate-to-postgres', () => {
  let url: string;

  it('moves every table and document into an empty PostgreSQL, verified, leaving the SQLite file as it was', async () => {
    url = await cluster.createDatabase();
    const before = sha256(source);
    const run = await runCli(['--from', source], { DATABASE_URL: url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^MIGRATED \d+ tabellen, \d+ rijen, \d+ documenten, .* rijen\/s\)/m);
    expect(sha256(source)).toBe(before);

    const sqlite = new Database(source, { readonly: true });
    const pool = poolOn(url);
    try {
      const tables = (
        sqlite
          .prepare(
            `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')`,
          )
          .pluck()
          .all() as string[]
      ).filter((name) => name !== 'schema_migrations');
      expect((await tablesIn(pool)).filter((name) => name !== 'schema_migrations').sort()).toEqual(
        tables.sort(),
      );
      for (const table of tables) {
        const count = sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get();
        const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM "${table}"`);
        expect(Number(rows[0]!.count), table).toBe(count);
      }
      // The source is realistic: every kind of row the server writes while people work.
      const filled = tables.filter((table) =>
        sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(),
      );
      expect(filled).toEqual(expect.arrayContaining(FILLED_TABLES));

      // Every document decodes to the same Y.Doc on both sides; the design is what its editors saw.
      const ids = sqlite.prepare('SELECT id FROM documents').pluck().all() as string[];
      for (const id of ids) {
        const fromSqlite = rebuilt([
          ...(sqlite.prepare('SELECT state FROM doc_state WHERE doc_id = ?').pluck().all(id) as Buffer[]),
          ...(sqlite.prepare('SELECT data FROM doc_updates WHERE doc_id = ?').pluck().all(id) as Buffer[]),
        ]);
        const states = await pool.query<{ state: Buffer }>('SELECT state FROM doc_state WHERE doc_id = $1', [
          id,
        ]);
        const log = await pool.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = $1', [
          id,
        ]);
        const fromPostgres = rebuilt([...states.rows.map((r) => r.state), ...log.rows.map((r) => r.data)]);
        expect(yclient.stateVector(fromPostgres), id).toEqual(yclient.stateVector(fromSqlite));
        expect(Y.equalSnapshots(Y.snapshot(fromPostgres), Y.snapshot(fromSqlite)), id).toBe(true);
        expect(yclient.docContent(fromPostgres, TEXTS), id).toEqual(yclient.docContent(fromSqlite, TEXTS));
        if (id === edited.docId) expect(yclient.docContent(fromPostgres, TEXTS)).toEqual(edited.content);
      }

      // Insertion order survives in seq; identity sequences continue past the copied ids.
      const sqliteOrder = sqlite.prepare('SELECT id FROM comments ORDER BY rowid').pluck().all();
      const postgresOrder = await pool.query<{ id: string }>('SELECT id FROM comments ORDER BY seq');
      expect(postgresOrder.rows.map((row) => row.id)).toEqual(sqliteOrder);
      const maxAudit = Number(sqlite.prepare('SELECT max(id) FROM audit_events').pluck().get());
      const fresh = await pool.query<{ id: string }>(
        `INSERT INTO audit_events (action, created_at) VALUES ('test', 0) RETURNING id`,
      );
      expect(Number(fresh.rows[0]!.id)).toBeGreaterThan(maxAudit);
      await pool.query(`DELETE FROM audit_events WHERE action = 'test'`);
    } finally {
      sqlite.close();
    }
  });

  it('refuses a second run: the database is no longer empty', async () => {
    const counts = async () => (await poolOn(url).query('SELECT count(*) FROM doc_updates')).rows;
    const before = await counts();
    const run = await runCli(['--from', source], { DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bevat al Werkplaats-gegevens \(in .*users/);
    expect(await counts()).toEqual(before);
  });

  it('refuses without DATABASE_URL or --from, and a file that is not a Werkplaats database', async () => {
    const empty = await cluster.createDatabase();
    expect(await runCli(['--from', source], {})).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/DATABASE_URL ontbreekt/),
    });
    expect(await runCli([], { DATABASE_URL: empty })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--from ontbreekt/),
    });
    const text = path.join(dataDir, 'notes.txt');
    fs.writeFileSync(text, 'geen database\n'.repeat(100));
    expect(await runCli(['--from', text], { DATABASE_URL: empty })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/geen leesbare SQLite-database/),
    });
    const other = path.join(dataDir, 'other.sqlite');
    const otherDb = new Database(other);
    otherDb.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
    otherDb.close();
    expect(await runCli(['--from', other], { DATABASE_URL: empty })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/geen Werkplaats-database/),
    });
    expect(await tablesIn(poolOn(empty))).toEqual([]);
  });

  it('refuses a SQLite database older than the code: start the app on it once first', async () => {
    const dir = makeDataDir();
    try {
      const old = new Database(path.join(dir, 'old.sqlite'));
      migrate(old, readMigrations().slice(0, -1));
      old.close();
      const empty = await cluster.createDatabase();
      const run = await runCli(['--from', path.join(dir, 'old.sqlite')], { DATABASE_URL: empty });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/ouder dan deze versie .*Start de app eerst één keer op SQLite/s);
      expect(await tablesIn(poolOn(empty))).toEqual([]);
    } finally {
      removeDataDir(dir);
    }
  });

  it('rolls everything back, schema included, when PostgreSQL rejects a row', async () => {
    const file = await variant('nul-byte', (db) =>
      db.prepare('UPDATE users SET name = ?').run('Olga\0Eigenaar'),
    );
    const empty = await cluster.createDatabase();
    const run = await runCli(['--from', file], { DATABASE_URL: empty });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PostgreSQL weigert users rij id="[^"]+": invalid byte sequence .*0x00/);
    expect(await tablesIn(poolOn(empty))).toEqual([]);
  });

  it('rolls everything back when PostgreSQL stores a value differently (text in a blob column)', async () => {
    const file = await variant('text-blob', (db) =>
      db
        .prepare(
          `UPDATE doc_updates SET data = 'geen yjs' WHERE rowid = (SELECT max(rowid) FROM doc_updates)`,
        )
        .run(),
    );
    const empty = await cluster.createDatabase();
    const run = await runCli(['--from', file], { DATABASE_URL: empty });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Controle mislukt.*\n.*doc_updates rij .*: kolom data is in SQLite "geen yjs", in PostgreSQL <8 bytes/,
    );
    expect(await tablesIn(poolOn(empty))).toEqual([]);
  });

  it('names every differing table row and document, and commits nothing', async () => {
    const empty = await cluster.createDatabase();
    const extra = new Y.Doc();
    extra.getText('evcApproach').insert(0, 'ingevoegd');
    let tampered = '';
    const moving = moveToPostgres({
      from: source,
      databaseUrl: empty,
      beforeVerify: async (client) => {
        await client.query(`UPDATE users SET name = 'Iemand anders' WHERE id = (SELECT min(id) FROM users)`);
        const { rows } = await client.query<{ doc_id: string }>(
          `UPDATE doc_updates SET data = $1
            WHERE ctid = (SELECT ctid FROM doc_updates WHERE doc_id = $2 LIMIT 1) RETURNING doc_id`,
          [Y.encodeStateAsUpdate(extra), edited.docId],
        );
        tampered = rows[0]!.doc_id;
      },
    });
    const error = await moving.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerificationFailed);
    const problems = (error as VerificationFailed).problems;
    expect(problems).toContainEqual(
      expect.stringMatching(/^users rij id=.*: kolom name is in SQLite ".*", in PostgreSQL "Iemand anders"/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^doc_updates rij .*: kolom data/));
    expect(problems).toContainEqual(`document ${tampered}: de Y.Docs verschillen`);
    expect(await tablesIn(poolOn(empty))).toEqual([]);
  });
});
