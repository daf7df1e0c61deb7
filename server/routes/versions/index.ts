import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps';

/** Placeholder, filled in by the versions work of issue 6. */
export function versionsRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
