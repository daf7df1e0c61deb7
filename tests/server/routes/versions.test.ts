import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestOwner, type TestServer, type TestUser } from '../../support/server';
import {
  connectSynced,
  sectionFragment,
  sectionIds,
  waitFor,
  waitForAllAcked,
  type TestClient,
} from '../../support/yclient';
import { fragmentToPlainText } from '../../../shared/editor/templateDoc';

/**
 * Versions of a collaborative document: immutable snapshots, the timeline, diff and restore while
 * people are editing.
 */

let server: TestServer;
let owner: TestOwner;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  [editor, viewer, outsider] = await Promise.all([
    server.signUp('Eef Bewerker'),
    server.signUp('Vik Lezer'),
    server.signUp('Otto Buiten'),
  ]);
  await server.addMember(owner, owner.teamId, editor, 'editor');
  await server.addMember(owner, owner.teamId, viewer, 'viewer');
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server.close();
});

async function connect(docId: string, user: { cookie: string } = owner): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: user.cookie, durable: true });
  clients.push(client);
  return client;
}

/** Replaces a section's rich text with one paragraph per line. */
function setSection(doc: Y.Doc, sectionId: string, text: string): void {
  const fragment = sectionFragment(doc, sectionId);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      text.split('\n').map((line) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(line)]);
        return paragraph;
      }),
    );
  });
}

const plain = (doc: Y.Doc, sectionId: string) => fragmentToPlainText(sectionFragment(doc, sectionId));

/** Saves a version; `status` 200 when nothing changed since the newest one (that one is the answer). */
async function saveVersion(
  docId: string,
  label: string,
  user: { cookie: string } = owner,
  status: 200 | 201 = 201,
): Promise<string> {
  const response = await server.request('POST', `/api/documents/${docId}/versions`, {
    cookie: user.cookie,
    body: { label },
  });
  expect(response.status).toBe(status);
  return ((await response.json()) as { id: string }).id;
}

describe('access', () => {
  let docId: string;
  let versionId: string;
  beforeAll(async () => {
    docId = await server.createDocument({ title: 'Toegang' });
    versionId = await saveVersion(docId, 'Eerste');
  });

  it('401 without a session', async () => {
    for (const [method, path] of [
      ['GET', `/api/documents/${docId}/versions`],
      ['POST', `/api/documents/${docId}/versions`],
      ['GET', `/api/documents/${docId}/versions/${versionId}`],
      ['POST', `/api/documents/${docId}/versions/${versionId}/restore`],
      ['GET', `/api/documents/${docId}/diff?from=${versionId}`],
    ] as const) {
      const response = await server.request(method, path, {
        body: method === 'POST' ? { label: 'x' } : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it('403 for a user without access, 404 for an unknown document or version', async () => {
    const cookie = outsider.cookie;
    expect((await server.request('GET', `/api/documents/${docId}/versions`, { cookie })).status).toBe(403);
    expect(
      (await server.request('POST', `/api/documents/${docId}/versions`, { cookie, body: { label: 'x' } }))
        .status,
    ).toBe(403);
    expect(
      (await server.request('GET', `/api/documents/${docId}/versions/${versionId}`, { cookie })).status,
    ).toBe(403);
    expect(
      (await server.request('GET', `/api/documents/unknown/versions`, { cookie: owner.cookie })).status,
    ).toBe(404);
    expect(
      (await server.request('GET', `/api/documents/${docId}/versions/unknown`, { cookie: owner.cookie }))
        .status,
    ).toBe(404);
  });

  it('viewers read the timeline but cannot save or restore; editors can', async () => {
    const list = await server.request('GET', `/api/documents/${docId}/versions`, { cookie: viewer.cookie });
    expect(list.status).toBe(200);
    expect(
      (
        await server.request('POST', `/api/documents/${docId}/versions`, {
          cookie: viewer.cookie,
          body: { label: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await server.request('POST', `/api/documents/${docId}/versions/${versionId}/restore`, {
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(403);
    expect(await saveVersion(docId, 'Door bewerker', editor, 200)).toBe(versionId);
  });

  it('400 for a missing or too long label', async () => {
    for (const body of [{}, { label: '' }, { label: 'x'.repeat(201) }]) {
      const response = await server.request('POST', `/api/documents/${docId}/versions`, {
        cookie: owner.cookie,
        body,
      });
      expect(response.status).toBe(400);
    }
  });
});

describe('timeline', () => {
  it('lists versions newest first without the state, under /api/designs too', async () => {
    const docId = await server.createDocument({ title: 'Tijdlijn' });
    await saveVersion(docId, 'Een');
    const client = await connect(docId);
    setSection(client.doc, sectionIds(client.doc)[0]!, 'Iets veranderd');
    await waitForAllAcked(client);
    await saveVersion(docId, 'Twee');
    const response = await server.request('GET', `/api/designs/${docId}/versions`, { cookie: owner.cookie });
    const list = (await response.json()) as Array<Record<string, unknown>>;
    expect(list.map((version) => version.label)).toEqual(['Twee', 'Een']);
    expect(list[0]).toMatchObject({ authorId: owner.id, note: null, status: null });
    expect(list[0]).not.toHaveProperty('state');
    expect(list[0]).not.toHaveProperty('json');
  });
});

describe('immutability', () => {
  it('keeps the state and projection byte-identical while editing continues; UPDATE is refused', async () => {
    const docId = await server.createDocument({ title: 'Vast', sections: ['Inleiding'] });
    const client = await connect(docId);
    const [sectionId] = sectionIds(client.doc);
    setSection(client.doc, sectionId!, 'Eerste stand');
    await waitForAllAcked(client);
    const versionId = await saveVersion(docId, 'Snapshot');

    const db = server.running.deps.database.db;
    const read = () =>
      db
        .selectFrom('document_versions')
        .select(['state', 'json'])
        .where('id', '=', versionId)
        .executeTakeFirstOrThrow();
    const before = await read();
    expect(JSON.parse(before.json).sections[0].text).toBe('Eerste stand');

    for (let i = 0; i < 5; i++) {
      setSection(client.doc, sectionId!, `Latere stand ${i}`);
      await waitForAllAcked(client);
    }
    const after = await read();
    expect(Buffer.compare(after.state, before.state)).toBe(0);
    expect(after.json).toBe(before.json);
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, new Uint8Array(after.state));
    expect(plain(snapshot, sectionId!)).toBe('Eerste stand');

    await expect(
      db.updateTable('document_versions').set({ label: 'anders' }).where('id', '=', versionId).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(db.deleteFrom('document_versions').where('id', '=', versionId).execute()).rejects.toThrow(
      /immutable/,
    );
  });
});

describe('diff', () => {
  it('shows word insertions and deletions per section between versions and against the current state', async () => {
    const docId = await server.createDocument({ title: 'Verschil', sections: ['Inleiding', 'Opbouw'] });
    const client = await connect(docId);
    const [first, second] = sectionIds(client.doc);
    setSection(client.doc, first!, 'De leraar geeft les');
    setSection(client.doc, second!, 'Ongewijzigd');
    await waitForAllAcked(client);
    const v1 = await saveVersion(docId, 'Een');
    setSection(client.doc, first!, 'De ervaren leraar les');
    await waitForAllAcked(client);

    const response = await server.request('GET', `/api/documents/${docId}/diff?from=${v1}&to=current`, {
      cookie: viewer.cookie,
    });
    expect(response.status).toBe(200);
    const diff = (await response.json()) as {
      to: unknown;
      sections: Array<{ id: string; status: string; parts: Array<{ type: string; text: string }> }>;
    };
    expect(diff.to).toBe('current');
    const intro = diff.sections.find((section) => section.id === first)!;
    expect(intro.status).toBe('changed');
    const texts = (type: string) => intro.parts.filter((part) => part.type === type).map((part) => part.text);
    expect(texts('insert').join('')).toContain('ervaren');
    expect(texts('delete').join('')).toContain('geeft');
    expect([...texts('equal'), ...texts('delete')].join('')).not.toContain('ervaren');
    expect(diff.sections.find((section) => section.id === second)!.status).toBe('unchanged');

    const v2 = await saveVersion(docId, 'Twee');
    const between = await server.request('GET', `/api/documents/${docId}/diff?from=${v1}&to=${v2}`, {
      cookie: owner.cookie,
    });
    expect(((await between.json()) as typeof diff).sections.find((s) => s.id === first)!.status).toBe(
      'changed',
    );
    expect(
      (await server.request('GET', `/api/documents/${docId}/diff`, { cookie: owner.cookie })).status,
    ).toBe(400);
  });
});

describe('restore', () => {
  it('brings a version back live for two connected clients, keeps history and records who did it', async () => {
    const docId = await server.createDocument({ title: 'Herstel', sections: ['Inleiding'] });
    const anna = await connect(docId, owner);
    const bob = await connect(docId, editor);
    const [sectionId] = sectionIds(anna.doc);
    setSection(anna.doc, sectionId!, 'Goede tekst');
    await waitForAllAcked(anna);
    const versionId = await saveVersion(docId, 'Goed');

    setSection(bob.doc, sectionId!, 'Verkeerde wijziging');
    await waitForAllAcked(bob);
    await waitFor(() => plain(anna.doc, sectionId!) === 'Verkeerde wijziging', 'anna sees the later edit');

    const response = await server.request('POST', `/api/documents/${docId}/versions/${versionId}/restore`, {
      cookie: editor.cookie,
    });
    expect(response.status).toBe(201);
    await waitFor(
      () => plain(anna.doc, sectionId!) === 'Goede tekst' && plain(bob.doc, sectionId!) === 'Goede tekst',
      () => `anna: ${plain(anna.doc, sectionId!)}, bob: ${plain(bob.doc, sectionId!)}`,
    );
    expect(Y.encodeStateVector(anna.doc)).toEqual(Y.encodeStateVector(bob.doc));

    // Both keep editing on top of the restored state.
    setSection(anna.doc, sectionId!, 'Verder na herstel');
    await waitForAllAcked(anna);
    await waitFor(() => plain(bob.doc, sectionId!) === 'Verder na herstel', 'bob sees edits after restore');

    const versions = (await (
      await server.request('GET', `/api/documents/${docId}/versions`, { cookie: owner.cookie })
    ).json()) as Array<{ label: string; authorId: string }>;
    expect(versions[0]).toMatchObject({ label: 'Hersteld: Goed', authorId: editor.id });
    expect(versions).toHaveLength(2);
    const audit = await server.running.deps.stores.audit.forTeam(owner.teamId);
    expect(audit.find((event) => event.action === 'document.restored')).toMatchObject({
      actorId: editor.id,
      details: { documentId: docId, versionId, label: 'Goed' },
    });
  });

  it('restores a section that was deleted after the snapshot and drops one added after it', async () => {
    const docId = await server.createDocument({ title: 'Secties', sections: ['Een', 'Twee'] });
    const client = await connect(docId);
    const [one, two] = sectionIds(client.doc);
    setSection(client.doc, two!, 'Inhoud twee');
    await waitForAllAcked(client);
    const versionId = await saveVersion(docId, 'Twee secties');
    client.doc.transact(() => {
      const sections = client.doc.getArray<Y.Map<unknown>>('sections');
      sections.delete(1, 1);
      const extra = new Y.Map<unknown>();
      extra.set('id', 'extra');
      extra.set('heading', 'Extra');
      sections.push([extra]);
    });
    await waitForAllAcked(client);
    await server.request('POST', `/api/documents/${docId}/versions/${versionId}/restore`, {
      cookie: owner.cookie,
    });
    await waitFor(
      () => sectionIds(client.doc).join() === [one, two].join(),
      () => sectionIds(client.doc).join(),
    );
    expect(plain(client.doc, two!)).toBe('Inhoud twee');
  });
});
