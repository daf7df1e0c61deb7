import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups, verifyBackup } from '../../server/db/backup';
import { createDocStorage } from '../../server/stores/docStorage';
import {
  createDocumentAt,
  createOwnerAt,
  databasePath,
  makeDataDir,
  REPO_ROOT,
  removeDataDir,
  startChildServer,
  startTestServer,
  type ChildServer,
  type TestServer,
} from '../support/server';
import { connectSynced, waitFor, waitForAllAcked, type TestClient } from '../support/yclient';

const run = promisify(execFile);

let dataDir: string | undefined;
let server: TestServer | undefined;
const children: ChildServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  server = undefined;
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  if (dataDir) removeDataDir(dataDir);
  dataDir = undefined;
});

/** `npm run backup -- <args>` (the script's command, run directly) on `dataDir`. */
function backupCli(dir: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', BACKUP_KEEP: '2' },
  });
}

async function typeAndSave(client: TestClient, text: string): Promise<void> {
  client.doc.getText('t').insert(client.doc.getText('t').length, text);
  await waitForAllAcked(client);
}

describe('backups', () => {
  it(
    'npm run backup takes an online backup of a running server; restore brings that state back',
    { timeout: 180_000 },
    async () => {
      dataDir = makeDataDir();
      const child = await startChildServer(dataDir, { BACKUP_INTERVAL_MINUTES: '0' });
      children.push(child);
      const owner = await createOwnerAt(child.url);
      const docId = await createDocumentAt(child.url, owner, { title: 'Back-up' });
      const client = await connectSynced(child.wsUrl, docId, { durable: true, cookie: owner.cookie });
      clients.push(client);
      await typeAndSave(client, 'voor de back-up. ');

      // While the server runs and the client keeps typing.
      const typing = (async () => {
        for (let i = 0; i < 50; i++) await typeAndSave(client, `${i} `);
      })();
      const { stdout } = await backupCli(dataDir);
      await typing;
      const file = /^BACKUP (\S+)$/m.exec(stdout)?.[1];
      expect(file, stdout).toBeDefined();
      expect(listBackups(dataDir)).toEqual([file]);
      verifyBackup(file!);
      const inBackup = new Database(file!, { readonly: true });
      const backupRows = inBackup
        .prepare<[string], number>('SELECT COUNT(*) FROM documents WHERE id = ?')
        .pluck()
        .get(docId);
      inBackup.close();
      expect(backupRows).toBe(1);

      await typeAndSave(client, 'NA DE BACK-UP');
      client.destroy();
      clients.splice(0);
      child.kill('SIGTERM');
      expect((await child.exited).code).toBe(0);

      const result = await backupCli(dataDir, '--restore', file!);
      expect(result.stdout).toMatch(/^RESTORED /m);
      expect(fs.readdirSync(dataDir).some((name) => name.includes('.before-restore-'))).toBe(true);

      const second = await startChildServer(dataDir, { BACKUP_INTERVAL_MINUTES: '0' });
      children.push(second);
      const reader = await connectSynced(second.wsUrl, docId, { cookie: owner.cookie });
      clients.push(reader);
      const text = reader.doc.getText('t').toString();
      expect(text.startsWith('voor de back-up. ')).toBe(true);
      expect(text).not.toContain('NA DE BACK-UP');

      // BACKUP_KEEP=2: two more backups remove the first.
      await backupCli(dataDir);
      await backupCli(dataDir);
      const { stdout: listed } = await backupCli(dataDir, '--list');
      expect(listed.trim().split('\n')).toEqual(listBackups(dataDir));
      expect(listBackups(dataDir)).toHaveLength(2);
      expect(listBackups(dataDir)).not.toContain(file);
    },
  );

  it(
    'the server takes scheduled backups and finishes a running one before shutdown closes the database',
    { timeout: 60_000 },
    async () => {
      dataDir = makeDataDir();
      server = await startTestServer({
        DATA_DIR: dataDir,
        BACKUP_INTERVAL_MINUTES: '0.005',
        BACKUP_KEEP: '3',
      });
      await server.createDocument();
      await waitFor(() => listBackups(dataDir!).length >= 3, 'no scheduled backups', 15_000);
      await server.running.backupNow();
      expect(listBackups(dataDir).length).toBe(3);
      for (const file of listBackups(dataDir)) verifyBackup(file);
      // A backup in progress at shutdown completes (no half file, no "database closed" error).
      const pending = server.running.backupNow();
      await server.close();
      server = undefined;
      const last = await pending;
      expect(last).toBeDefined();
      verifyBackup(last!);
      expect(
        fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.partial')),
      ).toEqual([]);
    },
  );

  it(
    'restore refuses a file that is not a complete database, and leaves the current one alone',
    { timeout: 60_000 },
    async () => {
      dataDir = makeDataDir();
      server = await startTestServer({ DATA_DIR: dataDir });
      await server.createDocument();
      await server.close();
      server = undefined;
      const before = fs.readFileSync(databasePath(dataDir));
      const broken = path.join(dataDir, 'kapot.sqlite');
      fs.writeFileSync(broken, before.subarray(0, 4096 * 2));
      await expect(backupCli(dataDir, '--restore', broken)).rejects.toMatchObject({ code: 1 });
      expect(fs.readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
    },
  );
});

describe('corrupt row in the update log', () => {
  it(
    'is quarantined with a log line; the document still loads with everything else',
    { timeout: 120_000 },
    async () => {
      dataDir = makeDataDir();
      const first = await startChildServer(dataDir);
      children.push(first);
      const owner = await createOwnerAt(first.url);
      const docId = await createDocumentAt(first.url, owner, { title: 'Corrupt' });
      const client = await connectSynced(first.wsUrl, docId, { durable: true, cookie: owner.cookie });
      await typeAndSave(client, 'goed bewaard');
      client.destroy();
      first.kill('SIGTERM');
      await first.exited;

      const db = new Database(databasePath(dataDir));
      const corrupt = createDocStorage(db).append(docId, Buffer.from([1, 2, 0xff, 0xff, 0xff, 7]));
      db.close();

      const second = await startChildServer(dataDir);
      children.push(second);
      const reader = await connectSynced(second.wsUrl, docId, { cookie: owner.cookie });
      clients.push(reader);
      expect(reader.doc.getText('t').toString()).toBe('goed bewaard');
      await waitFor(() => second.stderr().includes('quarantined corrupt update row'), 'no log line');
      expect(second.stderr()).toContain(`"seq":${corrupt}`);
      const check = new Database(databasePath(dataDir), { readonly: true });
      const quarantined = check
        .prepare<[], { doc_id: string; seq: number }>('SELECT doc_id, seq FROM doc_updates_quarantine')
        .all();
      check.close();
      expect(quarantined).toEqual([{ doc_id: docId, seq: corrupt }]);
    },
  );
});
