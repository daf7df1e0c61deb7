import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Round, RoundReviewers } from '../../../shared/schemas/rounds';
import { openEventStream, type TestEventStream } from '../../support/eventStream';
import { openRoundNow } from '../../support/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';

/**
 * A forwarded reviewer link can be cleaned up: an owner removes one reviewer, or revokes the link
 * and with it everyone who joined through it. Their access ends at once, open event streams too.
 */

let server: TestServer;
let owner: TestUser;
let editor: TestUser;
let docId: string;
const streams: TestEventStream[] = [];

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

async function statusOf(user: TestUser, method: string, path: string): Promise<number> {
  const response = await server.request(method, path, { cookie: user.cookie });
  await response.arrayBuffer();
  return response.status;
}

async function openRound(): Promise<Round> {
  return await openRoundNow(server, owner, docId, 'Ronde');
}

/** A new user who joined `round` through a new link, with an open event stream on it. */
async function linkReviewer(round: Round, link: { token: string }, name: string) {
  const user = await server.signUp(name);
  await as(user, 'POST', `/api/round-links/${link.token}/accept`);
  expect(await statusOf(user, 'GET', `/api/rounds/${round.id}`)).toBe(200);
  const stream = await openEventStream(server.url, `/api/rounds/${round.id}/events`, user.cookie);
  expect(stream.status).toBe(200);
  streams.push(stream);
  return { user, stream };
}

beforeAll(async () => {
  server = await startTestServer();
  [owner, editor] = await Promise.all([server.signUp('Olga Eigenaar'), server.signUp('Eef Bewerker')]);
  const teamId = await server.createTeam(owner, { name: 'Lab Noord', kind: 'cocreatieteam' });
  await server.addMember(owner, teamId, editor, 'editor');
  docId = (await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId, title: 'Prototype' }, 201)).id;
});

afterAll(async () => {
  await server?.close();
});

afterEach(async () => {
  await Promise.all(streams.splice(0).map((stream) => stream.close()));
});

describe('removing reviewers', () => {
  it('an owner removes one link reviewer: access and event stream end, the other stays', async () => {
    const round = await openRound();
    const link = await as<{ id: string; token: string }>(
      owner,
      'POST',
      `/api/rounds/${round.id}/links`,
      {},
      201,
    );
    const gone = await linkReviewer(round, link, 'Lies Leraar');
    const kept = await linkReviewer(round, link, 'Kees Leraar');

    expect(await statusOf(editor, 'DELETE', `/api/rounds/${round.id}/reviewers/${gone.user.id}`)).toBe(403);
    expect(await statusOf(owner, 'DELETE', `/api/rounds/${round.id}/reviewers/${gone.user.id}`)).toBe(204);
    expect(await statusOf(owner, 'DELETE', `/api/rounds/${round.id}/reviewers/${gone.user.id}`)).toBe(404);

    await gone.stream.ended;
    expect(await statusOf(gone.user, 'GET', `/api/rounds/${round.id}`)).toBe(404);
    expect(await statusOf(gone.user, 'GET', `/api/rounds/${round.id}/version/state`)).toBe(404);
    expect(await statusOf(kept.user, 'GET', `/api/rounds/${round.id}`)).toBe(200);
    expect(kept.stream.isEnded()).toBe(false);
    const reviewers = await as<RoundReviewers>(owner, 'GET', `/api/rounds/${round.id}/reviewers`);
    expect(reviewers.participants.map((p) => p.user.id)).toEqual([kept.user.id]);
  });

  it('revoking a link ends the access of everyone who joined through it, not through other links', async () => {
    const round = await openRound();
    const forwarded = await as<{ id: string; token: string }>(
      owner,
      'POST',
      `/api/rounds/${round.id}/links`,
      {},
      201,
    );
    const other = await as<{ id: string; token: string }>(
      owner,
      'POST',
      `/api/rounds/${round.id}/links`,
      {},
      201,
    );
    const first = await linkReviewer(round, forwarded, 'Forward Een');
    const second = await linkReviewer(round, forwarded, 'Forward Twee');
    const kept = await linkReviewer(round, other, 'Andere Link');

    expect(await statusOf(owner, 'DELETE', `/api/rounds/${round.id}/links/${forwarded.id}`)).toBe(204);
    await Promise.all([first.stream.ended, second.stream.ended]);
    for (const gone of [first, second]) {
      expect(await statusOf(gone.user, 'GET', `/api/rounds/${round.id}`)).toBe(404);
    }
    expect(await statusOf(kept.user, 'GET', `/api/rounds/${round.id}`)).toBe(200);
    expect(kept.stream.isEnded()).toBe(false);
  });
});
