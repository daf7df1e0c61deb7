import { describe, expect, it } from 'vitest';
import { report, type Results } from '../../bench/run/report';
import type { Metrics } from '../../bench/run/scenarios';

const run = (p99: number, extra: Partial<Metrics> = {}): Metrics => ({
  p50: 5,
  p99,
  p999: p99 * 2,
  max: p99 * 3,
  lost: 0,
  cpu: 10,
  rssMb: 100,
  eldP99: 3,
  ...extra,
});

describe('the bench report tells the truth about tails', () => {
  it("shows each fan-out's median p99, the spread of the runs' p99, p99.9 and max, and the probe line", () => {
    const results: Results = new Map([
      [
        'fanout-200',
        new Map([
          ['werkplaats', [run(12), run(58), run(11.9)]],
          ['hocuspocus', [run(14.3), run(14.3), run(14.3)]],
        ]),
      ],
    ]) as Results;
    const markdown = report(
      results,
      60,
      [['fanout-200', 60]],
      ['Commit latency of this machine: p99 2.4 ms.'],
    );
    expect(markdown).toContain('Commit latency of this machine: p99 2.4 ms.');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(rows[0]).toBe(
      '| server | p50 ms | p99 ms | p99 of each run, min–max | p99.9 ms | max ms | lost | CPU % | RSS MB | loop delay p99 ms |',
    );
    // The median hides the 58 ms run; the spread column shows it.
    expect(rows.find((row) => row.startsWith('| Werkplaats |'))).toBe(
      '| Werkplaats | 5 | 12 | 11.9–58 | 24 | 36 | 0 | 10 | 100 | 3 |',
    );
    expect(rows.find((row) => row.startsWith('| Hocuspocus 4 |'))).toContain('| 14.3 | 14.3 |');
    expect(rows.find((row) => row.startsWith('| ratio Werkplaats / Hocuspocus 4 |'))).toBe(
      '| ratio Werkplaats / Hocuspocus 4 | 1× | 0.84× | — | 0.84× | 0.84× | — | 1× | 1× | 1× |',
    );
  });

  it('lists Werkplaats with its other commit threads right after it; ratios compare the default only', () => {
    const results: Results = new Map([
      [
        'fanout-docs',
        new Map([
          ['werkplaats', [run(20)]],
          ['werkplaats:main', [run(30)]],
          ['werkplaats:worker', [run(40)]],
          ['ywebsocket', [run(10)]],
        ]),
      ],
    ]);
    const rows = report(results, 60, [['fanout-docs', 60]])
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .map((row) => row.split(' | ').slice(0, 3).join(' | '));
    expect(rows.slice(2)).toEqual([
      '| Werkplaats | 5 | 20',
      '| Werkplaats, commits inline (COMMIT_THREAD=main) | 5 | 30',
      '| Werkplaats, commits on the worker thread (COMMIT_THREAD=worker) | 5 | 40',
      '| y-websocket 2.1.0 | 5 | 10',
      '| ratio Werkplaats / y-websocket 2.1.0 | 1× | 2×',
    ]);
  });
});
