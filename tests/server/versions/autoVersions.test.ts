/**
 * Automatic versions on the real server: edits by two people become one automatic version naming
 * both once the document rests; nothing new without edits; the database keeps named versions and
 * the base of a feedback round from any thinning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer, type TestUser } from '../../support/server';
import { editDraft, sectionFragment, sectionIds } from '../../support/yclient';

interface Listed {
  id: string;
  label: string;
  auto: boolean;
  authors: Array<{ id: string; name: string }>;
}

let server: TestServer;
let owner: TestUser;
let editor: TestUser;
let docId: string;

const versions = async () =>
  (await (
    await server.request('GET', `/api/documents/${docId}/versions`, { cookie: owner.cookie })
  ).json()) as Listed[];

function type(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = sectionFragment(doc, sectionIds(doc)[0]!);
  fragment.insert(fragment.length, [paragraph]);
}

beforeAll(async () => {
  server = await startTestServer({ AUTO_VERSION_IDLE_SECONDS: '2', AUTO_VERSION_EVERY_SECONDS: '30' });
  [owner, editor] = await Promise.all([server.signUp('Olga Eigenaar'), server.signUp('Eef Bewerker')]);
  const teamId = await server.createTeam(owner, { name: 'Lab', kind: 'cocreatieteam' });
  await server.addMember(owner, teamId, editor, 'editor');
  const created = await server.request('POST', '/api/documents', {
    cookie: owner.cookie,
    body: { teamId, title: 'Notities', sections: ['Inleiding'] },
  });
  docId = ((await created.json()) as { id: string }).id;
});

afterAll(async () => {
  await server.close();
});

describe('automatic versions', () => {
  it('records one version naming everyone who edited, once the document rests', async () => {
    await Promise.all([
      editDraft(server.wsUrl, docId, owner, (doc) => type(doc, 'Olga schrijft.')),
      editDraft(server.wsUrl, docId, editor, (doc) => type(doc, 'Eef vult aan.')),
    ]);
    await expect.poll(async () => (await versions()).length, { timeout: 10_000 }).toBe(1);
    const [version] = await versions();
    expect(version).toMatchObject({ label: 'Automatisch opgeslagen', auto: true });
    expect(version!.authors.map((author) => author.name).sort()).toEqual(['Eef Bewerker', 'Olga Eigenaar']);
    // Resting without edits records nothing more.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(await versions()).toHaveLength(1);
  });

  it('lets the database remove an automatic version, never a named one or the base of a round', async () => {
    await editDraft(server.wsUrl, docId, owner, (doc) => type(doc, 'Nog een zin.'));
    const named = await server.request('POST', `/api/documents/${docId}/versions`, {
      cookie: owner.cookie,
      body: { label: 'Met de hand' },
    });
    const saved = (await named.json()) as { id: string; unchanged: boolean };
    expect(saved.unchanged).toBe(false);
    const store = server.running.deps.stores.versions;
    await store.removeAuto(docId, [saved.id]);
    expect((await versions()).map((version) => version.id)).toContain(saved.id);
    const db = server.running.deps.database.db;
    await expect(db.deleteFrom('document_versions').where('id', '=', saved.id).execute()).rejects.toThrow(
      /immutable/,
    );
    const autos = (await versions()).filter((version) => version.auto).map((version) => version.id);
    expect(autos.length).toBeGreaterThan(0);
    expect((await store.thinnable(docId)).map((version) => version.id).sort()).toEqual([...autos].sort());
    await store.removeAuto(docId, autos);
    expect((await versions()).map((version) => version.id)).toEqual([saved.id]);
  });
});
