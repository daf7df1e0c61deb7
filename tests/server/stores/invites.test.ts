import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInviteStore, type InviteStore } from '../../../server/stores/invites';
import { createTeamStore } from '../../../server/stores/teams';
import { createUserStore } from '../../../server/stores/users';
import { openTestDatabase } from './fixtures';

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let invites: InviteStore;

beforeEach(async () => {
  opened = await openTestDatabase();
  const db = opened.database.db;
  invites = createInviteStore(db);
  await createUserStore(db).insert({
    id: 'owner',
    email: 'owner@example.org',
    name: 'Owner',
    passwordHash: 'x',
  });
  await createUserStore(db).insert({
    id: 'guest',
    email: 'guest@example.org',
    name: 'Guest',
    passwordHash: 'x',
  });
  await createTeamStore(db).insert({ id: 't', name: 'Team', kind: 'atelier' });
  await createTeamStore(db).insert({ id: 'other', name: 'Other', kind: 'atelier' });
});

afterEach(async () => {
  vi.useRealTimers();
  await opened.close();
});

const hash = (byte: number) => new Uint8Array(32).fill(byte);
const addInvite = async (id: string, byte: number, teamId = 't', store = invites) =>
  await store.insert({
    id,
    teamId,
    role: 'editor',
    tokenHash: hash(byte),
    createdBy: 'owner',
    expiresAt: 5_000,
  });

describe('invite store', () => {
  it('presents an invite with ISO times and open state, found by id or token hash', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000);
    await addInvite('i', 7);
    const expected = {
      id: 'i',
      teamId: 't',
      role: 'editor',
      createdBy: 'owner',
      createdAt: '1970-01-01T00:00:01.000Z',
      expiresAt: '1970-01-01T00:00:05.000Z',
      usedAt: null,
      revokedAt: null,
      sentTo: null,
    };
    expect(await invites.get('i')).toEqual(expected);
    expect(await invites.byTokenHash(hash(7))).toEqual(expected);
    expect(await invites.byTokenHash(Buffer.from(hash(7)))).toEqual(expected);
    expect(await invites.byTokenHash(hash(8))).toBeUndefined();
    expect(await invites.get('missing')).toBeUndefined();
  });

  it('lists the latest 200 invites of one team, newest first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await opened.database.transaction(async (trx) => {
      for (let i = 0; i < 201; i++) {
        vi.setSystemTime(10_000 + i);
        await addInvite(`i${i}`, i, 't', createInviteStore(trx));
      }
    });
    await addInvite('elsewhere', 250, 'other');
    const listed = await invites.forTeam('t');
    expect(listed).toHaveLength(200);
    expect(listed[0]?.id).toBe('i200');
    expect(listed.at(-1)?.id).toBe('i1');
  });

  it('is used once, and not after a revocation', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(2_000);
    await addInvite('i', 1);
    expect(await invites.markUsed('i', 'guest')).toBe(true);
    expect(await invites.markUsed('i', 'owner')).toBe(false);
    expect(await invites.revoke('i')).toBe(false);
    expect(await invites.get('i')).toMatchObject({ usedAt: '1970-01-01T00:00:02.000Z', revokedAt: null });
    const stored = await opened.database.db
      .selectFrom('invites')
      .select('used_by')
      .where('id', '=', 'i')
      .executeTakeFirst();
    expect(stored?.used_by).toBe('guest');
    expect(await invites.markUsed('missing', 'guest')).toBe(false);
  });

  it('is revoked once, and cannot be used afterwards', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(3_000);
    await addInvite('i', 1);
    expect(await invites.revoke('i')).toBe(true);
    expect(await invites.revoke('i')).toBe(false);
    expect(await invites.markUsed('i', 'guest')).toBe(false);
    expect(await invites.get('i')).toMatchObject({ usedAt: null, revokedAt: '1970-01-01T00:00:03.000Z' });
  });
});
