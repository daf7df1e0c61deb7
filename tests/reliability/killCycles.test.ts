import { afterAll, describe, expect, it } from 'vitest';
import { createTestPostgresDatabase, TEST_ENGINE, type TestPostgresDatabase } from '../support/testEngine';
import { runKillCycles } from './support/killCycles';

/** CI variant; `npm run soak` runs 200 cycles. */
const CYCLES = Number(process.env.KILL_CYCLES ?? 10);

let database: TestPostgresDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

describe(`kill -9 at random moments under 50 editing clients (${TEST_ENGINE})`, () => {
  it(
    `loses no acked update in ${CYCLES} cycles, and everyone converges with the stored document`,
    async () => {
      // On PostgreSQL the server is killed, not the database: the run's shared cluster will do.
      if (TEST_ENGINE === 'postgres') database = await createTestPostgresDatabase();
      const summary = await runKillCycles({
        cycles: CYCLES,
        clients: 50,
        seed: 20261122,
        databaseUrl: database?.url,
      });
      // The figures, for the CI log (docs/reliability.md lists them).
      console.info(
        `kill -9 ${TEST_ENGINE} ${JSON.stringify({ ...summary, problems: summary.problems.length })}`,
      );
      expect(summary.problems).toEqual([]);
      expect(summary.losses).toBe(0);
      expect(summary.crashes).toBe(0);
      expect(summary.converged).toBe(true);
      // The restarted servers really served edits, and the kills hit connected clients.
      expect(summary.ackedAfterRestarts).toBeGreaterThan(0);
      expect(summary.openAtKills).toBeGreaterThan(0);
      expect(summary.updatesAcked).toBeGreaterThan(100);
    },
    CYCLES * 30_000 + 120_000,
  );
});
