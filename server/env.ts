import path from 'node:path';
import { z } from 'zod';

const MiB = 1024 * 1024;

/** Every setting, its default and why; parsed once from the environment (see README, "Configuratie"). */
export const envSchema = z.object({
  /** Interface to listen on. Loopback by default: put a TLS proxy in front for real deployments. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port; 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Where the SQLite database lives; created on first start. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Largest accepted WebSocket frame; bigger frames close that socket with 1009. */
  MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * MiB),
  /** Compact a document's update log into one state row after about this many updates. */
  COMPACT_EVERY: z.coerce.number().int().min(2).default(500),
  /** Largest accepted JSON body on the HTTP API. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1 * MiB),
  /**
   * Comma-separated origins allowed for unsafe HTTP methods and WebSocket upgrades. Empty: the
   * app's own origin (derived from the Host header of the request).
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** A session ends after this many hours without a request. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(72),
  /** A session ends this many days after login, however active. */
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  /** Failed logins allowed per account and per address within LOGIN_WINDOW_MINUTES (then 429). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** New accounts allowed per address per hour. */
  SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Quieter logs in tests. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
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
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}
