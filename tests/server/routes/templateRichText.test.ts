import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEMPLATE_KEYS } from '../../../shared/editor/templateDoc';
import { xmlToString } from '../../../shared/editor/xmlTree';
import {
  createTemplateDraftAt,
  publishedAt,
  publishPreviewAt,
  startTestServer,
  type TestOwner,
  type TestServer,
} from '../../support/server';
import { writeFormattedText } from '../../support/richFragment';
import {
  addDraftTheme,
  clearDraftThemes,
  connectSynced,
  editDraft,
  setDraftMeta,
} from '../../support/yclient';

/**
 * A published ontwikkelpad keeps its rich text: "Bewerken als nieuw concept" starts a draft whose
 * description and suggestions have the same structure (headings, bold, italic, links, lists) as the
 * draft that was published.
 */

let server: TestServer;
let owner: TestOwner;
const opened: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  for (const client of opened.splice(0)) client.destroy();
});

const LU = {
  id: 'lu-rijk',
  code: 'LU 1.1',
  title: 'Rijke tekst',
  description: 'De leraar schrijft opgemaakt.',
};

/** The XML of a draft's description and suggestions, as its collaborators see them. */
async function richFields(docId: string): Promise<{ description: string; suggestions: string }> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie });
  opened.push(client);
  return {
    description: xmlToString(client.doc.getXmlFragment(TEMPLATE_KEYS.description)),
    suggestions: xmlToString(client.doc.getXmlFragment(TEMPLATE_KEYS.suggestions)),
  };
}

async function publishFormatted(): Promise<{ docId: string; versionId: string }> {
  const docId = await createTemplateDraftAt(server.url, owner, { teamId: owner.teamId });
  await editDraft(server.wsUrl, docId, owner, (doc) => {
    setDraftMeta(doc, { title: 'Opgemaakt pad', kind: 'start-vakbekwaam', sectors: ['po'], nlqfLevel: 6 });
    clearDraftThemes(doc);
    addDraftTheme(doc, 'thema-rijk', 'Rijk thema', [LU]);
    writeFormattedText(doc.getXmlFragment(TEMPLATE_KEYS.description));
    writeFormattedText(doc.getXmlFragment(TEMPLATE_KEYS.suggestions), 'Suggesties');
  });
  const { id } = await publishedAt(server.url, owner, docId, { changeNote: 'Met opmaak' });
  return { docId, versionId: id };
}

describe('published versions keep rich text', () => {
  it('a new draft from a version has the same structure as the published draft', async () => {
    const { docId, versionId } = await publishFormatted();
    const original = await richFields(docId);
    expect(original.description).toContain('<bold>');
    expect(original.description).toContain('<bulletlist>');

    const revision = await createTemplateDraftAt(server.url, owner, {
      teamId: owner.teamId,
      fromVersionId: versionId,
    });
    expect(await richFields(revision)).toEqual(original);
    // Formatting alone is no change to publish; the plain text readers see is derived.
    const preview = await publishPreviewAt(server.url, owner, revision);
    expect(preview.changes).toEqual([]);
    expect(preview.content.description).toContain('- eerste punt');
  });

  it('a change of formatting only is a change (and publishable)', async () => {
    const { versionId } = await publishFormatted();
    const revision = await createTemplateDraftAt(server.url, owner, {
      teamId: owner.teamId,
      fromVersionId: versionId,
    });
    await editDraft(server.wsUrl, revision, owner, (doc) => {
      const heading = doc.getXmlFragment(TEMPLATE_KEYS.description).get(0) as Y.XmlElement;
      heading.setAttribute('level', 3 as unknown as string);
    });
    const preview = await publishPreviewAt(server.url, owner, revision);
    expect(preview.changes).toEqual([{ kind: 'field-changed', field: 'description' }]);
    expect((await publishedAt(server.url, owner, revision, { changeNote: 'Kopniveau' })).version).toBe('1.1');
  });

  it("the library search matches the text, never the structure's node names", async () => {
    await publishFormatted();
    const search = (q: string) => server.running.deps.stores.templateVersions.search({ q });
    expect((await search('vetgedrukt')).map((version) => version.title)).toContain('Opgemaakt pad');
    expect((await search('bulletList')).map((version) => version.title)).not.toContain('Opgemaakt pad');
  });
});
