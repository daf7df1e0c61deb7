import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, USERS, type RoundsTestDatabase } from './fixtures';

const NOW = 1_700_000_000_000;
let t: RoundsTestDatabase;
const answer = async (id: string, userId: string, criterionId: string, score: number | null, text = '') =>
  await t.store.upsertResponse({ id, roundId: 'r1', userId, criterionId, score, text });

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

describe('round responses and submissions', () => {
  it('keeps one answer per reviewer and criterion; a second save replaces score, text and time', async () => {
    await answer('a1', USERS.bob, 'c1', 2, 'Eerst');
    vi.setSystemTime(NOW + 1);
    await answer('a2', USERS.bob, 'c1', null, 'Later');
    expect(await t.store.responses('r1')).toEqual([
      {
        ...{ id: 'a1', round_id: 'r1', user_id: USERS.bob, user_name: 'Bob', criterion_id: 'c1' },
        ...{ score: null, text: 'Later', updated_at: NOW + 1, submitted_at: null, perspective: null },
      },
    ]);
  });

  it('lists answers by time, then id, with the reviewer’s name and submission time', async () => {
    await answer('b', USERS.bob, 'c2', 3);
    await answer('a', USERS.cas, 'c1', 4);
    vi.setSystemTime(NOW - 1);
    await answer('z', USERS.bob, 'c1', 1);
    await t.store.upsertResponse({
      id: 'x',
      roundId: 'r2',
      userId: USERS.bob,
      criterionId: 'c1',
      score: 1,
      text: '',
    });
    vi.setSystemTime(NOW + 2);
    await t.store.submit('r1', USERS.bob);
    const rows = await t.store.responses('r1');
    expect(rows.map((row) => [row.id, row.user_name, row.submitted_at])).toEqual([
      ['z', 'Bob', NOW + 2],
      ['a', 'Cas', null],
      ['b', 'Bob', NOW + 2],
    ]);
  });

  it('keeps the answers of a removed account, without a name', async () => {
    await answer('a1', USERS.cas, 'c1', 4);
    await t.database.db.deleteFrom('users').where('id', '=', USERS.cas).execute();
    expect(await t.store.responses('r1')).toMatchObject([
      { id: 'a1', user_id: null, user_name: null, score: 4 },
    ]);
  });

  it('records one submission per reviewer; submitting again moves its time', async () => {
    await t.store.submit('r1', USERS.bob);
    await t.store.submit('r2', USERS.cas);
    vi.setSystemTime(NOW + 3);
    await t.store.submit('r1', USERS.bob);
    await t.store.submit('r1', USERS.cas);
    const rows = await t.store.submissions('r1');
    expect(rows.sort((a, b) => a.user_id.localeCompare(b.user_id))).toEqual([
      { user_id: USERS.bob, submitted_at: NOW + 3 },
      { user_id: USERS.cas, submitted_at: NOW + 3 },
    ]);
    expect(await t.store.submissions('r2')).toEqual([{ user_id: USERS.cas, submitted_at: NOW }]);
  });
});
