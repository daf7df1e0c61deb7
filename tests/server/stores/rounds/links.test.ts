import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, USERS, type RoundsTestDatabase } from './fixtures';

const NOW = 1_700_000_000_000;
let t: RoundsTestDatabase;
const hash = (byte: number) => new Uint8Array(32).fill(byte);
const addLink = async (id: string, roundId: string, byte: number) =>
  await t.store.insertLink({
    id,
    roundId,
    tokenHash: hash(byte),
    label: `Link ${id}`,
    createdBy: USERS.ann,
    expiresAt: NOW + 9,
  });

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  t = await openTestDatabase();
  await t.addRound('r1');
  await t.addRound('r2');
});
afterEach(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('round links', () => {
  it('finds a link by its hash, with the number of people who joined through it', async () => {
    await addLink('l1', 'r1', 1);
    const link = await t.store.linkByHash(hash(1));
    expect(link).toMatchObject({
      ...{ id: 'l1', round_id: 'r1', label: 'Link l1', created_at: NOW, expires_at: NOW + 9 },
      ...{ revoked_at: null, uses: 0 },
    });
    // The row also carries the stored hash, as bytes.
    expect(link).toHaveProperty('token_hash', Buffer.from(hash(1)));
    await t.store.addIndividualReviewer('r1', USERS.bob, 'l1');
    await t.store.addIndividualReviewer('r1', USERS.cas, 'l1');
    expect((await t.store.linkByHash(hash(1)))?.uses).toBe(2);
    expect(await t.store.linkByHash(hash(2))).toBeUndefined();
  });

  it('lists a round’s links newest first with their uses', async () => {
    await addLink('old', 'r1', 1);
    vi.setSystemTime(NOW + 1);
    await addLink('new', 'r1', 2);
    await addLink('elsewhere', 'r2', 3);
    await t.store.addIndividualReviewer('r1', USERS.bob, 'old');
    const links = await t.store.linksOfRound('r1');
    expect(links.map((link) => [link.id, link.uses])).toEqual([
      ['new', 0],
      ['old', 1],
    ]);
  });

  it('revokes a live link of the round once', async () => {
    await addLink('l1', 'r1', 1);
    expect(await t.store.revokeLink('r2', 'l1')).toBe(false);
    vi.setSystemTime(NOW + 4);
    expect(await t.store.revokeLink('r1', 'l1')).toBe(true);
    vi.setSystemTime(NOW + 5);
    expect(await t.store.revokeLink('r1', 'l1')).toBe(false);
    expect((await t.store.linkByHash(hash(1)))?.revoked_at).toBe(NOW + 4);
  });
});
