import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres';

/**
 * Starts one throwaway PostgreSQL cluster for the whole run (skipped when WERKPLAATS_TEST_PG=0) and
 * hands test files its connection info; each file then takes its own database with testDatabaseUrl().
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.WERKPLAATS_TEST_PG === '0') return undefined;
  const cluster = await startPostgresCluster();
  const { port, adminUrl, appPassword } = cluster;
  project.provide('werkplaatsPostgres', { port, adminUrl, appPassword });
  return () => cluster.stop();
}
