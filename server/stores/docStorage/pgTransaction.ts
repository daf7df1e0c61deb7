import type { Pool, PoolClient } from 'pg';

/**
 * Runs `fn` in one transaction on a client of `pool`: committed when it resolves, rolled back when
 * it throws. `begin` opens it (e.g. with SET LOCAL settings). A client that could not roll back (its
 * connection broke: the database restarting) is destroyed rather than handed to the next caller; the
 * pool connects anew on demand.
 */
export async function pgTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection that breaks between two statements emits 'error' on the client, which the pool
  // only listens to while the client is idle: unheard, it would end the process.
  const onError = (error: Error) => (broken ??= error);
  client.on('error', onError);
  try {
    // No parameters: the simple protocol, which runs `begin` even when it is two statements.
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
