import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, USERS, type RoundsTestDatabase } from './fixtures';

const NOW = 1_700_000_000_000;
let t: RoundsTestDatabase;

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

describe('round triage', () => {
  it('keeps one decision per item; a second decision replaces it', async () => {
    const entry = { roundId: 'r1', itemKind: 'comment' as const, itemId: 'c1', reason: 'Goed punt' };
    await t.store.upsertTriage({ ...entry, decision: 'verwerkt', versionId: 'v1', decidedBy: USERS.ann });
    vi.setSystemTime(NOW + 1);
    await t.store.upsertTriage({
      ...entry,
      decision: 'niet-overgenomen',
      versionId: null,
      decidedBy: USERS.bob,
    });
    expect(await t.store.triage('r1')).toEqual([
      {
        ...{ round_id: 'r1', item_kind: 'comment', item_id: 'c1', decision: 'niet-overgenomen' },
        ...{ reason: 'Goed punt', version_id: null, version_label: null },
        ...{ decided_by: USERS.bob, decided_by_name: 'Bob', decided_at: NOW + 1 },
      },
    ]);
  });

  it('tells a comment and an answer with the same id apart and shows the version’s label', async () => {
    const base = { roundId: 'r1', itemId: 'x', reason: '', decidedBy: USERS.ann };
    await t.store.upsertTriage({ ...base, itemKind: 'comment', decision: 'verwerkt', versionId: 'v1' });
    await t.store.upsertTriage({
      ...base,
      itemKind: 'response',
      decision: 'deels-verwerkt',
      versionId: null,
    });
    await t.store.upsertTriage({
      ...base,
      roundId: 'r2',
      itemKind: 'comment',
      decision: 'verwerkt',
      versionId: null,
    });
    const rows = (await t.store.triage('r1')).sort((a, b) => a.item_kind.localeCompare(b.item_kind));
    expect(rows.map((row) => [row.item_kind, row.decision, row.version_label, row.decided_by_name])).toEqual([
      ['comment', 'verwerkt', 'Versie 1', 'Ann'],
      ['response', 'deels-verwerkt', null, 'Ann'],
    ]);
  });
});
