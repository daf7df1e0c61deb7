import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps';

/** Placeholder, filled in by the lifecycle work of issue 6. */
export function lifecycleRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
