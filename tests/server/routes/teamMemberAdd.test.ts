import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/schemas/rounds';
import {
  expectJson,
  startTestServer,
  uniqueEmail,
  type TestServer,
  type TestUser,
} from '../../support/server';

/**
 * `POST /api/teams/:teamId/members` keeps its contract (an existing user is added at once) but is
 * limited per acting user (misses count too), audited, and the person added is told and can leave.
 */

const LIMIT = 3;
let server: TestServer;
let owner: TestUser;
let otherOwner: TestUser;
let teamId: string;

async function send(user: TestUser, method: string, path: string, body?: unknown) {
  return server.request(method, path, { cookie: user.cookie, body });
}

beforeAll(async () => {
  server = await startTestServer({ MEMBER_ADDS_PER_USER_PER_HOUR: String(LIMIT) });
  [owner, otherOwner] = await Promise.all([server.signUp('Olga Eigenaar'), server.signUp('Otto Eigenaar')]);
  teamId = await server.createTeam(owner, { name: 'Lab Noord', kind: 'cocreatieteam' });
});

afterAll(async () => {
  await server?.close();
});

describe('adding a member by e-mail', () => {
  it('adds at once, audits, notifies the person added, who can leave', async () => {
    const added = await server.signUp('Anna Toegevoegd');
    const response = await send(owner, 'POST', `/api/teams/${teamId}/members`, {
      email: added.email,
      role: 'editor',
    });
    expect(await expectJson<{ userId: string }>(response, 201, 'add')).toEqual({ userId: added.id });

    const audit = await expectJson<{ action: string; details: { userId?: string } }[]>(
      await send(owner, 'GET', `/api/teams/${teamId}/audit`),
      200,
      'audit',
    );
    expect(audit.some((event) => event.action === 'member.added' && event.details.userId === added.id)).toBe(
      true,
    );

    const { items } = await expectJson<{ items: Notification[] }>(
      await send(added, 'GET', '/api/notifications'),
      200,
      'notifications',
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'team_added', link: `/teams/${teamId}`, actor: { id: owner.id } });
    expect(items[0]!.text).toContain('Lab Noord');
    expect(items[0]!.text).toContain('Team verlaten');

    expect((await send(added, 'DELETE', `/api/teams/${teamId}/members/${added.id}`)).status).toBe(204);
    expect((await send(added, 'GET', `/api/teams/${teamId}`)).status).toBe(403);
    // The last owner cannot leave.
    expect((await send(owner, 'DELETE', `/api/teams/${teamId}/members/${owner.id}`)).status).toBe(403);
  });

  it('429 in Dutch after MEMBER_ADDS_PER_USER_PER_HOUR attempts, unknown e-mails included; others unaffected', async () => {
    // One attempt used above; an unknown address counts as well.
    const unknown = await send(owner, 'POST', `/api/teams/${teamId}/members`, {
      email: uniqueEmail('niemand'),
      role: 'viewer',
    });
    expect(unknown.status).toBe(404);
    const third = await server.signUp('Derde Persoon');
    expect(
      (await send(owner, 'POST', `/api/teams/${teamId}/members`, { email: third.email, role: 'viewer' }))
        .status,
    ).toBe(201);

    const fourth = await server.signUp('Vierde Persoon');
    const refused = await send(owner, 'POST', `/api/teams/${teamId}/members`, {
      email: fourth.email,
      role: 'viewer',
    });
    const body = await expectJson<{ error: { code: string; message: string } }>(refused, 429, 'limited');
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/te veel mensen toegevoegd/);
    const probe = await send(owner, 'POST', `/api/teams/${teamId}/members`, {
      email: uniqueEmail('niemand'),
      role: 'viewer',
    });
    expect(probe.status).toBe(429);
    const { items } = await expectJson<{ items: Notification[] }>(
      await send(fourth, 'GET', '/api/notifications'),
      200,
      'notifications',
    );
    expect(items).toEqual([]);

    const elsewhere = await server.createTeam(otherOwner, { name: 'Lab Zuid', kind: 'cocreatieteam' });
    expect(
      (
        await send(otherOwner, 'POST', `/api/teams/${elsewhere}/members`, {
          email: fourth.email,
          role: 'viewer',
        })
      ).status,
    ).toBe(201);
  });
});
