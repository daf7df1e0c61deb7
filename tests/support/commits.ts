import * as Y from 'yjs';
import type { Committer, PendingWrite } from '../../server/collab/writer';
import { openDatabase, type Db } from '../../server/db/connection';
import { setLogLevel } from '../../server/log';
import { makeDataDir, removeDataDir } from './server';

/** A real SQLite file with one document row, for committer tests. */
export interface CommitFixture {
  db: Db;
  docId: string;
  /** The document's log rows, in seq order, from the main connection. */
  rows(): Array<{ seq: number; data: Buffer }>;
  /** The stored updates as hex strings (compare with `hex(list)`). */
  storedHex(): string[];
  /** A write of `update` into the fixture's document. */
  write(update: Uint8Array): PendingWrite;
  close(): void;
}

export function openCommitFixture(docId: string): CommitFixture {
  setLogLevel('silent');
  const dataDir = makeDataDir();
  const db = openDatabase(dataDir);
  db.prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    docId,
    'c',
    1,
    1,
  );
  const select = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq',
  );
  const rows = () => select.all(docId);
  return {
    db,
    docId,
    rows,
    storedHex: () => rows().map((row) => Buffer.from(row.data).toString('hex')),
    write: (update) => ({ docId, update, origin: null, ackCount: 0 }),
    close() {
      db.close();
      removeDataDir(dataDir);
    },
  };
}

/** Single-character updates of one client, in order. */
export function textUpdates(count: number, clientId = 7): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const out: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String(i % 10));
  return out;
}

export const hex = (list: Uint8Array[]) => list.map((update) => Buffer.from(update).toString('hex'));

/** Commits one batch and resolves with its seqs (rejects with the committer's error). */
export const commitBatch = (committer: Committer, writes: PendingWrite[]) =>
  new Promise<number[]>((resolve, reject) =>
    committer.commit(writes, (error, seqs) => (error ? reject(error) : resolve(seqs!))),
  );
