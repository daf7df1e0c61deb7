import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, USERS, type RoundsTestDatabase } from './fixtures';

const NOW = 1_700_000_000_000;
let t: RoundsTestDatabase;
const notify = async (userId: string, text: string, actorId: string | null = USERS.ann) =>
  await t.store.notify({ userId, kind: 'mention', text, link: '/d/d1', actorId, docId: 'd1' });

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  t = await openTestDatabase();
});
afterEach(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('notifications', () => {
  it('lists a user’s notifications newest first with numeric ids and the actor’s name', async () => {
    await notify(USERS.bob, 'eerste');
    await notify(USERS.cas, 'voor Cas');
    await notify(USERS.bob, 'tweede', null);
    const rows = await t.store.notifications(USERS.bob);
    expect(rows.map((row) => [row.text, row.actor_name])).toEqual([
      ['tweede', null],
      ['eerste', 'Ann'],
    ]);
    expect(rows[1]).toMatchObject({
      ...{ user_id: USERS.bob, kind: 'mention', link: '/d/d1', actor_id: USERS.ann },
      ...{ created_at: NOW, read_at: null },
    });
    expect(rows.every((row) => typeof row.id === 'number')).toBe(true);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
  });

  it('marks the given own unread ones read, leaving others’ and earlier reads alone', async () => {
    for (const text of ['a', 'b', 'c']) await notify(USERS.bob, text);
    await notify(USERS.cas, 'cas');
    const [c, b, a] = await t.store.notifications(USERS.bob);
    const [cas] = await t.store.notifications(USERS.cas);
    expect(await t.store.unreadCount(USERS.bob)).toBe(3);
    await t.store.markRead(USERS.bob, [a!.id, cas!.id]);
    vi.setSystemTime(NOW + 1);
    await t.store.markRead(USERS.bob, [a!.id, b!.id]);
    await t.store.markRead(USERS.bob, []);
    const readAt = async (userId: string) =>
      (await t.store.notifications(userId)).map((row) => [row.text, row.read_at]);
    expect(await readAt(USERS.bob)).toEqual([
      ['c', null],
      ['b', NOW + 1],
      ['a', NOW],
    ]);
    expect(await readAt(USERS.cas)).toEqual([['cas', null]]);
    expect(await t.store.unreadCount(USERS.bob)).toBe(1);
    expect(c!.read_at).toBeNull();
  });

  it('marks all own notifications read', async () => {
    await notify(USERS.bob, 'a');
    await notify(USERS.bob, 'b');
    await notify(USERS.cas, 'cas');
    await t.store.markRead(USERS.bob, 'all');
    expect(await t.store.unreadCount(USERS.bob)).toBe(0);
    expect(await t.store.unreadCount(USERS.cas)).toBe(1);
  });
});
