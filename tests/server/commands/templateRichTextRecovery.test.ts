import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { TemplateContent } from '../../../shared/domain/template/types';
import { TEMPLATE_KEYS } from '../../../shared/editor/templateDoc';
import { xmlToString } from '../../../shared/editor/xmlTree';
import { writeFormattedText } from '../../support/richFragment';
import {
  createTemplateDraftAt,
  publishedAt,
  startTestServer,
  type TestOwner,
  type TestServer,
} from '../../support/server';
import {
  addDraftTheme,
  clearDraftThemes,
  connectSynced,
  editDraft,
  setDraftMeta,
} from '../../support/yclient';

/**
 * Versions published before rich text was kept hold only plain text. At the next start the server
 * takes their structure from the draft they were published from, where that still has the
 * published text, so "Bewerken als nieuw concept" keeps their formatting too.
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

const versions = () => server.running.deps.stores.templateVersions;

async function fieldsOf(docId: string): Promise<string[]> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie });
  opened.push(client);
  return [TEMPLATE_KEYS.description, TEMPLATE_KEYS.suggestions].map((key) =>
    xmlToString(client.doc.getXmlFragment(key)),
  );
}

/** A formatted draft published as 1.0; then the same content stored as 1.1 the old way (plain only). */
async function oldStyleVersion(
  title: string,
): Promise<{ docId: string; oldId: string; plain: TemplateContent }> {
  const docId = await createTemplateDraftAt(server.url, owner, { teamId: owner.teamId });
  await editDraft(server.wsUrl, docId, owner, (doc: Y.Doc) => {
    setDraftMeta(doc, { title, kind: 'start-vakbekwaam', sectors: ['vo'], nlqfLevel: 5 });
    clearDraftThemes(doc);
    addDraftTheme(doc, 'thema-oud', 'Oud thema', [
      { id: 'lu-oud', code: 'LU 1', title: 'Oud', description: 'Oud.' },
    ]);
    writeFormattedText(doc.getXmlFragment(TEMPLATE_KEYS.description));
    writeFormattedText(doc.getXmlFragment(TEMPLATE_KEYS.suggestions), 'Suggesties');
  });
  const { id } = await publishedAt(server.url, owner, docId, { changeNote: 'Eerste' });
  const published = (await versions().get(id))!;
  const { rich: _rich, ...plain } = published.content;
  const oldId = randomUUID();
  await versions().insert({
    id: oldId,
    templateKey: published.templateKey,
    teamId: owner.teamId,
    draftDocId: docId,
    major: 1,
    minor: 1,
    content: plain,
    changeNote: 'Opgeslagen zoals vroeger',
    example: false,
    publishedBy: null,
  });
  expect((await versions().get(oldId))!.content).not.toHaveProperty('rich');
  return { docId, oldId, plain };
}

describe('recovering the rich text of versions stored as plain text', () => {
  it('takes it from the draft where that still has the published text; a new draft keeps the formatting', async () => {
    const kept = await oldStyleVersion('Bewaard pad');
    const movedOn = await oldStyleVersion('Verder bewerkt pad');
    await editDraft(server.wsUrl, movedOn.docId, owner, (doc) => {
      writeFormattedText(doc.getXmlFragment(TEMPLATE_KEYS.description), 'Andere kop');
      writeFormattedText(doc.getXmlFragment(TEMPLATE_KEYS.suggestions), 'Andere suggesties');
    });

    await server.restart();

    const recovered = (await versions().get(kept.oldId))!.content;
    const { rich, ...rest } = recovered;
    expect(rest).toEqual(kept.plain);
    expect(JSON.stringify(rich)).toContain('"type":"bold"');
    const revision = await createTemplateDraftAt(server.url, owner, {
      teamId: owner.teamId,
      fromVersionId: kept.oldId,
    });
    expect(await fieldsOf(revision)).toEqual(await fieldsOf(kept.docId));

    // The other draft's structure belongs to other text: plain text is all there is.
    expect((await versions().get(movedOn.oldId))!.content.rich).toBeNull();
    const fromPlain = await createTemplateDraftAt(server.url, owner, {
      teamId: owner.teamId,
      fromVersionId: movedOn.oldId,
    });
    const [description] = await fieldsOf(fromPlain);
    expect(description).toContain(`<paragraph>${movedOn.plain.description.split('\n')[0]}</paragraph>`);
    expect(description).not.toContain('<bold>');
  });

  it('leaves versions that have their rich text (or null) as they are, and runs once', async () => {
    const ids = (await versions().search({})).map((summary) => summary.id);
    const before = await Promise.all(ids.map(async (id) => (await versions().get(id))!.content));
    expect(before.every((content) => 'rich' in content)).toBe(true);
    await server.restart();
    expect(await versions().withoutRichText()).toEqual([]);
    expect(await Promise.all(ids.map(async (id) => (await versions().get(id))!.content))).toEqual(before);
  });
});
