import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps';

/** Placeholder, filled in by the catalog work of issue 6. */
export function catalogRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
