import { documentsOf, withStoredDocuments } from '../../support/collabEngines';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../../shared/domain/roles';
import { refusedUpgradeStatus } from '../../support/rawclient';
import {
  countLogRows,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';
import {
  connectSynced,
  roundTrip,
  waitFor,
  waitForAllAcked,
  type ConnectOptions,
  type TestClient,
} from '../../support/yclient';

/** Close codes of the sync server (server/collab/connection.ts). */
const SESSION_ENDED = 4401;
const ACCESS_WITHDRAWN = 4403;
/** Logout and password change close sockets at once; the periodic sweep would take 30 s. */
const PROMPT_CLOSE_MS = 1_000;

let server: TestServer;
let owner: TestOwner;
let users: Record<'editor' | 'commenter' | 'viewer' | 'switcher' | 'leaver' | 'sam' | 'pim', TestUser>;
let clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  const [editor, commenter, viewer, switcher, leaver, sam, pim] = await Promise.all([
    server.signUp('Eva Bewerker'),
    server.signUp('Cor Commentator'),
    server.signUp('Vera Lezer'),
    server.signUp('Dirk Wisselaar'),
    server.signUp('Lotte Vertrekker'),
    server.signUp('Sam Uitlogger'),
    server.signUp('Pim Wachtwoord'),
  ]);
  users = { editor, commenter, viewer, switcher, leaver, sam, pim };
  const roles: Array<[TestUser, Role]> = [
    [editor, 'editor'],
    [commenter, 'commenter'],
    [viewer, 'viewer'],
    [switcher, 'editor'],
    [leaver, 'editor'],
    [sam, 'editor'],
    [pim, 'editor'],
  ];
  for (const [user, role] of roles) await server.addMember(owner, owner.teamId, user, role);
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  for (const client of clients) client.destroy();
  clients = [];
});

async function join(
  docId: string,
  user: { cookie: string },
  options: ConnectOptions = {},
): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, docId, { ...options, cookie: user.cookie });
  clients.push(client);
  return client;
}

async function setRole(user: TestUser, role: Role): Promise<void> {
  const response = await server.request('PATCH', `/api/teams/${owner.teamId}/members/${user.id}`, {
    cookie: owner.cookie,
    body: { role },
  });
  expect(response.status).toBe(204);
}

/** Whether the document as stored on disk (separate connection) contains `update`. */
async function storedContains(docId: string, update: Uint8Array): Promise<boolean> {
  return withStoredDocuments(documentsOf(server), async (documents) => {
    const stored = await documents.doc(docId);
    const contains = Y.snapshotContainsUpdate(Y.snapshot(stored), update);
    stored.destroy();
    return contains;
  });
}

/**
 * A write barrier: `writer` (durable) makes an edit of its own and waits for its ack. The writer
 * commits in arrival order and relays before it acks, so once this resolves every update the
 * server accepted earlier is on disk and has reached every client.
 */
async function barrier(writer: TestClient): Promise<void> {
  const marks = writer.doc.getArray<number>('barrier');
  marks.push([marks.length]);
  await waitForAllAcked(writer);
}

/** Appends `text` to the Y.Text `name` of the client's doc; returns the update the client sends for it. */
function edit(client: TestClient, name: string, text: string): Uint8Array {
  let update: Uint8Array | undefined;
  const record = (u: Uint8Array) => (update = u);
  client.doc.on('update', record);
  const ytext = client.doc.getText(name);
  ytext.insert(ytext.length, text);
  client.doc.off('update', record);
  if (!update) throw new Error('the edit produced no update');
  return update;
}

describe('read-only sockets (commenter, viewer)', () => {
  it('receive live updates, but their own updates are never stored or relayed', async () => {
    const docId = await server.createDocument();
    const editor = await join(docId, users.editor, { durable: true });
    const viewer = await join(docId, users.viewer);
    const commenter = await join(docId, users.commenter);

    edit(editor, 't', 'van de bewerker');
    await waitForAllAcked(editor);
    await waitFor(
      () => [viewer, commenter].every((c) => c.doc.getText('t').toString() === 'van de bewerker'),
      'the read-only clients did not receive the live edit',
    );
    const rowsBefore = await countLogRows(server.dataDir, docId);

    const fromViewer = edit(viewer, 'ro', 'LEZER');
    const fromCommenter = edit(commenter, 'ro', 'COMMENTATOR');
    // The server has handled (and dropped) both frames once it answers the next message.
    await Promise.all([roundTrip(viewer.socket), roundTrip(commenter.socket)]);
    await barrier(editor);

    expect(await countLogRows(server.dataDir, docId), 'only the barrier edit was stored').toBe(
      rowsBefore + 1,
    );
    expect(await storedContains(docId, fromViewer)).toBe(false);
    expect(await storedContains(docId, fromCommenter)).toBe(false);
    expect(editor.doc.getText('ro').toString()).toBe('');
    expect(server.running.deps.rooms.peek(docId)?.doc.getText('ro').toString()).toBe('');
    // A late joiner does not get them either.
    const late = await join(docId, users.editor);
    expect(late.doc.getText('ro').toString()).toBe('');

    // Dropping is not closing: the read-only sockets stay open and keep following.
    edit(editor, 't', ' en verder');
    await waitFor(
      () => [viewer, commenter].every((c) => c.doc.getText('t').toString() === 'van de bewerker en verder'),
      'the read-only clients stopped receiving edits',
    );
    expect([viewer.sockets.length, commenter.sockets.length]).toEqual([1, 1]);
    expect([viewer.socket.closeCode, commenter.socket.closeCode]).toEqual([null, null]);
  });
});

describe('a role change while connected', () => {
  afterEach(async () => {
    await setRole(users.switcher, 'editor');
  });

  it('downgraded to viewer: the next updates are dropped at once, not stored, not relayed', async () => {
    const docId = await server.createDocument();
    const observer = await join(docId, owner, { durable: true });
    const switcher = await join(docId, users.switcher, { durable: true });
    edit(switcher, 't', 'eerst ');
    await waitForAllAcked(switcher);
    await waitFor(() => observer.doc.getText('t').toString() === 'eerst ', 'observer missed the edit');

    await setRole(users.switcher, 'viewer');
    const rowsBefore = await countLogRows(server.dataDir, docId);
    const dropped = edit(switcher, 't', 'TIJDENS');
    await roundTrip(switcher.socket);
    await barrier(observer);

    expect(await countLogRows(server.dataDir, docId), 'only the barrier edit was stored').toBe(
      rowsBefore + 1,
    );
    expect(await storedContains(docId, dropped)).toBe(false);
    expect(observer.doc.getText('t').toString()).toBe('eerst ');
    expect(server.running.deps.rooms.peek(docId)?.doc.getText('t').toString()).toBe('eerst ');
  });

  it('upgraded back to editor (no edits meanwhile): writes are stored and relayed again', async () => {
    const docId = await server.createDocument();
    const observer = await join(docId, owner);
    const switcher = await join(docId, users.switcher, { durable: true });
    await setRole(users.switcher, 'viewer');
    await setRole(users.switcher, 'editor');

    const update = edit(switcher, 't', 'weer schrijver');
    await waitFor(
      () => observer.doc.getText('t').toString() === 'weer schrijver',
      'the edit after the upgrade never reached the other client',
    );
    // Relayed only after commit, so it is on disk now.
    expect(await storedContains(docId, update)).toBe(true);
  });

  it('upgraded back after typing while read-only: later edits reach the others', async () => {
    // The realistic case: someone keeps typing while the owner changes their role. Yjs integrates
    // a client's updates in clock order, so once the read-only edit was dropped, every later update
    // of that client depends on something the server never got.
    const docId = await server.createDocument();
    const observer = await join(docId, owner);
    const switcher = await join(docId, users.switcher, { durable: true });
    await setRole(users.switcher, 'viewer');
    edit(switcher, 't', 'TIJDENS ');
    await roundTrip(switcher.socket);
    await setRole(users.switcher, 'editor');

    const after = edit(switcher, 'n', 'daarna');
    await waitFor(
      () => observer.doc.getText('n').toString() === 'daarna',
      () =>
        'the edit made after the upgrade never reached the other client ' +
        `(server’s copy: ${JSON.stringify(server.running.deps.rooms.peek(docId)?.doc.getText('n').toString())}, ` +
        `acked: ${switcher.socket.ackedUpdates} of ` +
        `${switcher.socket.sentUpdates.length})`,
      5_000,
    );
    expect(await storedContains(docId, after)).toBe(true);
  });

  it('durable-acks never cover an update the server dropped', async () => {
    const docId = await server.createDocument();
    const observer = await join(docId, owner, { durable: true });
    const switcher = await join(docId, users.switcher, { durable: true });
    edit(switcher, 't', 'eerst ');
    await waitForAllAcked(switcher);
    await setRole(users.switcher, 'viewer');
    edit(switcher, 't', 'TIJDENS ');
    await roundTrip(switcher.socket);
    await setRole(users.switcher, 'editor');
    edit(switcher, 'n', 'daarna');
    // Handled, committed (the observer's later write is acked), and any ack for it has arrived
    // (it was sent on this socket before the answer to the last step 1).
    await roundTrip(switcher.socket);
    await barrier(observer);
    await roundTrip(switcher.socket);

    // The client reads "n acked" as "my first n update frames on this socket are on disk" (README).
    const notOnDisk: string[] = [];
    for (const [socketIndex, socket] of switcher.sockets.entries()) {
      for (const [index, update] of socket.sentUpdates.slice(0, socket.ackedUpdates).entries()) {
        if (!(await storedContains(docId, update)))
          notOnDisk.push(`socket ${socketIndex + 1}, frame ${index + 1}`);
      }
    }
    expect(notOnDisk, 'update frames acknowledged as durable but not stored').toEqual([]);
  });

  it('removed from the team: the socket closes with 4403 and the provider does not reconnect', async () => {
    const docId = await server.createDocument();
    const leaver = await join(docId, users.leaver);
    const response = await server.request('DELETE', `/api/teams/${owner.teamId}/members/${users.leaver.id}`, {
      cookie: owner.cookie,
    });
    expect(response.status).toBe(204);

    await waitFor(() => leaver.permanentClose !== null, 'the socket of the removed member stayed open');
    expect(leaver.permanentClose?.code).toBe(ACCESS_WITHDRAWN);
    expect(leaver.sockets.length).toBe(1);
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${docId}`, { cookie: users.leaver.cookie })).toBe(403);
  });
});

describe('removal from one team', () => {
  it('closes only the sockets on that team’s documents', async () => {
    const roamer = await server.signUp('Ruben Zwerver');
    const otherTeam = await server.createTeam(owner, { name: 'Ander team' });
    await server.addMember(owner, owner.teamId, roamer, 'editor');
    await server.addMember(owner, otherTeam, roamer, 'editor');
    const docHere = await server.createDocument();
    const docThere = (
      (await (
        await server.request('POST', '/api/documents', { cookie: owner.cookie, body: { teamId: otherTeam } })
      ).json()) as { id: string }
    ).id;
    const here = await join(docHere, roamer);
    const there = await join(docThere, roamer, { durable: true });

    const response = await server.request('DELETE', `/api/teams/${owner.teamId}/members/${roamer.id}`, {
      cookie: owner.cookie,
    });
    expect(response.status).toBe(204);
    await waitFor(() => here.permanentClose !== null, 'the socket on the team’s document stayed open');
    expect(here.permanentClose?.code).toBe(ACCESS_WITHDRAWN);

    edit(there, 't', 'hier mag het nog');
    await waitForAllAcked(there);
    expect(there.socket.closeCode).toBeNull();
  });
});

describe('sessions ending while connected', () => {
  it('logout closes that session’s sockets (4401) within a second, not the user’s other sessions', async () => {
    const docId = await server.createDocument();
    const other = await server.logIn(users.sam);
    const ending = await join(docId, users.sam);
    const staying = await join(docId, other, { durable: true });

    const response = await server.request('POST', '/api/auth/logout', { cookie: users.sam.cookie });
    expect(response.status).toBe(204);

    await waitFor(
      () => ending.socket.closeCode !== null,
      'the logged-out socket stayed open',
      PROMPT_CLOSE_MS,
    );
    expect(ending.socket.closeCode).toBe(SESSION_ENDED);
    await waitFor(() => ending.permanentClose !== null, 'the provider kept reconnecting');
    expect(ending.sockets.length).toBe(1);

    // The other session's socket is open and still writes.
    edit(staying, 't', 'nog ingelogd');
    await waitForAllAcked(staying);
    expect(staying.sockets.length).toBe(1);
    expect(staying.socket.closeCode).toBeNull();
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${docId}`, { cookie: users.sam.cookie })).toBe(401);
  });

  it('a password change closes the other sessions’ sockets (4401), not the current one', async () => {
    const docId = await server.createDocument();
    const other = await server.logIn(users.pim);
    const current = await join(docId, users.pim, { durable: true });
    const elsewhere = await join(docId, other);

    const response = await server.request('POST', '/api/auth/password', {
      cookie: users.pim.cookie,
      body: { currentPassword: users.pim.password, newPassword: 'een heel nieuw wachtwoord' },
    });
    expect(response.status).toBe(204);

    await waitFor(
      () => elsewhere.socket.closeCode !== null,
      'the other session’s socket stayed open',
      PROMPT_CLOSE_MS,
    );
    expect(elsewhere.socket.closeCode).toBe(SESSION_ENDED);
    edit(current, 't', 'nog steeds hier');
    await waitForAllAcked(current);
    expect(current.sockets.length).toBe(1);
    expect(current.socket.closeCode).toBeNull();
  });
});
