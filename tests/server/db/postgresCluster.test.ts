import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ROLE,
  APP_ROLE,
  createDatabaseOn,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres';
import { findPostgresBin } from '../../support/postgresCluster';
import { openPostgres } from '../../../server/db/postgres';

async function withClient<T>(connectionString: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function query<Row>(connectionString: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  return withClient(connectionString, async (client) => (await client.query(sql, values)).rows as Row[]);
}

/** The same URL with another user name and password. */
function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

const durabilitySettings = (url: string) =>
  query<{ setting: string }>(
    url,
    "SELECT setting FROM pg_settings WHERE name IN ('fsync', 'full_page_writes', 'synchronous_commit') ORDER BY name",
  ).then((rows) => rows.map((row) => row.setting));

describe('a throwaway PostgreSQL cluster as the tests use it', () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    databaseUrl = await cluster.createDatabase();
  });
  afterAll(() => cluster?.stop());

  it('gives the app a role without superuser rights that owns its database', async () => {
    const [role] = await query<Record<string, unknown>>(
      databaseUrl,
      `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb,
              (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) AS owner
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({
      name: APP_ROLE,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      owner: APP_ROLE,
    });
    // Owning the database is enough to create the schema: no step needs a superuser.
    await query(databaseUrl, 'CREATE TABLE owned (id int PRIMARY KEY)');
  });

  it('lets the app in with its password over TCP only, and the superuser over the socket only', async () => {
    const [server] = await query<{ address: string; port: number }>(
      databaseUrl,
      'SELECT host(inet_server_addr()) AS address, inet_server_port() AS port',
    );
    expect(server).toEqual({ address: '127.0.0.1', port: cluster.port });
    await expect(query(withCredentials(databaseUrl, APP_ROLE, 'wrong'), 'SELECT 1')).rejects.toMatchObject({
      code: '28P01', // invalid_password
    });
    await expect(query(withCredentials(databaseUrl, ADMIN_ROLE, ''), 'SELECT 1')).rejects.toMatchObject({
      code: '28000', // no pg_hba.conf entry
    });
    expect(await query(cluster.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it.runIf(fs.existsSync('/proc'))('runs PostgreSQL as a user other than root', async () => {
    // Read while connected: the backend process ends with its connection.
    const uid = await withClient(cluster.adminUrl, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const status = fs.readFileSync(`/proc/${rows[0]!.pid}/status`, 'utf8');
      return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    });
    if (process.getuid?.() === 0) expect(uid).not.toBe(0);
    else expect(uid).toBe(process.getuid?.());
  });

  it('gives every createDatabase() its own empty database, also when asked at once', async () => {
    const [first, second] = [await cluster.createDatabase(), await cluster.createDatabase()];
    expect(first).not.toBe(second);
    await query(first!, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('alleen hier')");
    const [seen] = await query<{ notes: string | null }>(
      second!,
      "SELECT to_regclass('notes')::text AS notes",
    );
    expect(seen).toEqual({ notes: null });

    const { port, adminUrl, appPassword } = cluster;
    const urls = await Promise.all(
      Array.from({ length: 8 }, () => createDatabaseOn({ port, adminUrl, appPassword })),
    );
    expect(new Set(urls).size).toBe(8);
    const names = await Promise.all(
      urls.map(
        async (url) => (await query<{ name: string }>(url, 'SELECT current_database() AS name'))[0]!.name,
      ),
    );
    expect(names).toEqual(urls.map((url) => new URL(url).pathname.slice(1)));
  });

  it('trades durability for speed', async () => {
    expect(await durabilitySettings(databaseUrl)).toEqual(['off', 'off', 'off']);
  });

  it("the app's connections commit synchronously even where the server's default is off", async () => {
    const database = await openPostgres({ url: databaseUrl, poolMax: 2 });
    try {
      const { rows } = await database.postgres!.query<{ synchronous_commit: string }>(
        'SHOW synchronous_commit',
      );
      expect(rows[0]!.synchronous_commit).toBe('on');
    } finally {
      await database.close();
    }
  });
});

describe('a durable cluster', () => {
  it('keeps committed rows across a clean restart and a kill; stop() removes it', async () => {
    // A killed postmaster loses what was not yet written to the OS, not what the disk has not synced:
    // RAM (when there is a /dev/shm) tests the same and spares a contended disk ~10 s of fsyncs.
    const parentDir = fs.existsSync('/dev/shm') ? '/dev/shm' : undefined;
    const cluster = await startPostgresCluster({ durable: true, parentDir });
    try {
      const url = await cluster.createDatabase();
      expect(await durabilitySettings(url)).toEqual(['on', 'on', 'on']);
      const startedAt = async () =>
        (await query<{ at: Date }>(url, 'SELECT pg_postmaster_start_time() AS at'))[0]!.at.getTime();
      await query(url, 'CREATE TABLE kept (id int PRIMARY KEY); INSERT INTO kept VALUES (1)');
      const firstStart = await startedAt();

      await cluster.restart();
      expect(await startedAt()).toBeGreaterThan(firstStart);
      await query(url, 'INSERT INTO kept VALUES (2)');

      await cluster.kill();
      await expect(query(url, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await cluster.restart();
      expect(await query(url, 'SELECT id FROM kept ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      await cluster.stop();
    }
    expect(fs.existsSync(cluster.dir)).toBe(false);
    await expect(query(cluster.appUrl('postgres'), 'SELECT 1')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

describe('findPostgresBin', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-pgbin-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const installMajor = (major: string) => {
    const bin = path.join(root, major, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'initdb'), '', { mode: 0o755 });
    return bin;
  };

  it('takes PG_BIN first and says so when it holds no initdb', () => {
    const bin = installMajor('13');
    expect(findPostgresBin({ PG_BIN: bin, PATH: '' }, '/nonexistent')).toBe(bin);
    expect(() => findPostgresBin({ PG_BIN: root, PATH: '' }, '/nonexistent')).toThrow(
      /PG_BIN=.* holds no executable initdb/,
    );
  });

  it('takes the newest Debian major when initdb is not on PATH', () => {
    installMajor('9.6');
    installMajor('16');
    installMajor('15');
    expect(findPostgresBin({ PATH: '' }, root)).toBe(path.join(root, '16', 'bin'));
  });

  it('says what to install when there is no PostgreSQL at all', () => {
    expect(() => findPostgresBin({ PATH: '' }, '/nonexistent')).toThrow(/apt-get install postgresql/);
  });
});
