import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../../deps';

/** The database must answer within this time for the instance to count as ready. */
const DATABASE_WAIT_MS = 2_000;

/** Whether the database answers a trivial query in time. */
async function databaseAnswers(deps: AppDeps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_WAIT_MS);
  });
  try {
    return await Promise.race([sql`SELECT 1`.execute(deps.database.db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /api/ready — for load balancers and orchestrators: 200 `ok` when this instance can serve, 200
 * `degraded` when it serves but Redis is unreachable (edits reach other instances through the
 * database's head check, within about a second, instead of at once), 503 `unavailable` when the
 * database does not answer.
 */
export function readyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const database = (await databaseAnswers(deps)) ? 'ok' : 'down';
    const redis = deps.cluster ? (deps.cluster.healthy ? 'ok' : 'down') : 'off';
    const status = database === 'down' ? 'unavailable' : redis === 'down' ? 'degraded' : 'ok';
    c.header('Cache-Control', 'no-store');
    return c.json({ status, database, redis }, database === 'down' ? 503 : 200);
  });
}
