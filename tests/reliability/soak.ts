import { setLogLevel } from '../../server/log';
import { runConvergence } from './support/convergence';
import { runFuzz } from './support/fuzz';
import { runKillCycles } from './support/killCycles';

/**
 * `npm run soak`: the long variants of the reliability suite, with a summary at the end.
 * Sizes can be changed through the environment:
 *   SOAK_KILL_CYCLES (200), SOAK_FUZZ_FRAMES (1000000), SOAK_SEEDS (40), SOAK_STEPS (1000),
 *   SOAK_ONLY (kill | fuzz | convergence)
 */
const killCycles = Number(process.env.SOAK_KILL_CYCLES ?? 200);
const fuzzFrames = Number(process.env.SOAK_FUZZ_FRAMES ?? 1_000_000);
const seeds = Number(process.env.SOAK_SEEDS ?? 40);
const steps = Number(process.env.SOAK_STEPS ?? 1000);
const only = process.env.SOAK_ONLY;

setLogLevel('silent');
const started = Date.now();
const summary: Record<string, unknown> = {};
let failed = false;
const say = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

if (!only || only === 'kill') {
  say(`kill -9: ${killCycles} cycles, 50 clients, kill at 0.5–5 s`);
  const kill = await runKillCycles({
    cycles: killCycles,
    clients: 50,
    seed: Date.now() % 100_000,
    onCycle: say,
  });
  summary.kill = kill;
  failed ||= kill.losses > 0 || kill.crashes > 0 || !kill.converged;
  say(
    `kill -9: cycles ${kill.cycles}, updates sent ${kill.updatesSent}, acked ${kill.updatesAcked} ` +
      `(${kill.ackedAfterRestarts} after restarts), clients connected at the kills ${kill.openAtKills}, ` +
      `losses ${kill.losses}, crashes ${kill.crashes}, converged ${kill.converged}, ${Math.round(kill.ms / 1000)} s`,
  );
  for (const problem of kill.problems) say(`  ! ${problem}`);
}

if (!only || only === 'fuzz') {
  say(`fuzz: ${fuzzFrames} frames`);
  const fuzz = await runFuzz({ frames: fuzzFrames, seed: Date.now() % 100_000 });
  summary.fuzz = fuzz;
  failed ||= fuzz.crashes > 0 || !fuzz.bystandersOk || fuzz.problems.length > 0;
  say(
    `fuzz: frames ${fuzz.frames}, sockets ${fuzz.sockets}, closes ${JSON.stringify(fuzz.closes)}, ` +
      `survived ${fuzz.survived}, crashes ${fuzz.crashes}, health p50/p99/max ` +
      `${fuzz.healthMs.p50}/${fuzz.healthMs.p99}/${fuzz.healthMs.max} ms, honest clients ok ${fuzz.bystandersOk}, ` +
      `${Math.round(fuzz.ms / 1000)} s`,
  );
  for (const problem of fuzz.problems.slice(0, 20)) say(`  ! ${problem}`);
}

if (!only || only === 'convergence') {
  say(`convergence: ${seeds} seeds × ${steps} steps, 5 clients`);
  const base = Date.now() % 100_000;
  let converged = 0;
  let edits = 0;
  let disconnects = 0;
  const diverged: number[] = [];
  for (let i = 0; i < seeds; i++) {
    const result = await runConvergence(base + i, steps);
    edits += result.edits;
    disconnects += result.disconnects;
    if (result.converged) converged++;
    else {
      diverged.push(result.seed);
      say(`  ! seed ${result.seed}: ${result.detail ?? 'diverged'}`);
    }
  }
  summary.convergence = { seeds, steps, converged, diverged, edits, disconnects };
  failed ||= diverged.length > 0;
  say(`convergence: ${converged}/${seeds} seeds converged, edits ${edits}, disconnects ${disconnects}`);
}

say(`soak ${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.stdout.write(`SUMMARY ${JSON.stringify(summary)}\n`);
process.exit(failed ? 1 : 0);
