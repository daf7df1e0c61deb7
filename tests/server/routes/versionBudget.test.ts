import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import {
  connectSynced,
  sectionFragment,
  sectionIds,
  waitForAllAcked,
  type TestClient,
} from '../../support/yclient';

/**
 * The version budgets against a real server: an unchanged state is answered with the existing
 * version, and the per-document rate, count and bytes and the team's storage are enforced.
 */

const servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(env: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(env);
  servers.push(server);
  await server.owner();
  return server;
}

/** Replaces the first section's text (committed before it resolves). */
async function edit(server: TestServer, docId: string, text: string): Promise<void> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: server.cookie, durable: true });
  clients.push(client);
  const fragment = sectionFragment(client.doc, sectionIds(client.doc)[0]!);
  client.doc.transact(() => {
    fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
  await waitForAllAcked(client);
  client.destroy();
}

/** A save's answer: the version (`id`, `unchanged`) or an error. */
interface SaveBody {
  id?: string;
  unchanged?: boolean;
  error: { code: string; message: string };
}

async function save(server: TestServer, docId: string, label: string) {
  const response = await server.request('POST', `/api/documents/${docId}/versions`, {
    cookie: server.cookie,
    body: { label },
  });
  return { status: response.status, body: (await response.json()) as SaveBody };
}

const versionCount = async (server: TestServer, docId: string) => {
  const response = await server.request('GET', `/api/documents/${docId}/versions`, { cookie: server.cookie });
  return ((await response.json()) as unknown[]).length;
};

describe('an unchanged state', () => {
  it('is answered with the previous version (200, unchanged) and stores nothing', async () => {
    const server = await start();
    const docId = await server.createDocument({ title: 'Ongewijzigd' });
    await edit(server, docId, 'eerste tekst');
    const first = await save(server, docId, 'Eerste');
    expect(first.status).toBe(201);
    expect(first.body.unchanged).toBe(false);

    const again = await save(server, docId, 'Nog eens');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, unchanged: true });
    expect(await versionCount(server, docId)).toBe(1);

    await edit(server, docId, 'tweede tekst');
    const changed = await save(server, docId, 'Tweede');
    expect(changed.status).toBe(201);
    expect(changed.body.id).not.toBe(first.body.id);
    expect(await versionCount(server, docId)).toBe(2);
  });
});

describe('per document', () => {
  it('refuses more than VERSIONS_PER_MINUTE_PER_DOCUMENT versions a minute with 429; other documents go on', async () => {
    const server = await start({ VERSIONS_PER_MINUTE_PER_DOCUMENT: '2' });
    const docId = await server.createDocument({ title: 'Snel' });
    for (const n of [1, 2]) {
      await edit(server, docId, `versie ${n}`);
      expect((await save(server, docId, `V${n}`)).status).toBe(201);
    }
    await edit(server, docId, 'versie 3');
    const refused = await save(server, docId, 'V3');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('version_rate_limited');
    expect(refused.body.error.message).toMatch(/Wacht een minuut/);
    expect(await versionCount(server, docId)).toBe(2);

    const other = await server.createDocument({ title: 'Ander' });
    expect((await save(server, other, 'Ander')).status).toBe(201);
  });

  it('refuses a version beyond MAX_VERSIONS_PER_DOCUMENT with 409', async () => {
    const server = await start({ MAX_VERSIONS_PER_DOCUMENT: '2' });
    const docId = await server.createDocument({ title: 'Vol' });
    for (const n of [1, 2]) {
      await edit(server, docId, `versie ${n}`);
      expect((await save(server, docId, `V${n}`)).status).toBe(201);
    }
    await edit(server, docId, 'versie 3');
    const refused = await save(server, docId, 'V3');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('version_count_quota');
    expect(refused.body.error.message).toMatch(/maak een kopie/);
    expect(await versionCount(server, docId)).toBe(2);
  });

  it('refuses a version that would take its versions beyond MAX_VERSION_BYTES_PER_DOCUMENT with 413', async () => {
    // One version of ~10,000 characters of text takes ≥ 20 KB (state and projection): one fits, two not.
    const server = await start({ MAX_VERSION_BYTES_PER_DOCUMENT: '30000' });
    const docId = await server.createDocument({ title: 'Zwaar' });
    await edit(server, docId, 'a'.repeat(10_000));
    expect((await save(server, docId, 'Eerste')).status).toBe(201);
    await edit(server, docId, 'b'.repeat(10_000));
    const refused = await save(server, docId, 'Tweede');
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('version_bytes_quota');
    expect(await versionCount(server, docId)).toBe(1);
  });
});

describe('team storage', () => {
  it('reports the bytes of the team’s documents and versions, and refuses a version beyond TEAM_STORAGE_MAX_BYTES with 413', async () => {
    const server = await start({ TEAM_STORAGE_MAX_BYTES: '40000' });
    const owner = await server.owner();
    const usage = async () => {
      const response = await server.request('GET', `/api/teams/${owner.teamId}/storage`, {
        cookie: owner.cookie,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { usedBytes: number; quotaBytes: number };
    };
    const docId = await server.createDocument({ title: 'Team' });
    await edit(server, docId, 'c'.repeat(10_000));
    const before = await usage();
    expect(before.quotaBytes).toBe(40_000);
    expect(before.usedBytes).toBeGreaterThan(10_000);

    expect((await save(server, docId, 'Past')).status).toBe(201);
    const after = await usage();
    expect(after.usedBytes - before.usedBytes).toBeGreaterThan(20_000);

    await edit(server, docId, 'd'.repeat(10_000));
    const refused = await save(server, docId, 'Past niet');
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('team_storage_quota');
    expect(refused.body.error.message).toMatch(/opslag van dit team is vol/);
    expect(await versionCount(server, docId)).toBe(1);
  });
});
