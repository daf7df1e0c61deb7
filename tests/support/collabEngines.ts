import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import type * as Y from 'yjs';
import { loadDoc } from '../../server/collab/loadDoc';
import { openPostgres } from '../../server/db/postgres';
import { createDocStorage, type DocStorage } from '../../server/stores/docStorage';
import { createPostgresDocStorage } from '../../server/stores/docStorage/postgres';
import { startPostgresCluster, type PostgresCluster } from './postgres';
import { databasePath, type TestServer } from './server';

/** The engines the sync server runs on. */
export type Engine = 'sqlite' | 'postgres';

/** The engines the sync-path tests run on: both, unless WERKPLAATS_TEST_PG=0. */
export const ENGINES: readonly Engine[] =
  process.env.WERKPLAATS_TEST_PG === '0' ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * A throwaway PostgreSQL cluster for the test file that calls this (at its top level): started on
 * first use, stopped after the file. Durable (fsync, synchronous_commit on) as in production, so
 * killing a server or the database loses nothing that was committed.
 */
export function clusterForFile(): () => Promise<PostgresCluster> {
  let started: Promise<PostgresCluster> | undefined;
  afterAll(async () => {
    if (started) await (await started).stop();
  });
  return () => (started ??= startPostgresCluster({ durable: true }));
}

/** Server settings that put it on `engine`: on PostgreSQL a fresh database of the file's cluster. */
export async function engineSettings(
  engine: Engine,
  cluster: () => Promise<PostgresCluster>,
): Promise<Record<string, string>> {
  if (engine === 'sqlite') return {};
  return { DATABASE_URL: await (await cluster()).createDatabase() };
}

/** Where a server keeps its documents: DATA_DIR's SQLite file, or the PostgreSQL database. */
export interface DocumentsAt {
  dataDir: string;
  databaseUrl?: string;
}

/** Where a running test server keeps its documents. */
export function documentsOf(server: TestServer): DocumentsAt {
  return { dataDir: server.dataDir, databaseUrl: server.running.deps.env.DATABASE_URL };
}

/**
 * The documents as committed, read through a connection of its own (another process's view: on
 * SQLite what is in the file, on PostgreSQL what is committed). Works after the server crashed.
 */
export interface StoredDocuments {
  storage: DocStorage;
  /** The document loaded from its state and log; destroy it after use. */
  doc(docId: string): Promise<Y.Doc>;
  /** Rows in the document's update log. */
  logRows(docId: string): Promise<number>;
  close(): Promise<void>;
}

/** Opens the documents at `where` (see StoredDocuments). */
export async function openStoredDocuments(where: DocumentsAt): Promise<StoredDocuments> {
  if (where.databaseUrl) {
    // openPostgres for its pool (int8 as numbers, the schema migrated); its Kysely stays unused, so
    // ending the pool is all the closing there is (Kysely's destroy() would not: never initialised).
    const pool = (await openPostgres({ url: where.databaseUrl, poolMax: 2 })).postgres!;
    return stored(
      createPostgresDocStorage(pool),
      async (docId) => {
        const { rows } = await pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1',
          [docId],
        );
        return rows[0]!.n;
      },
      () => pool.end(),
    );
  }
  // Read-write, so that a file a crash left behind can be recovered from its WAL.
  const db = new Database(databasePath(where.dataDir), { fileMustExist: true });
  const count = db.prepare<[string], number>('SELECT COUNT(*) FROM doc_updates WHERE doc_id = ?').pluck();
  return stored(
    createDocStorage(db),
    async (docId) => count.get(docId) ?? 0,
    async () => void db.close(),
  );
}

function stored(
  storage: DocStorage,
  logRows: (docId: string) => Promise<number>,
  close: () => Promise<void>,
): StoredDocuments {
  return { storage, doc: async (docId) => (await loadDoc(storage, docId)).doc, logRows, close };
}

/** Runs `read` on the stored documents at `where`, closing the connection afterwards. */
export async function withStoredDocuments<T>(
  where: DocumentsAt,
  read: (documents: StoredDocuments) => Promise<T>,
): Promise<T> {
  const documents = await openStoredDocuments(where);
  try {
    return await read(documents);
  } finally {
    await documents.close();
  }
}

/** Whether a SQLite database file exists in `dataDir` (a server on PostgreSQL must create none). */
export function sqliteFileExists(dataDir: string): boolean {
  return fs.existsSync(databasePath(dataDir));
}
