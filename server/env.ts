import path from 'node:path';
import { z } from 'zod';
import { accountsSettings } from './env/accounts';
import { httpSettings } from './env/http';
import { limitsSettings } from './env/limits';
import { mailSettings } from './env/mail';
import { operationsSettings } from './env/operations';
import { serverSettings } from './env/server';

/**
 * Every setting, its default and why (the groups in server/env/*); parsed once from the environment
 * (see README, "Configuration").
 */
export const envSchema = z.object({
  ...serverSettings,
  ...httpSettings,
  ...accountsSettings,
  ...mailSettings,
  ...limitsSettings,
  ...operationsSettings,
});

export type Env = z.infer<typeof envSchema>;

/** Parses settings from `source` (process.env by default); throws a readable error on bad values. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${details}`);
  }
  if (parsed.data.REDIS_URL && !parsed.data.DATABASE_URL) {
    throw new Error(
      'Invalid configuration: REDIS_URL needs DATABASE_URL — instances can only share a PostgreSQL database, not SQLite files',
    );
  }
  if (parsed.data.SIGNUP === 'domains' && parsed.data.SIGNUP_DOMAINS.length === 0) {
    throw new Error(
      'Invalid configuration: SIGNUP=domains needs SIGNUP_DOMAINS (e.g. school.nl,*.school.nl)',
    );
  }
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}
