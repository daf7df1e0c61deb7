import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { sqliteOnly } from '../../support/testEngine';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the server’s database connection', () => {
  it('runs in WAL mode with synchronous=FULL, on a new file and on reopening an existing one', async (context) => {
    sqliteOnly(context, 'WAL and synchronous are pragmas of the SQLite file');
    server = await startTestServer();
    expect(server.running.deps.database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL: a commit (and so a durable-ack) survives power loss, not just a process crash.
    expect(server.running.deps.database.sqlite!.pragma('synchronous', { simple: true })).toBe(2);

    await server.createDocument();
    await server.restart();
    expect(server.running.deps.database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(server.running.deps.database.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
  });
});
