import { describe, expect, it } from 'vitest';
import { runFuzz } from './support/fuzz';

/** CI variant; `npm run soak` sends more. */
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);

describe('WebSocket fuzzing', () => {
  it(`${FRAMES} hostile frames: the process stays up, only offending sockets close, the event loop stays responsive`, async () => {
    const summary = await runFuzz({ frames: FRAMES, seed: 99 });
    // The figures, for the CI log (docs/reliability.md lists them).
    console.info(`fuzz ${JSON.stringify({ ...summary, problems: summary.problems.length })}`);
    expect(summary.problems).toEqual([]);
    expect(summary.crashes).toBe(0);
    expect(summary.frames).toBeGreaterThanOrEqual(FRAMES);
    expect(summary.bystandersOk).toBe(true);
    // Only protocol close codes: unsupported data, invalid payload, too big.
    expect(Object.keys(summary.closes).every((code) => ['1003', '1007', '1009'].includes(code))).toBe(true);
    expect(summary.closes['1003']).toBeGreaterThan(0);
    expect(summary.closes['1007']).toBeGreaterThan(0);
    expect(summary.healthMs.samples).toBeGreaterThan(10);
    // Generous bounds: CI machines are shared (figures in docs/reliability.md). Before updates
    // with missing dependencies were held, a few thousand of them made every update cost ~12 ms.
    expect(summary.healthMs.p50).toBeLessThan(250);
    expect(summary.healthMs.p99).toBeLessThan(2_000);
  }, 300_000);
});
