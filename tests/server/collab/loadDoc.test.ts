import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../../server/commands/createDocument';
import { loadDoc } from '../../../server/collab/loadDoc';
import { openDatabase, type Db } from '../../../server/db/connection';
import { setLogLevel, type LogLevel } from '../../../server/log';
import { createDocStorage, type SqliteDocStorage } from '../../../server/stores/docStorage';
import { createAppDeps } from '../../../server/appDeps';
import { sqliteDatabase, type Database } from '../../../server/db/database';
import { loadEnv } from '../../../server/env';
import { createTeamStore } from '../../../server/stores/teams';
import { createUserStore } from '../../../server/stores/users';
import { makeDataDir, removeDataDir, sessionCookie, startTestServer } from '../../support/server';
import { connectSynced } from '../../support/yclient';

let dataDir: string;
let db: Db;
let storage: SqliteDocStorage;

beforeEach(() => {
  // loadDoc logs every quarantined row as an error; keep test output clean unless asked.
  setLogLevel((process.env.TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent');
  dataDir = makeDataDir();
  db = openDatabase(dataDir);
  storage = createDocStorage(db);
});

afterEach(() => {
  if (db.open) db.close();
  removeDataDir(dataDir);
});

/** Two consecutive updates from one client: 'eerste' then ' tweede' (the second builds on the first). */
function twoUpdates(): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc();
  doc.clientID = 7;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getText('t').insert(0, 'eerste');
  doc.getText('t').insert(6, ' tweede');
  doc.destroy();
  return [updates[0]!, updates[1]!];
}

interface QuarantineRow {
  seq: number;
  doc_id: string;
  data: Buffer;
  reason: string;
}

/** Just enough of the app's deps for createDocument: its transaction over this database. */
function testDeps(database: Database, docStorage: SqliteDocStorage) {
  return createAppDeps({
    env: loadEnv({ DATA_DIR: dataDir }),
    database,
    docStorage,
    sessionPolicy: { idleTimeoutMs: 60_000, absoluteLifetimeMs: 60_000 },
    rooms: null as never,
    limiters: null as never,
  });
}

describe('loadDoc', () => {
  it('quarantines rows that cannot be applied and still loads the document', async () => {
    // Every document belongs to a team; this test writes its rows straight into the file.
    const userId = randomUUID();
    const teamId = randomUUID();
    const database = sqliteDatabase(db);
    const kysely = database.db;
    await createUserStore(kysely).insert({
      id: userId,
      email: 'loaddoc@werkplaats.test',
      name: 'Lader',
      passwordHash: '',
    });
    const teams = createTeamStore(kysely);
    await teams.insert({ id: teamId, name: 'Quarantaineteam', kind: 'atelier' });
    await teams.setMember(teamId, userId, 'owner');
    const { id: docId } = await createDocument(testDeps(database, storage), userId, {
      teamId,
      title: 'Quarantaine',
    });
    const [first, second] = twoUpdates();
    const truncated = first.slice(0, first.length - 2);
    // Decodes as a Yjs update, but Y.applyUpdate throws on it (a zero-length deletion).
    const unapplicable = Uint8Array.of(0x00, 0x01, 0xa9, 0x06, 0x01, 0x44, 0x00);

    const goodSeq = storage.append(docId, first);
    const truncatedSeq = storage.append(docId, truncated);
    const unapplicableSeq = storage.append(docId, unapplicable);
    const lastSeq = storage.append(docId, second);
    expect([goodSeq, truncatedSeq, unapplicableSeq, lastSeq]).toEqual([1, 2, 3, 4]);

    const loaded = await loadDoc(storage, docId);
    expect(loaded.doc.getText('t').toString()).toBe('eerste tweede');
    expect(loaded.doc.getMap('meta').get('title')).toBe('Quarantaine');
    expect(loaded.logCount).toBe(2);
    expect(loaded.lastSeq).toBe(lastSeq);
    loaded.doc.destroy();

    expect((await storage.read(docId)).log.map((row) => row.seq)).toEqual([goodSeq, lastSeq]);
    const quarantined = db
      .prepare<[], QuarantineRow>('SELECT seq, doc_id, data, reason FROM doc_updates_quarantine ORDER BY seq')
      .all();
    expect(quarantined.map((row) => row.seq)).toEqual([truncatedSeq, unapplicableSeq]);
    for (const row of quarantined) {
      expect(row.doc_id).toBe(docId);
      expect(row.reason).not.toBe('');
    }
    expect(new Uint8Array(quarantined[0]!.data)).toEqual(truncated);
    expect(new Uint8Array(quarantined[1]!.data)).toEqual(unapplicable);

    // Loading again finds a clean log: same document, nothing more quarantined.
    const again = await loadDoc(storage, docId);
    expect(again.doc.getText('t').toString()).toBe('eerste tweede');
    again.doc.destroy();
    expect(db.prepare('SELECT COUNT(*) FROM doc_updates_quarantine').pluck().get()).toBe(2);

    // And the server serves it.
    db.close();
    const server = await startTestServer({ DATA_DIR: dataDir });
    try {
      // A session for the member, minted by the server's own session service (no password needed).
      const { token } = await server.running.deps.sessions.create(userId);
      const client = await connectSynced(server.wsUrl, docId, { cookie: sessionCookie(token) });
      expect(client.doc.getText('t').toString()).toBe('eerste tweede');
      client.destroy();
    } finally {
      await server.close();
    }
  });
});
