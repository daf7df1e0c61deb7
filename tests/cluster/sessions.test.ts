import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/collabEngines';
import {
  addMemberAt,
  apiRequest,
  createDocumentAt,
  createOwnerAt,
  createTeamAt,
  expectJson,
  logInAt,
  signUpAt,
} from '../support/server';
import { openEventStream, type TestEventStream } from '../support/eventStream';
import { connectSynced, roundTrip, waitFor, type TestClient } from '../support/yclient';
import { missingFromStored } from './support/checks';
import { clusterOfInstances } from './support/instances';

/**
 * Sessions and memberships across instances: what one instance decides (a demotion, a logout, a
 * role change) holds on the other at once — one owner demotion of two racing wins, and the other
 * instance's sockets follow within a second (its own sweep would take 30 s).
 */

const cluster = clusterOfInstances();
const clients: TestClient[] = [];
const streams: TestEventStream[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const stream of streams.splice(0)) await stream.close();
  expect((await cluster()).unexpectedExits.splice(0)).toEqual([]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long another instance may take to act on a change made through the first. */
const FOLLOW_MS = 1_000;

describe.runIf(ENGINES.includes('postgres'))(
  'sessions and access on two instances',
  { timeout: 60_000 },
  () => {
    it('two owners demoting each other at once through A and B: exactly one wins, the team keeps an owner', async () => {
      const { instances } = await cluster();
      const [a, b] = instances;
      const first = await createOwnerAt(a!.url, 'Eerste Eigenaar');
      const second = await signUpAt(a!.url, 'Tweede Eigenaar');
      // Several rounds: each is a fresh race between the two processes' transactions.
      for (let round = 0; round < 5; round++) {
        const teamId = await createTeamAt(a!.url, first, { name: `Team ${round}` });
        await addMemberAt(a!.url, first, teamId, second, 'owner');
        const demote = (url: string, actor: { cookie: string }, target: { id: string }) =>
          apiRequest(url, 'PATCH', `/api/teams/${teamId}/members/${target.id}`, {
            cookie: actor.cookie,
            body: { role: 'editor' },
          });
        const responses = await Promise.all([demote(a!.url, first, second), demote(b!.url, second, first)]);
        const statuses = responses.map((response) => response.status);
        expect(
          statuses.filter((status) => status === 204),
          `round ${round}: ${statuses.join(', ')}`,
        ).toHaveLength(1);
        expect(statuses.filter((status) => status >= 400 && status < 500)).toHaveLength(1);
        // Whoever lost, both are still members, and members may read the list.
        const members = await expectJson<Array<{ role: string }>>(
          await apiRequest(b!.url, 'GET', `/api/teams/${teamId}/members`, { cookie: first.cookie }),
          200,
          'GET members',
        );
        expect(members.filter((member) => member.role === 'owner')).toHaveLength(1);
      }
    });

    it('logout through A closes that session’s socket on B within a second, and only that one', async () => {
      const { instances } = await cluster();
      const [a, b] = instances;
      const owner = await createOwnerAt(a!.url);
      const docId = await createDocumentAt(a!.url, owner);
      // A second session of the same user, made on A and used on B.
      const session = await logInAt(a!.url, owner);
      const leaving = await connectSynced(b!.wsUrl, docId, { cookie: session.cookie });
      const staying = await connectSynced(b!.wsUrl, docId, { cookie: owner.cookie });
      clients.push(leaving, staying);

      const response = await apiRequest(a!.url, 'POST', '/api/auth/logout', { cookie: session.cookie });
      expect(response.status).toBe(204);
      const loggedOut = Date.now();
      await waitFor(
        () => leaving.socket.closeCode !== null,
        'B kept the ended session’s socket open',
        FOLLOW_MS,
      );
      console.log(`logout on A closed B's socket after ${Date.now() - loggedOut} ms`);
      expect(leaving.socket.closeCode).toBe(4401);
      await roundTrip(staying.socket);
      expect(staying.socket.closeCode).toBeNull();
    });

    it('logout and removal through A end the event streams of that session and that member on B within a second', async () => {
      const { instances } = await cluster();
      const [a, b] = instances;
      const owner = await createOwnerAt(a!.url);
      const docId = await createDocumentAt(a!.url, owner);
      const member = await signUpAt(a!.url, 'Lid Op B');
      await addMemberAt(a!.url, owner, owner.teamId, member, 'viewer');
      const session = await logInAt(a!.url, owner);
      const open = async (cookie: string) => {
        const stream = await openEventStream(b!.url, `/api/documents/${docId}/events`, cookie);
        streams.push(stream);
        expect(stream.status).toBe(200);
        await waitFor(() => stream.text().includes('event: ready'), 'no ready event on B');
        return stream;
      };
      const [ofSession, ofMember, staying] = [
        await open(session.cookie),
        await open(member.cookie),
        await open(owner.cookie),
      ];

      expect((await apiRequest(a!.url, 'POST', '/api/auth/logout', { cookie: session.cookie })).status).toBe(
        204,
      );
      await waitFor(() => ofSession.isEnded(), 'B kept the ended session’s stream open', FOLLOW_MS);
      expect(ofSession.text()).toContain('data: {"reason":"uitgelogd"}');

      const removed = await apiRequest(a!.url, 'DELETE', `/api/teams/${owner.teamId}/members/${member.id}`, {
        cookie: owner.cookie,
      });
      expect(removed.status).toBe(204);
      await waitFor(() => ofMember.isEnded(), 'B kept the removed member’s stream open', FOLLOW_MS);
      expect(ofMember.text()).toContain('data: {"reason":"geen toegang meer"}');
      expect(staying.isEnded()).toBe(false);
    });

    it('an editor demoted to viewer through A: their socket on B is closed at once and comes back read-only', async () => {
      const c = await cluster();
      const [a, b] = c.instances;
      const owner = await createOwnerAt(a!.url);
      const editor = await signUpAt(a!.url, 'Eva Bewerker');
      await addMemberAt(a!.url, owner, owner.teamId, editor, 'editor');
      const docId = await createDocumentAt(a!.url, owner);
      const watcher = await connectSynced(a!.wsUrl, docId, { cookie: owner.cookie });
      const onB = await connectSynced(b!.wsUrl, docId, { cookie: editor.cookie, durable: true });
      clients.push(watcher, onB);
      onB.doc.getText('t').insert(0, 'als editor ');
      await waitFor(
        () => watcher.doc.getText('t').toString() === 'als editor ',
        'the editor’s edit did not reach A',
      );

      const first = onB.socket;
      const response = await apiRequest(a!.url, 'PATCH', `/api/teams/${owner.teamId}/members/${editor.id}`, {
        cookie: owner.cookie,
        body: { role: 'viewer' },
      });
      expect(response.status).toBe(204);
      await waitFor(() => first.closeCode !== null, 'B kept the editor’s writable socket open', FOLLOW_MS);
      // 4500: reconnect now, with the new access (accessGuard.ts does the same on one instance).
      expect(first.closeCode).toBe(4500);

      await waitFor(
        () => onB.sockets.length > 1 && onB.provider.synced,
        'the client did not reconnect',
        5_000,
      );
      onB.doc.getText('t').insert(0, 'als lezer ');
      await roundTrip(onB.socket);
      await sleep(FOLLOW_MS);
      expect(watcher.doc.getText('t').toString()).toBe('als editor ');
      expect(await missingFromStored(c.documentsAt, docId, [onB.socket.sentUpdates.at(-1)!])).toBe(1);
    });
  },
);
