import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { editDraft, toggleOutcome } from '../support/yclient';
import {
  api,
  axeViolations,
  createTeamViaApi,
  newSignedInContext,
  openPage,
  exampleTemplate,
  useHarness,
} from './helpers';
import { approveViaCommittee } from './committee';

/**
 * The public catalog with trajecten in Chromium: one team approves a leerarrangement, another puts
 * it in its traject (from the catalog, "van team …") and approves the traject from the lifecycle
 * panel; anonymously the catalog lists both, the traject's page links to the leerarrangement; a
 * signed-in teacher reuses it into their own team and the new draft shows "gebaseerd op …". Axe on
 * the traject page, the catalog list and both detail pages. External review is reached by a direct
 * database write (the API cannot pass R13 before feedback rounds exist), as the server tests do.
 */

const harness = useHarness();

const pathOf = (page: Page) => new URL(page.url()).pathname;

async function cookieOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

describe('catalog with trajecten in Chromium', () => {
  test('catalog list → traject → leerarrangement → Hergebruiken: the new draft shows "gebaseerd op …"', async () => {
    const url = harness.server.url;
    const ada = await newSignedInContext(harness, 'Ada');
    const example = await exampleTemplate(ada.context, url);

    // Team Zuid approves a leerarrangement that covers every leeruitkomst of the example.
    const zuid = await createTeamViaApi(ada.context, url, 'Co-creatielab Zuid', 'cocreatieteam');
    const { id: designId } = await api<{ id: string }>(ada.context, url, 'POST', '/api/designs', {
      teamId: zuid,
      title: 'Curriculum samen maken',
      templateId: example.id,
    });
    const outcomes = ['sc-wat-1', 'sc-wat-2', 'sc-wat-3', 'sc-hoe-1', 'sc-hoe-2', 'sc-hoe-3'];
    await editDraft(
      `${url.replace(/^http/, 'ws')}/collab`,
      designId,
      { cookie: await cookieOf(ada.context) },
      (doc) => doc.transact(() => outcomes.forEach((id) => toggleOutcome(doc, id, true))),
    );
    // Zuid's owner chooses the team's licence on the team page; the design is approved after that.
    const zuidPage = await openPage(ada.context, url, `/teams/${zuid}`, 'Ada');
    await expect
      .poll(() => zuidPage.getByTestId('team-license-current').innerText(), { timeout: 10_000 })
      .toContain('CC BY-SA 4.0 is voorgesteld');
    await zuidPage.getByLabel('Licentie voor publicaties').selectOption('CC BY 4.0');
    await zuidPage.getByTestId('team-license-save').click();
    await expect
      .poll(() => zuidPage.getByTestId('team-license-saved').innerText())
      .toBe('Licentie opgeslagen: CC BY 4.0.');
    await expect
      .poll(() => zuidPage.getByTestId('team-license-current').innerText())
      .toBe('Gekozen licentie: CC BY 4.0');
    expect(await axeViolations(zuidPage)).toEqual([]);
    await approveViaCommittee(harness, designId);

    // Team Noord builds a traject with it, from the catalog.
    const dana = await newSignedInContext(harness, 'Dana');
    const noord = await createTeamViaApi(dana.context, url, 'Co-creatielab Noord', 'cocreatieteam');
    const { id: trajectId } = await api<{ id: string }>(dana.context, url, 'POST', '/api/trajects', {
      teamId: noord,
      title: 'Curriculumspecialist in één jaar',
      templateVersionId: example.id,
    });
    const page = await openPage(dana.context, url, `/trajecten/${trajectId}`, 'Dana');
    const fromCatalog = page.getByTestId('traject-available-catalog');
    await expect.poll(() => fromCatalog.innerText(), { timeout: 10_000 }).toContain('Curriculum samen maken');
    expect(await fromCatalog.getByTestId('traject-from-team').innerText()).toBe(
      'van team Co-creatielab Zuid',
    );
    await expect.poll(() => page.getByTestId('lifecycle-panel').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await fromCatalog.getByTestId('traject-add').click();
    await expect.poll(() => page.getByTestId('traject-item').count()).toBe(1);
    expect(await page.getByTestId('traject-items').getByTestId('traject-from-team').innerText()).toBe(
      'van team Co-creatielab Zuid',
    );
    // Another provider's leerarrangement: the note of 001 l.283, and R9 red until Dana records the
    // agreement with Zuid.
    const r9 = page.locator('[data-testid="traject-check"][data-rule="R9"]');
    await expect.poll(() => r9.getAttribute('data-status')).toBe('fail');
    expect(await page.getByTestId('traject-agreement').innerText()).toContain('Van Co-creatielab Zuid.');
    await page.getByRole('checkbox', { name: 'Afspraak gemaakt met Co-creatielab Zuid' }).check();
    await expect.poll(() => r9.getAttribute('data-status')).toBe('pass');
    expect(await page.getByTestId('traject-agreement-check').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The owner moves it on; with external review (set in the database) it is approved in the UI.
    await page.locator('[data-testid="lifecycle-move"][data-to="prototype"] button').click();
    await expect
      .poll(() => page.getByTestId('status-badge').first().getAttribute('data-status'))
      .toBe('prototype');
    const gated = page.locator('[data-testid="lifecycle-move"][data-to="interne-toetsing"]');
    await expect.poll(() => gated.getAttribute('data-ok')).toBe('false');
    expect(await gated.getByTestId('lifecycle-reason').innerText()).toContain(
      'Nog niet alle verplichte regels van de leerarrangementen zijn groen: "Curriculum samen maken"',
    );
    await harness.server.deps.database.db
      .updateTable('trajects')
      .set({ status: 'aangemeld-externe-toetsing' })
      .where('id', '=', trajectId)
      .execute();
    await page.reload();
    await expect.poll(() => page.getByTestId('traject-frozen').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('traject-add').count()).toBe(0);
    await page.locator('[data-testid="lifecycle-move"][data-to="goedgekeurd"] button').click();
    await expect
      .poll(() => page.getByTestId('status-badge').first().getAttribute('data-status'))
      .toBe('goedgekeurd');
    await expect.poll(() => page.getByTestId('traject-versions').innerText()).toContain('Goedgekeurd');
    expect(await axeViolations(page)).toEqual([]);

    // Anonymous: the catalog lists the traject beside the leerarrangement.
    const anonymous = await harness.newContext();
    const catalog = await openPage(anonymous, url, '/catalogus', 'anoniem');
    await expect.poll(() => catalog.getByTestId('catalog-traject').count(), { timeout: 10_000 }).toBe(1);
    expect(await catalog.getByTestId('catalog-item').count()).toBe(1);
    const card = catalog.getByTestId('catalog-traject');
    expect(await card.innerText()).toContain('Co-creatielab Noord');
    expect(await card.innerText()).toContain('CC BY-SA 4.0');
    expect(await catalog.getByTestId('catalog-license').innerText()).toContain('CC BY-SA 4.0');
    expect(await axeViolations(catalog)).toEqual([]);

    // → the traject's page → its leerarrangement.
    await card.getByRole('link', { name: 'Curriculumspecialist in één jaar' }).click();
    await expect.poll(() => pathOf(catalog)).toBe(`/catalogus/trajecten/${trajectId}`);
    await expect
      .poll(() => catalog.getByTestId('catalog-traject-title').innerText())
      .toBe('Curriculumspecialist in één jaar');
    expect(await catalog.getByTestId('catalog-license').innerText()).toContain('CC BY-SA 4.0');
    expect(await catalog.getByTestId('catalog-traject-item').innerText()).toContain(
      'van team Co-creatielab Zuid',
    );
    expect(await axeViolations(catalog)).toEqual([]);
    await catalog.getByRole('link', { name: 'Curriculum samen maken' }).click();
    await expect.poll(() => pathOf(catalog)).toBe(`/catalogus/${designId}`);
    // The entry renders its sections on the server first (the first one loads the schema).
    await expect
      .poll(() => catalog.getByTestId('catalog-entry-title').innerText(), { timeout: 10_000 })
      .toBe('Curriculum samen maken');
    // Zuid's licence, frozen at approval, with what it allows; reuse names who answers for quality.
    expect(await catalog.getByTestId('catalog-license').innerText()).toBe(
      'Gepubliceerd onder de licentie CC BY 4.0: je mag het delen en bewerken, met naamsvermelding.',
    );
    expect(await catalog.getByTestId('reuse-responsibility').innerText()).toContain(
      'zelf verantwoordelijk voor dat de kwaliteit ervan in orde blijft',
    );
    expect(await axeViolations(catalog)).toEqual([]);

    // Signed in: list → detail → Hergebruiken into one's own team.
    const reuse = await openPage(dana.context, url, '/catalogus', 'Dana');
    await reuse.getByTestId('catalog-list').getByRole('link', { name: 'Curriculum samen maken' }).click();
    await expect.poll(() => pathOf(reuse)).toBe(`/catalogus/${designId}`);
    await expect.poll(() => reuse.getByTestId('reuse-submit').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await reuse.getByTestId('reuse-team').inputValue()).toBe(noord);
    await reuse.getByTestId('reuse-submit').click();
    await expect.poll(() => pathOf(reuse), { timeout: 10_000 }).toMatch(/^\/ontwerpen\/[0-9a-f-]+$/);
    expect(pathOf(reuse)).not.toBe(`/ontwerpen/${designId}`);
    await expect
      .poll(() => reuse.getByTestId('based-on').innerText(), { timeout: 10_000 })
      .toBe('Gebaseerd op Curriculum samen maken — Co-creatielab Zuid (CC BY 4.0)');
    expect(await reuse.getByTestId('based-on').getByRole('link').getAttribute('href')).toBe(
      `/catalogus/${designId}`,
    );
  }, 60_000);
});
