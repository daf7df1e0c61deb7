import type { AppDeps } from '../../deps';
import { log } from '../../log';
import { closeDueRounds } from './close';
import { notifyApproachingDeadlines } from './notify';

/**
 * How often the deadline job looks for rounds past their deadline. Readers see such a round as
 * closed at once (effectiveStatus), so this only delays the audit record and the team's
 * notification; a minute keeps the query (one indexed-range SELECT) negligible.
 */
const DEADLINE_JOB_INTERVAL_MS = 60_000;

/** A running deadline job. */
export interface DeadlineJob {
  stop(): void;
}

/**
 * Starts the job that closes rounds whose deadline has passed and tells rounds whose deadline is 48
 * hours away: once now (what passed while the server was down), then every `intervalMs`. A failed
 * run is logged and retried next time.
 */
export async function startDeadlineJob(
  deps: Pick<AppDeps, 'transaction' | 'stores'>,
  intervalMs = DEADLINE_JOB_INTERVAL_MS,
): Promise<DeadlineJob> {
  const run = async () => {
    try {
      const closed = await closeDueRounds(deps);
      if (closed > 0) log.info('feedback rounds closed at their deadline', { closed });
    } catch (error) {
      log.error('closing feedback rounds at their deadline failed', { error: String(error) });
    }
    try {
      await notifyApproachingDeadlines(deps);
    } catch (error) {
      log.error('telling rounds their deadline nears failed', { error: String(error) });
    }
  };
  await run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
