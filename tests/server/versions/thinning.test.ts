import { describe, expect, it } from 'vitest';
import { thinnedAway } from '../../../server/versions/thinning';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

const at = (id: string, ago: number) => ({ id, createdAt: NOW - ago });

describe('thinnedAway (automatic versions: all of the last day, hourly for a week, daily after)', () => {
  it.each([
    ['keeps every version of the last day', [at('a', 1_000), at('b', 2 * HOUR), at('c', 23 * HOUR)], []],
    [
      'keeps the newest of an hour between a day and a week old',
      [
        at('old', 2 * DAY + 40 * 60_000),
        at('new', 2 * DAY + 10 * 60_000),
        at('other-hour', 2 * DAY + 2 * HOUR),
      ],
      ['old'],
    ],
    [
      'keeps the newest of a day beyond a week',
      [at('d1', 10 * DAY + 5 * HOUR), at('d2', 10 * DAY + 1 * HOUR), at('d3', 12 * DAY)],
      ['d1'],
    ],
    ['removes nothing when every bucket has one', [at('x', 8 * DAY), at('y', 9 * DAY), at('z', 3 * DAY)], []],
  ])('%s', (_name, versions, removed) => {
    expect(thinnedAway(versions, NOW).sort()).toEqual([...removed].sort());
  });

  it('thins a month of versions every ten minutes to about 24·6 + 6·24 + 23', () => {
    const versions = Array.from({ length: 30 * 24 * 6 }, (_, i) => at(`v${i}`, i * 10 * 60_000 + 1));
    const kept = versions.length - thinnedAway(versions, NOW).length;
    expect(kept).toBeGreaterThanOrEqual(24 * 6 + 6 * 24 + 22);
    expect(kept).toBeLessThanOrEqual(24 * 6 + 6 * 24 + 25);
  });
});
