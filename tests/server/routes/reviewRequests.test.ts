import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, ReviewRequest, Round, RoundReviewers } from '../../../shared/schemas/rounds';
import { openRoundNow } from '../../support/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';

/**
 * Asking another team to review needs its consent: its owners get one request, its members hear
 * nothing and see nothing of the round until an owner accepts; a decline removes the request.
 */

let server: TestServer;
let asker: TestUser;
let labOwner: TestUser;
let labMember: TestUser;
let otherLabOwner: TestUser;
let docId: string;
let labId: string;
let otherLabId: string;

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

async function statusOf(user: TestUser, method: string, path: string): Promise<number> {
  const response = await server.request(method, path, { cookie: user.cookie });
  await response.arrayBuffer();
  return response.status;
}

/** The user's notifications about rounds (being added to a team is told too, not looked at here). */
async function notifications(user: TestUser): Promise<Notification[]> {
  const { items } = await as<{ items: Notification[] }>(user, 'GET', '/api/notifications');
  return items.filter((item) => item.kind !== 'team_added');
}

async function openRound(title: string): Promise<Round> {
  return await openRoundNow(server, asker, docId, title);
}

beforeAll(async () => {
  server = await startTestServer();
  [asker, labOwner, labMember, otherLabOwner] = await Promise.all([
    server.signUp('Olga Vrager'),
    server.signUp('Rik Labeigenaar'),
    server.signUp('Rosa Labmedewerker'),
    server.signUp('Otto Anderlab'),
  ]);
  const teamId = await server.createTeam(asker, { name: 'Lab Noord', kind: 'cocreatieteam' });
  labId = await server.createTeam(labOwner, { name: 'Lab Zuid', kind: 'cocreatieteam' });
  await server.addMember(labOwner, labId, labMember, 'editor');
  otherLabId = await server.createTeam(otherLabOwner, { name: 'Lab Oost', kind: 'cocreatieteam' });
  docId = (await as<{ id: string }>(asker, 'POST', '/api/documents', { teamId, title: 'Prototype' }, 201)).id;
});

afterAll(async () => {
  await server?.close();
});

describe('review requests to another team', () => {
  it('reach only the owners, attributed; members see nothing until an owner accepts', async () => {
    const round = await openRound('Ronde een');
    const reviewers = await as<RoundReviewers>(
      asker,
      'POST',
      `/api/rounds/${round.id}/teams`,
      { teamId: labId },
      201,
    );
    expect(reviewers.teams).toEqual([{ id: labId, name: 'Lab Zuid', kind: 'cocreatieteam', pending: true }]);
    expect(reviewers.participants).toEqual([]);

    expect(await notifications(labMember)).toEqual([]);
    expect(await statusOf(labMember, 'GET', `/api/rounds/${round.id}`)).toBe(404);
    expect(await as<unknown>(labMember, 'GET', '/api/me/rounds')).toEqual({ rounds: [] });
    const [request] = await notifications(labOwner);
    expect(request).toMatchObject({
      kind: 'review_request',
      link: `/teams/${labId}`,
      actor: { id: asker.id },
    });
    expect(request!.text).toContain('Olga Vrager (Lab Noord) vraagt');

    // Only the team's owners see and answer the request.
    expect(await statusOf(labMember, 'GET', `/api/teams/${labId}/review-requests`)).toBe(403);
    expect(await statusOf(labMember, 'POST', `/api/teams/${labId}/review-requests/${round.id}/accept`)).toBe(
      403,
    );
    expect(
      await statusOf(otherLabOwner, 'POST', `/api/teams/${otherLabId}/review-requests/${round.id}/accept`),
    ).toBe(404);
    const pending = await as<ReviewRequest[]>(labOwner, 'GET', `/api/teams/${labId}/review-requests`);
    expect(pending).toMatchObject([
      { roundId: round.id, documentTitle: 'Prototype', requestingTeam: 'Lab Noord' },
    ]);

    expect(await statusOf(labOwner, 'POST', `/api/teams/${labId}/review-requests/${round.id}/accept`)).toBe(
      204,
    );
    expect(await statusOf(labOwner, 'POST', `/api/teams/${labId}/review-requests/${round.id}/accept`)).toBe(
      404,
    );
    expect(await as<ReviewRequest[]>(labOwner, 'GET', `/api/teams/${labId}/review-requests`)).toEqual([]);
    expect((await notifications(labMember)).map((item) => item.kind)).toEqual(['round_invite']);
    expect(await as<Round>(labMember, 'GET', `/api/rounds/${round.id}`)).toMatchObject({
      access: 'reviewer',
    });
    expect((await notifications(asker)).map((item) => item.kind)).toContain('review_request_answered');
    const after = await as<RoundReviewers>(asker, 'GET', `/api/rounds/${round.id}/reviewers`);
    expect(after.teams[0]!.pending).toBe(false);
  });

  it('a declined request is gone and told to the asker; the members never hear of it', async () => {
    const round = await openRound('Ronde twee');
    await as(asker, 'POST', `/api/rounds/${round.id}/teams`, { teamId: otherLabId }, 201);
    expect(
      await statusOf(otherLabOwner, 'POST', `/api/teams/${otherLabId}/review-requests/${round.id}/decline`),
    ).toBe(204);
    const reviewers = await as<RoundReviewers>(asker, 'GET', `/api/rounds/${round.id}/reviewers`);
    expect(reviewers.teams).toEqual([]);
    expect(await statusOf(otherLabOwner, 'GET', `/api/rounds/${round.id}`)).toBe(404);
    const told = (await notifications(asker)).find((item) => item.text.includes('afgewezen'));
    expect(told).toMatchObject({ kind: 'review_request_answered' });
  });

  it('an inviter who owns the invited team brings it in at once', async () => {
    const round = await openRound('Ronde drie');
    await server.addMember(labOwner, labId, asker, 'owner');
    const reviewers = await as<RoundReviewers>(
      asker,
      'POST',
      `/api/rounds/${round.id}/teams`,
      { teamId: labId },
      201,
    );
    expect(reviewers.teams[0]!.pending).toBe(false);
    expect(await as<Round>(labMember, 'GET', `/api/rounds/${round.id}`)).toMatchObject({
      access: 'reviewer',
    });
  });
});
