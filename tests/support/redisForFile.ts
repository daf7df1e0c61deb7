import { afterAll } from 'vitest';
import { startRedis, type TestRedis } from './redis';

/**
 * A Redis for the test file that calls this (at its top level): started on first use, stopped after
 * the file.
 */
export function redisForFile(): () => Promise<TestRedis> {
  let started: Promise<TestRedis> | undefined;
  afterAll(async () => {
    if (started) await (await started).stop();
  });
  return () => (started ??= startRedis());
}
