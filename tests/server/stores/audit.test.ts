import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuditStore, type AuditStore } from '../../../server/stores/audit';
import { openTestDatabase } from './fixtures';

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let audit: AuditStore;

beforeEach(async () => {
  opened = await openTestDatabase();
  audit = createAuditStore(opened.database.db);
});

afterEach(async () => {
  vi.useRealTimers();
  await opened.close();
});

describe('audit store', () => {
  it('records an event with its details, and null team, actor and {} details when left out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_500);
    await audit.record('team.created', {
      teamId: 't',
      actorId: 'u',
      details: { name: 'T', nested: [1, null] },
    });
    await audit.record('auth.login_failed', { actorId: 'u' });
    await audit.record('auth.signup', { teamId: null, actorId: 'u', details: undefined });
    const [first, second, third] = await audit.forActor('u');
    expect(first).toEqual({
      id: expect.any(Number),
      teamId: 't',
      actorId: 'u',
      action: 'team.created',
      details: { name: 'T', nested: [1, null] },
      createdAt: '1970-01-01T00:00:01.500Z',
    });
    expect(second).toMatchObject({ teamId: null, action: 'auth.login_failed', details: {} });
    expect(third).toMatchObject({ teamId: null, action: 'auth.signup', details: {} });
    expect([first!.id, second!.id, third!.id]).toEqual([first!.id, first!.id + 1, first!.id + 2]);
  });

  it('lists a team’s events newest first (by id, whatever the clock says), up to the limit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(9_000);
    await opened.database.transaction(async (trx) => {
      const inTransaction = createAuditStore(trx);
      for (let i = 0; i < 505; i++) {
        await inTransaction.record('member.added', { teamId: 't', details: { i } });
      }
    });
    await audit.record('team.updated', { teamId: 'other' });
    await audit.record('auth.login', { actorId: 'u' });
    const all = await audit.forTeam('t');
    expect(all).toHaveLength(500);
    expect(all.map((event) => event.details.i).slice(0, 2)).toEqual([504, 503]);
    expect(all[0]).toMatchObject({ teamId: 't', actorId: null });
    const latest = await audit.forTeam('t', 3);
    expect(latest.map((event) => event.details.i)).toEqual([504, 503, 502]);
    expect(await audit.forTeam('none')).toEqual([]);
  });

  it('lists an actor’s events oldest first, only theirs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(5_000);
    await audit.record('auth.login', { actorId: 'u' });
    vi.setSystemTime(4_000);
    await audit.record('auth.logout', { actorId: 'u' });
    await audit.record('auth.login', { actorId: 'someone else' });
    expect((await audit.forActor('u')).map((event) => event.action)).toEqual(['auth.login', 'auth.logout']);
  });
});
