import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readDocument } from '../../server/collab/readDocument';
import { SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';
import { nestLists } from '../support/deepDoc';
import {
  api,
  createDocumentViaApi,
  createTeamViaApi,
  newSignedInContext,
  nthEditor,
  openPage,
  useHarness,
} from './helpers';

const harness = useHarness();

/** Changes the document as a server-side write (what is stored, however it got there). */
async function writeStored(docId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const deps = harness.server.deps;
  const update = await readDocument(deps, docId, (doc) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    edit(copy);
    return Y.encodeStateAsUpdate(copy, before);
  });
  await deps.rooms.applyServerUpdate(docId, update);
}

describe('rich text nested too deeply to show, in Chromium', () => {
  test('a Dutch notice in place of that text, the rest editable, and the text back after a restore', async () => {
    const url = harness.server.url;
    const dana = await newSignedInContext(harness, 'Dana');
    const teamId = await createTeamViaApi(dana.context, url, 'Lab Diep', 'cocreatieteam');
    const id = await createDocumentViaApi(dana.context, url, teamId, 'Diepe tekst');
    let fragment = '';
    await writeStored(id, (doc) => {
      fragment = sectionFragmentName(String(doc.getArray<Y.Map<unknown>>(SECTIONS_ARRAY).get(0).get('id')));
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Vóór de diepe lijst.')]);
      const text = doc.getXmlFragment(fragment);
      text.delete(0, text.length);
      text.insert(0, [paragraph]);
    });
    const { id: versionId } = await api<{ id: string }>(
      dana.context,
      url,
      'POST',
      `/api/documents/${id}/versions`,
      {
        label: 'Vóór',
      },
    );
    // Element depth 10,001: ProseMirror's recursive rendering overflows long before.
    await writeStored(id, (doc) => nestLists(doc.getXmlFragment(fragment), 5_000));

    const page = await openPage(dana.context, url, `/d/${id}`, 'Dana');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await expect
      .poll(
        () =>
          page
            .getByTestId('rich-text-too-deep')
            .innerText()
            .catch(() => ''),
        { timeout: 20_000 },
      )
      .toBe(
        'Deze tekst is te diep genest om te tonen (10001 niveaus, het maximum is 100). Zet onder Versies een eerdere versie terug.',
      );
    // The next section's editor works.
    await nthEditor(page, 1).click();
    await page.keyboard.type('Tweede sectie.', { delay: 5 });
    await expect.poll(() => nthEditor(page, 1).innerText()).toBe('Tweede sectie.');

    await api(dana.context, url, 'POST', `/api/documents/${id}/versions/${versionId}/restore`);
    await expect.poll(() => page.getByTestId('rich-text-too-deep').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => nthEditor(page, 0).innerText()).toBe('Vóór de diepe lijst.');
    expect(errors).toEqual([]);
  });
});
