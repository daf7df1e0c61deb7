import { z } from 'zod';

/** Where the server listens and what it stores in. */
export const serverSettings = {
  /** Interface to listen on. Loopback by default: put a TLS proxy in front for real deployments. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port; 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Where the SQLite database lives; created on first start. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Unset: everything lives in SQLite in DATA_DIR. `postgres://user:pass@host:port/db` (TLS via
   * `?sslmode=require`): PostgreSQL holds everything and DATA_DIR nothing essential. The role needs
   * to own its database, not to be a superuser.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /**
   * Connections this instance keeps to PostgreSQL. Each one is a server process on the database
   * side: instances × this must stay under the server's max_connections (100 by default).
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(500).default(10),
  /**
   * `redis://host:port` (or `rediss://` for TLS), with DATABASE_URL: this instance joins the cluster
   * of every instance on the same database and Redis (README, "Running several instances").
   * Unset: the instance runs alone.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
};
