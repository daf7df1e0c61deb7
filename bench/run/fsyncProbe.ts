import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { configureConnection } from '../../server/db/connection';
import { percentile, round } from '../lib/stats';

/*
 * `--fsync-probe`, and the first line of every report: how long this machine takes to make one small
 * commit durable. Werkplaats relays only committed updates, so its tail can be no better than this;
 * a run on a machine whose p99.9 commit is 15 ms reads differently from one where it is 1 ms.
 */

const COMMITS = 2_000;

/** A commit latency distribution in ms. */
export interface CommitLatency {
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

function summary(ms: number[]): CommitLatency {
  return {
    p50: round(percentile(ms, 50), 2),
    p99: round(percentile(ms, 99), 2),
    p999: round(percentile(ms, 99.9), 2),
    max: round(percentile(ms, 100), 2),
  };
}

/** Single-row commits on a fresh SQLite file in the temp dir, with the server's own pragmas. */
export function probeSqlite(count = COMMITS): CommitLatency {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-fsync-probe-'));
  const db = new Database(path.join(dir, 'probe.sqlite'));
  try {
    configureConnection(db);
    db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO probe (data) VALUES (?)');
    const row = Buffer.alloc(40, 7);
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      insert.run(row);
      ms.push(performance.now() - started);
    }
    return summary(ms);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Single-row commits (synchronous_commit on) on the PostgreSQL database at `url`. */
export async function probePostgres(url: string, count = COMMITS): Promise<CommitLatency> {
  const client = new Client({ connectionString: url, options: '-c synchronous_commit=on' });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS fsync_probe (id bigserial PRIMARY KEY, data bytea NOT NULL)',
    );
    const row = Buffer.alloc(40, 7);
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await client.query('INSERT INTO fsync_probe (data) VALUES ($1)', [row]);
      ms.push(performance.now() - started);
    }
    await client.query('DROP TABLE fsync_probe');
    return summary(ms);
  } finally {
    await client.end();
  }
}

/** The probe as one report line. */
export function probeLine(engine: string, latency: CommitLatency): string {
  return `Commit latency of this machine (fsync probe: ${COMMITS.toLocaleString('en')} single-row commits, ${engine}): p50 ${latency.p50} ms, p99 ${latency.p99} ms, p99.9 ${latency.p999} ms, max ${latency.max} ms.`;
}
