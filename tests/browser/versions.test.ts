import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  nthEditor,
  openPage,
  exampleTemplate,
  useHarness,
} from './helpers';

const harness = useHarness();

async function openVersions(page: Page) {
  await page.getByTestId('versions-open').click();
  await expect.poll(() => page.getByTestId('versions-dialog').isVisible()).toBe(true);
}

describe('versions, diff, restore, lifecycle and the catalog in Chromium', () => {
  test('save a version, change text, see the insertion in the diff, restore it live for two people', async () => {
    const url = harness.server.url;
    const dana = await newSignedInContext(harness, 'Dana');
    const eli = await newSignedInContext(harness, 'Eli');
    const teamId = await createTeamViaApi(dana.context, url, 'Lab Versies', 'cocreatieteam');
    await addMemberViaApi(dana.context, url, teamId, eli.user.email, 'editor');
    const id = await createDocumentViaApi(dana.context, url, teamId, 'Versies en herstel');

    const page = await openPage(dana.context, url, `/d/${id}`, 'Dana');
    await nthEditor(page, 0).click();
    await page.keyboard.type('De eerste tekst.', { delay: 5 });
    await expectStatus(page, 'saved');

    // Versie opslaan.
    await openVersions(page);
    await page.getByTestId('version-label').fill('Eerste versie');
    await page.getByTestId('version-note').fill('Voor de feedbackronde');
    await page.getByTestId('version-save').click();
    await expect.poll(() => page.getByTestId('version-item').count()).toBe(1);
    expect(await page.getByTestId('versions-status').innerText()).toContain('Eerste versie');
    expect(await axeViolations(page)).toEqual([]);

    // Saving again without a change stores nothing and says so.
    await page.getByTestId('version-label').fill('Nog eens');
    await page.getByTestId('version-save').click();
    await expect
      .poll(() => page.getByTestId('versions-status').innerText())
      .toBe('Er is niets veranderd sinds de vorige versie. Er is geen nieuwe versie opgeslagen.');
    expect(await page.getByTestId('version-item').count()).toBe(1);
    await page.keyboard.press('Escape');

    // Change the text.
    await nthEditor(page, 0).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Met nieuwe woorden.', { delay: 5 });
    await expectStatus(page, 'saved');

    // The diff shows the inserted words as an insertion.
    await openVersions(page);
    await page.getByTestId('version-compare').first().click();
    await expect
      .poll(() => page.getByTestId('diff-insert').allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Met nieuwe woorden.')]);
    expect(await page.getByTestId('diff-delete').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The read-only view of the version shows the old text.
    await page.getByTestId('versions-back').click();
    await page.getByTestId('version-view-open').first().click();
    await expect.poll(() => page.getByTestId('version-view').innerText()).toContain('De eerste tekst.');
    await page.getByTestId('versions-back').click();

    // Eli has the document open too.
    const other = await openPage(eli.context, url, `/d/${id}`, 'Eli');
    await expect
      .poll(() => nthEditor(other, 0).innerText(), { timeout: 10_000 })
      .toBe('De eerste tekst. Met nieuwe woorden.');

    // Herstellen asks first; "Annuleren" gives focus back to the button, then it is confirmed.
    await page.getByTestId('version-restore').last().click();
    await page
      .getByRole('group', { name: /Deze versie terugzetten/ })
      .getByRole('button', { name: 'Annuleren' })
      .click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('version-restore');
    await page.getByTestId('version-restore').last().click();
    await page.getByTestId('version-restore-confirm').click();
    await expect.poll(() => page.getByTestId('versions-status').innerText()).toContain('hersteld');
    await page.keyboard.press('Escape');
    for (const seen of [page, other]) {
      await expect.poll(() => nthEditor(seen, 0).innerText(), { timeout: 10_000 }).toBe('De eerste tekst.');
    }
    // History is kept: the restore is a new version on top.
    const versions = await api<Array<{ label: string }>>(
      dana.context,
      url,
      'GET',
      `/api/documents/${id}/versions`,
    );
    expect(versions.map((version) => version.label)).toEqual(['Hersteld: Eerste versie', 'Eerste versie']);
  });

  test('compare any two saved versions: A → B shows the inserted words; axe is clean', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Gijs');
    const teamId = await createTeamViaApi(context, url, 'Lab Vergelijken', 'cocreatieteam');
    const id = await createDocumentViaApi(context, url, teamId, 'Twee versies');
    const page = await openPage(context, url, `/d/${id}`, 'Gijs');
    await nthEditor(page, 0).click();
    await page.keyboard.type('Begintekst van het ontwerp.', { delay: 5 });
    await expectStatus(page, 'saved');

    const saveAs = async (label: string, count: number) => {
      await openVersions(page);
      await page.getByTestId('version-label').fill(label);
      await page.getByTestId('version-save').click();
      await expect.poll(() => page.getByTestId('version-item').count()).toBe(count);
    };
    await saveAs('Versie A', 1);
    await page.keyboard.press('Escape');
    await nthEditor(page, 0).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Extra zinnen erbij.', { delay: 5 });
    await expectStatus(page, 'saved');
    await saveAs('Versie B', 2);
    // Change the text again, so A → B differs from A → current.
    await page.keyboard.press('Escape');
    await nthEditor(page, 0).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Nog later.', { delay: 5 });
    await expectStatus(page, 'saved');

    await openVersions(page);
    const versions = await api<Array<{ id: string; label: string }>>(
      context,
      url,
      'GET',
      `/api/documents/${id}/versions`,
    );
    const idOf = (label: string) => versions.find((version) => version.label === label)!.id;
    // Labelled selects, chosen and submitted with the keyboard.
    await page.getByLabel('Van', { exact: true }).selectOption(idOf('Versie A'));
    await page.getByLabel('Naar', { exact: true }).selectOption(idOf('Versie B'));
    await page.getByTestId('version-compare-submit').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('diff-insert').allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Extra zinnen erbij.')]);
    expect(await page.getByTestId('diff-insert').first().innerText()).not.toContain('Nog later.');
    expect(await page.getByTestId('diff-delete').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 3 }).first().innerText()).toContain('Versie B');
    expect(await axeViolations(page)).toEqual([]);

    // Back returns focus to the compare button, with the same pair still chosen.
    await page.getByTestId('versions-back').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('version-compare-submit');
    expect(await page.getByTestId('version-compare-to').inputValue()).toBe(idOf('Versie B'));
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the lifecycle panel shows the status, the gate reasons and the export menu; axe is clean', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Fien');
    const teamId = await createTeamViaApi(context, url, 'Lab Status', 'cocreatieteam');
    const example = await exampleTemplate(context, url);
    const design = await api<{ id: string }>(context, url, 'POST', '/api/designs', {
      teamId,
      title: 'Status en export',
      templateId: example.id,
    });
    const page = await openPage(context, url, `/ontwerpen/${design.id}`, 'Fien');
    await expect
      .poll(() => page.getByTestId('status-badge').first().innerText(), { timeout: 10_000 })
      .toBe('Globaal ontwerp');
    const move = page.locator('[data-testid="lifecycle-move"][data-to="prototype"]');
    await expect.poll(() => move.getAttribute('data-ok')).toBe('true');

    // Owner moves to prototype; leaving prototype is gated with a reason.
    await move.getByTestId('lifecycle-move-button').click();
    await expect.poll(() => page.getByTestId('status-badge').first().innerText()).toBe('Prototype');
    const next = page.locator('[data-testid="lifecycle-move"][data-to="interne-toetsing"]');
    await expect.poll(() => next.getAttribute('data-ok')).toBe('false');
    expect(await next.getByTestId('lifecycle-reason').innerText()).toMatch(
      /^Nog niet alle verplichte regels zijn groen \(R\d/,
    );

    // The export menu lists every format.
    await page.getByTestId('export-open').click();
    for (const format of ['md', 'html', 'json', 'docx']) {
      expect(await page.getByTestId(`export-${format}`).isVisible()).toBe(true);
    }
    expect(await page.getByTestId('export-print').getAttribute('target')).toBe('_blank');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-md').click();
    expect((await download).suggestedFilename()).toMatch(/\.md$/);
    await expect.poll(() => page.getByTestId('export-status').innerText()).toContain('gedownload');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the versions dialog opens a saved version in the editor of the document’s kind', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Gijs');
    const teamId = await createTeamViaApi(context, url, 'Lab Versie-editor', 'cocreatieteam');
    const example = await exampleTemplate(context, url);
    const design = await api<{ id: string; docId: string }>(context, url, 'POST', '/api/designs', {
      teamId,
      title: 'Versie in de editor',
      templateId: example.id,
    });
    const saved = await api<{ id: string }>(context, url, 'POST', `/api/documents/${design.docId}/versions`, {
      label: 'Ontwerp 1',
    });
    const page = await openPage(context, url, `/ontwerpen/${design.id}`, 'Gijs');
    await openVersions(page);
    const link = page.getByTestId('version-open-editor');
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    // A design's version opens under /ontwerpen (the design form), not under /d.
    expect(await link.getAttribute('href')).toBe(`/ontwerpen/${design.docId}/versies/${saved.id}`);
    await link.click();
    await expect
      .poll(() => page.getByTestId('frozen-document').getAttribute('data-kind'), { timeout: 10_000 })
      .toBe('leerarrangement');
  });

  test('the public catalog opens without login and shows the license; axe is clean', async () => {
    const context = await harness.newContext();
    const page = await openPage(context, harness.server.url, '/catalogus', 'anoniem');
    await expect.poll(() => page.getByTestId('catalog-count').innerText()).not.toBe('');
    expect(await page.getByTestId('catalog-license').innerText()).toContain('CC BY-SA 4.0');
    expect(await page.getByTestId('nav-catalog').getAttribute('aria-current')).toBe('page');
    expect(await axeViolations(page)).toEqual([]);
  });
});
