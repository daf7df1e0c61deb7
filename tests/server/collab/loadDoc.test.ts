import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../../server/commands/createDocument';
import { documentLogOn } from '../../../server/collab/documentLog';
import { loadDoc } from '../../../server/collab/loadDoc';
import type { Committer } from '../../../server/collab/writer';
import { openDatabase } from '../../../server/db/connection';
import { setLogLevel, type LogLevel } from '../../../server/log';
import type { DocStorage } from '../../../server/stores/docStorage';
import { createAppDeps } from '../../../server/appDeps';
import { sqliteDatabase, type Database } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/postgres';
import { loadEnv } from '../../../server/env';
import { createTeamStore } from '../../../server/stores/teams';
import { createUserStore } from '../../../server/stores/users';
import { clusterForFile, ENGINES } from '../../support/collabEngines';
import { commitBatch } from '../../support/commits';
import { makeDataDir, removeDataDir, sessionCookie, startTestServer } from '../../support/server';
import { connectSynced } from '../../support/yclient';

const cluster = clusterForFile();

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

describe.each(ENGINES)('loadDoc on %s', (engine) => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let database: Database;
  let storage: DocStorage;
  let committer: Committer;
  let open = false;

  beforeEach(async () => {
    // loadDoc logs every quarantined row as an error; keep test output clean unless asked.
    setLogLevel((process.env.TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent');
    dataDir = makeDataDir();
    if (engine === 'postgres') {
      databaseUrl = await (await cluster()).createDatabase();
      database = await openPostgres({ url: databaseUrl, poolMax: 4 });
    } else {
      database = sqliteDatabase(openDatabase(dataDir));
    }
    open = true;
    ({ docStorage: storage, committer } = documentLogOn(
      database,
      loadEnv({ DATA_DIR: dataDir, COMMIT_THREAD: 'main' }),
    ));
  });

  afterEach(async () => {
    if (open) await database.close();
    removeDataDir(dataDir);
  });

  /** Just enough of the app's deps for createDocument: its transaction over this database. */
  const testDeps = () =>
    createAppDeps({
      env: loadEnv({ DATA_DIR: dataDir }),
      database,
      docStorage: storage,
      sessionPolicy: { idleTimeoutMs: 60_000, absoluteLifetimeMs: 60_000 },
      rooms: null as never,
      limiters: null as never,
    });

  const quarantined = () =>
    database.db
      .selectFrom('doc_updates_quarantine')
      .select(['doc_id', 'seq', 'data', 'reason'])
      .orderBy('seq')
      .execute();

  it('quarantines rows that cannot be applied and still loads the document', async () => {
    // Every document belongs to a team; this test writes its log rows itself.
    const userId = randomUUID();
    const teamId = randomUUID();
    await createUserStore(database.db).insert({
      id: userId,
      email: 'loaddoc@werkplaats.test',
      name: 'Lader',
      passwordHash: '',
    });
    const teams = createTeamStore(database.db);
    await teams.insert({ id: teamId, name: 'Quarantaineteam', kind: 'atelier' });
    await teams.setMember(teamId, userId, 'owner');
    const { id: docId } = await createDocument(testDeps(), userId, { teamId, title: 'Quarantaine' });
    const [first, second] = twoUpdates();
    const truncated = first.slice(0, first.length - 2);
    // Decodes as a Yjs update, but Y.applyUpdate throws on it (a zero-length deletion).
    const unapplicable = Uint8Array.of(0x00, 0x01, 0xa9, 0x06, 0x01, 0x44, 0x00);

    const rows = [first, truncated, unapplicable, second];
    const seqs = await commitBatch(
      committer,
      rows.map((update) => ({ docId, update, origin: null, ackCount: 0 })),
    );
    expect(seqs).toEqual([1, 2, 3, 4]);

    const loaded = await loadDoc(storage, docId);
    expect(loaded.doc.getText('t').toString()).toBe('eerste tweede');
    expect(loaded.doc.getMap('meta').get('title')).toBe('Quarantaine');
    expect(loaded.logCount).toBe(2);
    expect(loaded.lastSeq).toBe(4);
    loaded.doc.destroy();

    expect((await storage.read(docId)).log.map((row) => row.seq)).toEqual([1, 4]);
    const aside = await quarantined();
    expect(aside.map((row) => row.seq)).toEqual([2, 3]);
    for (const row of aside) {
      expect(row.doc_id).toBe(docId);
      expect(row.reason).not.toBe('');
    }
    expect(new Uint8Array(aside[0]!.data)).toEqual(truncated);
    expect(new Uint8Array(aside[1]!.data)).toEqual(unapplicable);

    // Loading again finds a clean log: same document, nothing more quarantined; a second
    // quarantine of the same row changes nothing.
    const again = await loadDoc(storage, docId);
    expect(again.doc.getText('t').toString()).toBe('eerste tweede');
    again.doc.destroy();
    await storage.quarantine(docId, 2, 'nog eens');
    expect((await quarantined()).map((row) => [row.seq, row.reason])).toEqual(
      aside.map((row) => [row.seq, row.reason]),
    );

    // And the server serves it.
    await database.close();
    open = false;
    const server = await startTestServer(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir });
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
