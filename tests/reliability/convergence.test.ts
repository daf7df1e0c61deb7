import { describe, expect, it } from 'vitest';
import { runConvergence } from './support/convergence';

/** CI variant: a few seeds; `npm run soak` runs many more, longer. */
const SEEDS = (process.env.CONVERGENCE_SEEDS ?? '1,2,3').split(',').map(Number);
const STEPS = Number(process.env.CONVERGENCE_STEPS ?? 300);

describe('convergence through the real server (seeded random edits, disconnects, reconnects)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: 5 clients and the stored document end identical`, async () => {
      const result = await runConvergence(seed, STEPS);
      expect(result.detail).toBeUndefined();
      expect(result.converged).toBe(true);
      expect(result.disconnects).toBeGreaterThan(0);
      expect(result.edits).toBeGreaterThan(STEPS / 2);
    });
  }
});
