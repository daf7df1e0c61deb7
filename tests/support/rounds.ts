import type { Round } from '../../shared/schemas/rounds';
import { expectJson, type TestServer, type TestUser } from './server';

/**
 * Opens a feedback round on the document as it is now, for a week. A version is saved first; when
 * the document has not changed since its newest version, that version is answered (200) and used.
 */
export async function openRoundNow(
  server: TestServer,
  user: TestUser,
  docId: string,
  title: string,
): Promise<Round> {
  const saved = await server.request('POST', `/api/documents/${docId}/versions`, {
    cookie: user.cookie,
    body: { label: title },
  });
  const version = await expectJson<{ id: string }>(saved, saved.status === 200 ? 200 : 201, 'save a version');
  const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const opened = await server.request('POST', `/api/documents/${docId}/rounds`, {
    cookie: user.cookie,
    body: { versionId: version.id, title, deadline },
  });
  return await expectJson<Round>(opened, 201, 'open a round');
}
