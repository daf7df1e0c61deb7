/**
 * Search latency: GET /api/search's command over N team documents (default 2,000, ~4 KB of real
 * English prose each from the B4 trace) plus comments and the seeded ontwikkelpaden, on SQLite FTS5
 * and, with --postgres, PostgreSQL full-text. The user is a member of every team (the worst case:
 * every match is visible). Prints p50/p95/p99 per engine and `RESULT {json}`.
 *   node --import tsx bench/search.ts [--docs 2000] [--queries 300] [--postgres]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { search } from '../server/commands/search';
import type { Database } from '../server/db/database';
import { openSqlite } from '../server/db/database';
import { openPostgres } from '../server/db/postgres';
import type { AppDeps } from '../server/deps';
import { setLogLevel } from '../server/log';
import { createSearchStore } from '../server/search/searchStore';
import { startPostgresCluster } from '../tests/support/postgres';
import { loadB4 } from './lib/trace';
import { percentile, round } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const DOCS = arg('docs', 2_000);
const QUERIES = arg('queries', 300);
const TEAMS = 50;
const BODY = 4_000;
setLogLevel('error');

const text = loadB4().endContent.replace(/\s+/g, ' ');
const words = [...new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? [])];

async function fill(database: Database): Promise<void> {
  const db = database.db;
  const now = Date.now();
  await db
    .insertInto('users')
    .values({
      id: 'u-bench',
      email: 'bench@example.org',
      name: 'Bench',
      password_hash: 'x',
      created_at: now,
    } as never)
    .execute();
  for (let t = 0; t < TEAMS; t++) {
    await db
      .insertInto('teams')
      .values({ id: `t-${t}`, name: `Team ${t}`, kind: 'cocreatieteam', created_at: now } as never)
      .execute();
    await db
      .insertInto('memberships')
      .values({ team_id: `t-${t}`, user_id: 'u-bench', role: 'owner', created_at: now } as never)
      .execute();
  }
  const store = createSearchStore(db);
  for (let i = 0; i < DOCS; i++) {
    const id = `d-${i}`;
    const from = (i * 7_919) % (text.length - BODY);
    await db
      .insertInto('documents')
      .values({
        id,
        title: `Document ${i}`,
        created_at: now,
        updated_at: now,
        team_id: `t-${i % TEAMS}`,
        kind: 'leerarrangement',
      } as never)
      .execute();
    await store.put({
      entryKey: `doc:${id}`,
      kind: 'leerarrangement',
      refId: id,
      docId: id,
      visibility: 'team',
      teamId: `t-${i % TEAMS}`,
      title: `${words[i % words.length]} ${words[(i * 31) % words.length]}`,
      body: text.slice(from, from + BODY),
      sourceAt: now,
    });
    if (i % 4 === 0) {
      await db
        .insertInto('comments')
        .values({
          id: `c-${i}`,
          thread_id: `c-${i}`,
          doc_id: id,
          body: text.slice(from + 100, from + 400),
          created_at: now,
        } as never)
        .execute();
    }
  }
}

async function measure(engine: string, database: Database) {
  const deps = { database, stores: { search: createSearchStore(database.db) } } as unknown as AppDeps;
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const word = words[(i * 104_729) % words.length]!;
    // One in three: two words; one in three: a prefix as typed.
    return i % 3 === 0 ? `${word} ${words[(i * 13) % words.length]}` : i % 3 === 1 ? word.slice(0, 4) : word;
  });
  for (const query of queries.slice(0, 20)) await search(deps, 'u-bench', query);
  const times: number[] = [];
  let results = 0;
  for (const query of queries) {
    const started = performance.now();
    results += (await search(deps, 'u-bench', query)).length;
    times.push(performance.now() - started);
  }
  const row = {
    engine,
    docs: DOCS,
    queries: QUERIES,
    p50: round(percentile(times, 50), 2),
    p95: round(percentile(times, 95), 2),
    p99: round(percentile(times, 99), 2),
    meanResults: round(results / QUERIES, 1),
  };
  console.log(
    `${engine}: p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms (${row.meanResults} results per query)`,
  );
  return row;
}

const rows = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-search-bench-'));
try {
  const sqlite = openSqlite(dir);
  await fill(sqlite);
  rows.push(await measure('sqlite', sqlite));
  await sqlite.close();
  if (process.argv.includes('--postgres')) {
    const cluster = await startPostgresCluster();
    try {
      const postgres = await openPostgres({ url: await cluster.createDatabase(), poolMax: 4 });
      await fill(postgres);
      rows.push(await measure('postgres', postgres));
      await postgres.close();
    } finally {
      await cluster.stop();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`RESULT ${JSON.stringify(rows)}`);
