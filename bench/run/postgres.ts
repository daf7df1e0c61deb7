import { Client, escapeIdentifier } from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../../tests/support/postgres';
import fs from 'node:fs';
import path from 'node:path';
import { flag, option } from './options';

/*
 * `--db postgres`: Werkplaats runs on PostgreSQL (a durable throwaway cluster, fsync on, as in
 * production) instead of SQLite. Its prepared documents live in a template database; each run gets
 * a copy (CREATE DATABASE … TEMPLATE), as each SQLite run gets a copy of the prepared directory.
 */

/** Which engine Werkplaats runs on in this bench run (`--cluster` needs PostgreSQL). */
export const benchEngine: 'sqlite' | 'postgres' =
  option('db') === 'postgres' || flag('cluster') ? 'postgres' : 'sqlite';

let cluster: PostgresCluster | undefined;
const urls = new Map<string, string>();
let copies = 0;

/** Starts the cluster when the run needs one. */
export async function startBenchPostgres(): Promise<void> {
  if (benchEngine === 'postgres') cluster = await startPostgresCluster({ durable: true });
}

/** Stops the cluster (and with it every database of the run). */
export async function stopBenchPostgres(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}

/** The DATABASE_URL of Werkplaats' data for `dir`, or undefined on SQLite. */
export function databaseUrlFor(dir: string): string | undefined {
  return urls.get(dir);
}

/** An empty database for the prepared documents, known by `dir`. */
export async function createTemplateDatabase(dir: string): Promise<void> {
  if (!cluster) return;
  urls.set(dir, await cluster.createDatabase());
}

/** A fresh, empty database known by `name` (Hocuspocus' documents in `--cluster`); its URL. */
export async function createEmptyDatabase(name: string): Promise<string> {
  if (!cluster) throw new Error('no PostgreSQL cluster in this run');
  const url = await cluster.createDatabase();
  urls.set(name, url);
  return url;
}

/** The postmaster's pid: its CPU and its backends' are PostgreSQL's share of the machine. */
export function postgresPid(): number | undefined {
  if (!cluster) return undefined;
  return Number(fs.readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** A copy of the prepared database `from` for one run, known by `dir`. */
export async function copyDatabase(from: string, dir: string): Promise<void> {
  if (!cluster) return;
  const source = new URL(urls.get(from)!).pathname.slice(1);
  const name = `bench_${++copies}`;
  await admin(`CREATE DATABASE ${escapeIdentifier(name)} TEMPLATE ${escapeIdentifier(source)}`);
  await admin(`ALTER DATABASE ${escapeIdentifier(name)} OWNER TO werkplaats`);
  urls.set(dir, cluster.appUrl(name));
}

/** A fresh database of the run's cluster (the fsync probe's), or undefined on SQLite. */
export async function scratchDatabaseUrl(): Promise<string | undefined> {
  return await cluster?.createDatabase();
}

/** Drops the run's copy known by `dir`. */
export async function dropDatabase(dir: string): Promise<void> {
  const url = urls.get(dir);
  if (!cluster || !url) return;
  urls.delete(dir);
  await admin(`DROP DATABASE IF EXISTS ${escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`);
}

async function admin(text: string): Promise<void> {
  const client = new Client({ connectionString: cluster!.adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
