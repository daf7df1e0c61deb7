import pg from 'pg';

/**
 * Holds every commit to the PostgreSQL update log: another connection takes the table's lock, so
 * commits wait (as on a database that stalls). The answer rolls it back and lets them through.
 */
export async function holdCommits(databaseUrl: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE doc_updates IN EXCLUSIVE MODE');
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}
