import { afterEach, describe, expect, it } from 'vitest';
import type { Env } from '../../../server/env';
import { openEventStream, type TestEventStream } from '../../support/eventStream';
import { connectRaw, refusedUpgradeStatus, type RawClient } from '../../support/rawclient';
import { startTestServer, type TestServer } from '../../support/server';
import { waitFor } from '../../support/yclient';

/**
 * The SSE streams of comments and rounds hold a connection each, like a socket: they count in the
 * same caps, and end when their session ends or their holder loses access.
 */

let server: TestServer;
const streams: TestEventStream[] = [];
const raws: RawClient[] = [];

afterEach(async () => {
  for (const stream of streams.splice(0)) await stream.close();
  for (const raw of raws.splice(0)) raw.terminate();
  await server?.close();
});

async function start(overrides: Partial<Record<keyof Env, string>> = {}) {
  server = await startTestServer(overrides);
  const owner = await server.owner();
  const docId = await server.createDocument();
  return { owner, docId };
}

async function events(docId: string, cookie: string): Promise<TestEventStream> {
  const stream = await openEventStream(server.url, `/api/documents/${docId}/events`, cookie);
  streams.push(stream);
  return stream;
}

async function ready(stream: TestEventStream): Promise<TestEventStream> {
  expect(stream.status).toBe(200);
  await waitFor(() => stream.text().includes('event: ready'), 'no ready event');
  return stream;
}

const endedWith = (stream: TestEventStream, reason: string) => async () => {
  await waitFor(() => stream.isEnded(), `the stream did not end (${reason})`, 3_000);
  expect(stream.text()).toContain(`event: end\ndata: ${JSON.stringify({ reason })}`);
};

describe('event streams count in the socket caps', () => {
  it('beyond MAX_SOCKETS_PER_USER: 429 in Dutch, for streams and sockets alike; a closed stream frees its slot', async () => {
    const { owner, docId } = await start({ MAX_SOCKETS_PER_USER: '3' });
    const first = await ready(await events(docId, owner.cookie));
    await ready(await events(docId, owner.cookie));
    const socket = connectRaw(server.wsUrl, docId, { cookie: owner.cookie });
    raws.push(socket);
    await socket.opened;

    const refused = await events(docId, owner.cookie);
    expect(refused.status).toBe(429);
    expect(refused.refusal).toEqual({
      error: { code: 'too_many_connections', message: expect.stringMatching(/^Je hebt te veel documenten/) },
    });
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${docId}`, { cookie: owner.cookie })).toBe(429);
    expect(server.running.deps.rooms.admit({ userId: owner.id })).toBe('user');

    await first.close();
    await waitFor(() => server.running.deps.rooms.admit({ userId: owner.id }) === undefined, 'slot kept');
    await ready(await events(docId, owner.cookie));
  });

  it('beyond MAX_SOCKETS_PER_ADDRESS: 429, whoever signs in from that address', async () => {
    const { owner, docId } = await start({ MAX_SOCKETS_PER_ADDRESS: '2' });
    const editor = await server.signUp('Lezer Zelfde Adres');
    await server.addMember(owner, owner.teamId, editor, 'editor');
    await ready(await events(docId, owner.cookie));
    await ready(await events(docId, editor.cookie));
    const refused = await events(docId, editor.cookie);
    expect(refused.status).toBe(429);
    expect(refused.refusal).toMatchObject({ error: { message: expect.stringMatching(/vanaf dit adres/) } });
    // Counted per address: a user elsewhere is not affected.
    expect(server.running.deps.rooms.admit({ userId: editor.id, address: '127.0.0.2' })).toBeUndefined();
  });
});

describe('event streams end with their access', () => {
  it('logout ends that session’s stream at once, and only that one', async () => {
    const { owner, docId } = await start();
    const second = await server.logIn(owner);
    const leaving = await ready(await events(docId, second.cookie));
    const staying = await ready(await events(docId, owner.cookie));
    expect((await server.request('POST', '/api/auth/logout', { cookie: second.cookie })).status).toBe(204);
    await endedWith(leaving, 'uitgelogd')();
    expect(staying.text()).not.toContain('event: end');
    // Reconnecting (what EventSource does) meets the 401 that now applies.
    expect((await events(docId, second.cookie)).status).toBe(401);
  });

  it('removal from the team ends the member’s stream at once', async () => {
    const { owner, docId } = await start();
    const member = await server.signUp('Verwijderd Lid');
    await server.addMember(owner, owner.teamId, member, 'viewer');
    const stream = await ready(await events(docId, member.cookie));
    const ownerStream = await ready(await events(docId, owner.cookie));
    const removed = await server.request('DELETE', `/api/teams/${owner.teamId}/members/${member.id}`, {
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(204);
    await endedWith(stream, 'geen toegang meer')();
    expect(ownerStream.text()).not.toContain('event: end');
    expect((await events(docId, member.cookie)).status).toBe(403);
  });

  it('a role change that keeps read access keeps the stream', async () => {
    const { owner, docId } = await start();
    const member = await server.signUp('Lid Wordt Lezer');
    await server.addMember(owner, owner.teamId, member, 'editor');
    const stream = await ready(await events(docId, member.cookie));
    const changed = await server.request('PATCH', `/api/teams/${owner.teamId}/members/${member.id}`, {
      cookie: owner.cookie,
      body: { role: 'viewer' },
    });
    expect(changed.status).toBe(204);
    // A comment still arrives.
    await server.request('POST', `/api/documents/${docId}/comments`, {
      cookie: owner.cookie,
      body: { anchor: null, body: 'Nog steeds zichtbaar' },
    });
    await waitFor(() => stream.text().includes('event: changed'), 'the stream stopped telling');
    expect(stream.text()).not.toContain('event: end');
  });

  it('a session that ends unannounced (expired) ends its stream at the next keep-alive', async () => {
    const { owner, docId } = await start({ HEARTBEAT_SECONDS: '0.2' });
    const session = await server.logIn(owner);
    const stream = await ready(await events(docId, session.cookie));
    const sessionId = session.token.split('.')[0]!;
    // Gone from the database without closeSessions: what expiry looks like to an open stream.
    await server.running.deps.sessions.invalidate(sessionId);
    await endedWith(stream, 'sessie verlopen')();
  });

  it('a round’s stream ends at the next keep-alive once the reviewer’s team is taken off the round', async () => {
    const { owner, docId } = await start({ HEARTBEAT_SECONDS: '0.2' });
    const version = await server.request('POST', `/api/documents/${docId}/versions`, {
      cookie: owner.cookie,
      body: { label: 'v1' },
    });
    const { id: versionId } = (await version.json()) as { id: string };
    const created = await server.request('POST', `/api/documents/${docId}/rounds`, {
      cookie: owner.cookie,
      body: { versionId, title: 'Ronde', deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    const { id: roundId } = (await created.json()) as { id: string };
    const reviewer = await server.signUp('Reviewer Van Buiten');
    const reviewTeam = await server.createTeam(reviewer, { name: 'Reviewteam', kind: 'cocreatieteam' });
    const invited = await server.request('POST', `/api/rounds/${roundId}/teams`, {
      cookie: owner.cookie,
      body: { teamId: reviewTeam },
    });
    expect(invited.status).toBe(201);
    const accepted = await server.request(
      'POST',
      `/api/teams/${reviewTeam}/review-requests/${roundId}/accept`,
      {
        cookie: reviewer.cookie,
      },
    );
    expect(accepted.status).toBe(204);
    const stream = await openEventStream(server.url, `/api/rounds/${roundId}/events`, reviewer.cookie);
    streams.push(stream);
    await ready(stream);

    const removed = await server.request('DELETE', `/api/rounds/${roundId}/teams/${reviewTeam}`, {
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(204);
    await endedWith(stream, 'geen toegang meer')();
  });
});
