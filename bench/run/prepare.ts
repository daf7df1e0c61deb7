import { openSqlite } from '../../server/db/database';
import { openPostgres } from '../../server/db/postgres';
import { indexPending } from '../../server/search/indexer';
import { createDocStorage } from '../../server/stores/docStorage';
import { createPostgresDocStorage } from '../../server/stores/docStorage/postgres';
import { createStores } from '../../server/stores';
import { databaseUrlFor } from './postgres';
import { startServer } from './servers';

/** Werkplaats' data: one account, one team, `docCount` documents, made once through the HTTP API. */
export async function prepareWerkplaats(
  dir: string,
  docCount: number,
): Promise<{ cookie: string; docIds: string[] }> {
  const server = await startServer('werkplaats', dir);
  try {
    const post = async (route: string, body: unknown, cookie = '') => {
      const response = await fetch(`${server.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: server.url },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
      return response;
    };
    const signup = await post('/api/auth/signup', {
      email: 'bench@example.org',
      password: 'benchmark-wachtwoord-42',
      name: 'Bench',
    });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const team = (await (await post('/api/teams', { name: 'Bench', kind: 'atelier' }, cookie)).json()) as {
      id: string;
    };
    const docIds: string[] = [];
    for (let i = 0; i < docCount; i += 16) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(16, docCount - i) }, async () => {
          const response = await post('/api/documents', { teamId: team.id }, cookie);
          return ((await response.json()) as { id: string }).id;
        }),
      );
      docIds.push(...batch);
    }
    return { cookie, docIds };
  } finally {
    await server.stop();
    await indexEverything(dir);
  }
}

/**
 * Brings the prepared data's search index up to date, as it is on a server that has been running:
 * otherwise every run's server would index the 2,000 new documents while it is being measured.
 */
async function indexEverything(dir: string): Promise<void> {
  const url = databaseUrlFor(dir);
  const database = url ? await openPostgres({ url, poolMax: 2 }) : openSqlite(dir);
  try {
    const docStorage = database.postgres
      ? createPostgresDocStorage(database.postgres)
      : createDocStorage(database.sqlite!);
    const stores = { stores: createStores(database.db, docStorage) };
    while ((await indexPending(stores)) > 0);
  } finally {
    await database.close();
  }
}
