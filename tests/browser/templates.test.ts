import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  expectStatus,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

const harness = useHarness();

function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** The outcome row whose code field holds `code`. */
async function rowWithCode(page: Page, code: string): Promise<Locator> {
  const rows = page.getByTestId('outcome-row');
  await expect
    .poll(async () => {
      for (const row of await rows.all()) {
        if ((await row.getByTestId('outcome-code').inputValue()) === code) return true;
      }
      return false;
    })
    .toBe(true);
  for (const row of await rows.all()) {
    if ((await row.getByTestId('outcome-code').inputValue()) === code) return row;
  }
  throw new Error(`no outcome ${code}`);
}

/** The codes of the outcomes in display order. */
async function outcomeCodes(page: Page): Promise<string[]> {
  return page
    .getByTestId('outcome-code')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** The kinds and sentences of the change list on the page. */
async function changeList(page: Page) {
  return page
    .getByTestId('diff-change')
    .evaluateAll((items) =>
      items.map((item) => ({ kind: item.getAttribute('data-kind'), text: (item as HTMLElement).innerText })),
    );
}

/** Opens the publish dialog, waits for the preview, fills the note and publishes; returns the version link. */
async function publish(page: Page, expectedVersion: string, note: string): Promise<string> {
  await expectStatus(page, 'saved');
  await page.getByTestId('publish-open').click();
  await expect.poll(() => page.getByTestId('publish-version').count(), { timeout: 10_000 }).toBe(1);
  expect(await page.getByTestId('publish-version').inputValue()).toBe(expectedVersion);
  await page.getByTestId('publish-note').fill(note);
  await page.getByTestId('publish-submit').click();
  await expect.poll(() => page.getByTestId('publish-done').count(), { timeout: 10_000 }).toBe(1);
  expect(await page.getByTestId('publish-done').innerText()).toContain(
    `Versie ${expectedVersion} is gepubliceerd`,
  );
  return (await page.getByTestId('published-version-link').getAttribute('href')) ?? '';
}

describe('ontwikkelpaden in Chromium', () => {
  test('an atelier writes and publishes 1.0, two members edit different outcomes at once, 2.0 follows; the diff shows exactly that; a co-creatieteam reads the library but not the draft', async () => {
    const url = harness.server.url;
    const { context: annaContext } = await newSignedInContext(harness, 'Anna');
    const { context: bramContext, user: bram } = await newSignedInContext(harness, 'Bram');
    const { context: carlaContext } = await newSignedInContext(harness, 'Carla');
    const atelierId = await createTeamViaApi(annaContext, url, 'Atelier Rekenen', 'atelier');
    await addMemberViaApi(annaContext, url, atelierId, bram.email, 'editor');
    const carlaTeamId = await createTeamViaApi(carlaContext, url, 'Team Breuken', 'cocreatieteam');

    // Anna starts an ontwikkelpad from the atelier's page.
    const anna = await openPage(annaContext, url, `/teams/${atelierId}`, 'Anna');
    await anna.getByLabel('Titel van het ontwikkelpad').fill('Rekendidactiek in het po');
    await anna.getByRole('button', { name: 'Nieuw ontwikkelpad aanmaken' }).click();
    await expect.poll(() => pathOf(anna), { timeout: 10_000 }).toMatch(/^\/ontwikkelpaden\/[0-9a-f-]+$/);
    const draftPath = pathOf(anna);
    const draftId = draftPath.split('/').pop() as string;
    await expect.poll(() => anna.getByTestId('op-title').count(), { timeout: 10_000 }).toBe(1);
    expect(await anna.getByTestId('op-title').inputValue()).toBe('Rekendidactiek in het po');
    // The default sections every leerarrangement must have are there.
    expect(await anna.getByTestId('section-heading').first().inputValue()).toBe('Doelgroep en aanleiding');
    // The live checks name what is missing.
    const checks = await anna.getByTestId('check-item').allInnerTexts();
    expect(checks.join('\n')).toContain('Kies minstens één sector');
    expect(checks.join('\n')).toContain('Voeg minstens één leeruitkomst toe');

    // Kind, sector, NLQF level, the theme and a first outcome through the UI.
    await anna.getByRole('radio', { name: 'Van start- naar vakbekwaam' }).check();
    await anna.getByRole('checkbox', { name: 'Primair onderwijs (po)' }).check();
    await anna.getByLabel('NLQF-niveau').selectOption('5');
    await anna.getByTestId('theme-title').first().fill('Rekendidactiek');
    await anna.getByTestId('add-outcome').first().click();
    // Focus lands in the new outcome's code field, prefilled with a suggestion.
    await expect
      .poll(() => anna.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('outcome-code');
    const first = await rowWithCode(anna, 'LU 1.1');
    await first.getByTestId('outcome-title').fill('Legt rekenstrategieën helder uit');
    await first.getByTestId('outcome-description').fill('De leraar legt strategieën uit met modellen.');
    await expect.poll(() => anna.getByTestId('checks-ok').count(), { timeout: 5_000 }).toBe(1);

    // Publish 1.0: the dialog proposes 1.0 for a first version. The dialog is accessible.
    await expectStatus(anna, 'saved');
    await anna.getByTestId('publish-open').click();
    await expect.poll(() => anna.getByTestId('publish-version').count(), { timeout: 10_000 }).toBe(1);
    expect(await anna.getByTestId('publish-previous').innerText()).toContain('eerste versie');
    expect(await anna.getByRole('dialog', { name: 'Publiceren als nieuwe versie' }).count()).toBe(1);
    expect(await axeViolations(anna)).toEqual([]);
    // Focus starts on the dialog's name and stays inside: Shift+Tab wraps to the last button, Tab
    // from there back to the first field.
    expect(await anna.evaluate(() => document.activeElement?.textContent)).toBe(
      'Publiceren als nieuwe versie',
    );
    await anna.keyboard.press('Shift+Tab');
    expect(await anna.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await anna.keyboard.press('Tab');
    expect(await anna.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'publish-version',
    );
    // Escape closes it; focus returns to the button that opened it.
    await anna.keyboard.press('Escape');
    await expect
      .poll(() => anna.getByTestId('publish-dialog').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(false);
    expect(await anna.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'publish-open',
    );
    const v1Link = await publish(anna, '1.0', 'Eerste versie met één leeruitkomst.');
    await anna.getByTestId('publish-close').click();
    await expect.poll(() => anna.getByTestId('draft-versions').innerText()).toContain('versie 1.0');

    // A second outcome, then Bram opens the draft in his own browser.
    await anna.getByTestId('add-outcome').first().click();
    const second = await rowWithCode(anna, 'LU 1.2');
    await second.getByTestId('outcome-title').fill('Kiest passende modellen');
    const bramPage = await openPage(bramContext, url, draftPath, 'Bram');
    await expect.poll(() => outcomeCodes(bramPage), { timeout: 10_000 }).toEqual(['LU 1.1', 'LU 1.2']);
    await expect.poll(() => anna.getByTestId('presence-avatar').count(), { timeout: 10_000 }).toBe(2);
    expect(await axeViolations(anna)).toEqual([]);

    // At the same time (Bram offline, so neither sees the other's edit first): Bram moves LU 1.2 to
    // the top and describes it, Anna rewrites the description of LU 1.1.
    await expectStatus(bramPage, 'saved');
    await bramContext.setOffline(true);
    await expectStatus(bramPage, 'offline', 15_000);
    const bramSecond = await rowWithCode(bramPage, 'LU 1.2');
    await bramSecond.locator('[data-action="outcome-up"]').click();
    await expect.poll(() => outcomeCodes(bramPage)).toEqual(['LU 1.2', 'LU 1.1']);
    await (
      await rowWithCode(bramPage, 'LU 1.2')
    )
      .getByTestId('outcome-description')
      .fill('Kiest een model dat past bij de rekenstrategie.');
    await (
      await rowWithCode(anna, 'LU 1.1')
    )
      .getByTestId('outcome-description')
      .fill('De leraar legt strategieën uit en laat leerlingen ze verwoorden.');
    await expectStatus(anna, 'saved');
    await bramContext.setOffline(false);
    await expectStatus(bramPage, 'saved', 20_000);

    // Both edits and the new order survive, for both.
    for (const page of [anna, bramPage]) {
      await expect.poll(() => outcomeCodes(page), { timeout: 10_000 }).toEqual(['LU 1.2', 'LU 1.1']);
      await expect
        .poll(
          async () => (await rowWithCode(page, 'LU 1.2')).getByTestId('outcome-description').inputValue(),
          {
            timeout: 10_000,
          },
        )
        .toBe('Kiest een model dat past bij de rekenstrategie.');
      await expect
        .poll(
          async () => (await rowWithCode(page, 'LU 1.1')).getByTestId('outcome-description').inputValue(),
          {
            timeout: 10_000,
          },
        )
        .toBe('De leraar legt strategieën uit en laat leerlingen ze verwoorden.');
    }

    // Publishing again proposes 2.0: the meaning of LU 1.1 changed. The dialog says why and lists
    // the changes with the same sentences as the diff page.
    await expectStatus(anna, 'saved');
    await anna.getByTestId('publish-open').click();
    await expect.poll(() => anna.getByTestId('publish-version').count(), { timeout: 10_000 }).toBe(1);
    expect(await anna.getByTestId('publish-version').inputValue()).toBe('2.0');
    expect(await anna.getByTestId('publish-version-hint').innerText()).toContain(
      'Er is een leeruitkomst verwijderd of inhoudelijk gewijzigd: dat vraagt een nieuwe hoofdversie.',
    );
    const expectedChanges = [
      { kind: 'outcome-added', text: 'Leeruitkomst LU 1.2 toegevoegd' },
      { kind: 'outcome-changed', text: 'Beschrijving van LU 1.1 gewijzigd' },
    ];
    expect(await changeList(anna)).toEqual(expectedChanges);
    // A minor number is refused in place.
    await anna.getByTestId('publish-version').fill('1.1');
    await anna.getByTestId('publish-note').fill('LU 1.2 toegevoegd, LU 1.1 aangescherpt.');
    await anna.getByTestId('publish-submit').click();
    await expect
      .poll(() => anna.getByRole('alert').allInnerTexts())
      .toContain(
        'Er is een leeruitkomst verwijderd of inhoudelijk gewijzigd: dat vraagt een nieuwe hoofdversie.',
      );
    expect(await anna.getByTestId('publish-version').getAttribute('aria-invalid')).toBe('true');
    await anna.getByTestId('publish-version').fill('2.0');
    await anna.getByTestId('publish-submit').click();
    await expect.poll(() => anna.getByTestId('publish-done').count(), { timeout: 10_000 }).toBe(1);

    // The new version's page, then the comparison with 1.0.
    await anna.getByTestId('published-version-link').click();
    await expect.poll(() => pathOf(anna), { timeout: 10_000 }).toMatch(/^\/bibliotheek\/[0-9a-f-]+$/);
    await expect.poll(() => anna.getByTestId('version-title').count(), { timeout: 10_000 }).toBe(1);
    expect(await anna.getByTestId('template-version').innerText()).toBe('2.0');
    expect(await anna.getByTestId('change-note').innerText()).toBe('LU 1.2 toegevoegd, LU 1.1 aangescherpt.');
    expect(await anna.getByTestId('compare-select').inputValue()).toBe(v1Link.split('/').pop());
    await anna.getByTestId('compare-submit').click();
    await expect.poll(() => pathOf(anna)).toMatch(/\/vergelijk\//);
    await expect.poll(() => anna.getByTestId('diff-range').count(), { timeout: 10_000 }).toBe(1);
    expect(await anna.getByTestId('diff-range').innerText()).toBe('Van versie 1.0 naar versie 2.0');
    // The heading is the template diff's own message, not the version diff's one of the same key.
    expect(await anna.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Vergelijking: Rekendidactiek in het po',
    );
    expect(await changeList(anna)).toEqual(expectedChanges);
    // Side by side: the old description struck through, the new one marked as inserted.
    const changedRow = anna.locator('[data-testid="side-outcome"]', { hasText: 'LU 1.1' });
    expect(await changedRow.locator('del').innerText()).toContain(
      'De leraar legt strategieën uit met modellen.',
    );
    expect(await changedRow.locator('ins').innerText()).toContain('laat leerlingen ze verwoorden');
    expect(await axeViolations(anna)).toEqual([]);

    // The same comparison named the other way round still reads from old to new.
    const [, , versionA, , versionB] = pathOf(anna).split('/');
    await anna.goto(`${url}/bibliotheek/${versionB}/vergelijk/${versionA}`);
    await expect.poll(() => anna.getByTestId('diff-range').count(), { timeout: 10_000 }).toBe(1);
    expect(await anna.getByTestId('diff-range').innerText()).toBe('Van versie 1.0 naar versie 2.0');
    expect(await changeList(anna)).toEqual(expectedChanges);

    // Published versions are immutable: 1.0 still has the old text.
    await anna.goto(`${url}${v1Link}`);
    await expect.poll(() => anna.getByTestId('version-outcome').count(), { timeout: 10_000 }).toBe(1);
    expect(await anna.getByTestId('version-outcome').innerText()).toContain(
      'De leraar legt strategieën uit met modellen.',
    );
    expect(await anna.getByTestId('newer-version').innerText()).toContain('2.0');

    // Carla (co-creatieteam) finds both versions through the library link in the header.
    const carla = await openPage(carlaContext, url, `/teams/${carlaTeamId}`, 'Carla');
    await expect.poll(() => carla.getByTestId('to-library').count(), { timeout: 10_000 }).toBe(1);
    await carla.getByTestId('nav-library').click();
    await expect.poll(() => pathOf(carla)).toBe('/bibliotheek');
    const titles = () => carla.getByTestId('library-link').allInnerTexts();
    await expect.poll(titles, { timeout: 10_000 }).toContain('Rekendidactiek in het po');
    // Newest first.
    const items = carla.getByTestId('library-item');
    expect(await items.first().innerText()).toContain('Rekendidactiek in het po versie 2.0');
    expect(await items.nth(1).innerText()).toContain('Rekendidactiek in het po versie 1.0');
    expect(await carla.getByTestId('example-badge').count()).toBe(2);
    expect(await axeViolations(carla)).toEqual([]);

    // Kind filter.
    await carla.getByLabel('Soort').selectOption('vakbekwaam-expert');
    await expect.poll(() => pathOf(carla)).toBe('/bibliotheek?kind=vakbekwaam-expert');
    await expect.poll(titles).toEqual(['Specialist Curriculumontwikkeling (voorbeeld)']);
    await carla.getByLabel('Soort').selectOption('start-vakbekwaam');
    await expect
      .poll(titles)
      .toEqual([
        'Rekendidactiek in het po',
        'Rekendidactiek in het po',
        'Van start- naar vakbekwaam (voorbeeld)',
      ]);
    // Sector filter: the atelier published for po only.
    await carla.getByLabel('Sector').selectOption('mbo');
    await expect.poll(titles).toEqual(['Van start- naar vakbekwaam (voorbeeld)']);
    await carla.getByLabel('Sector').selectOption('po');
    await expect.poll(titles).toHaveLength(3);
    // Text search, debounced, kept in the URL: a reload (or a shared link) shows the same.
    await carla.getByLabel('Soort').selectOption('');
    await carla.getByLabel('Sector').selectOption('');
    await carla.getByLabel('Zoeken').fill('rekendidactiek');
    await expect.poll(() => pathOf(carla)).toBe('/bibliotheek?q=rekendidactiek');
    await expect.poll(titles).toEqual(['Rekendidactiek in het po', 'Rekendidactiek in het po']);
    expect(await carla.getByTestId('library-count').innerText()).toBe('2 gepubliceerde versies gevonden.');
    await carla.reload();
    await expect
      .poll(titles, { timeout: 10_000 })
      .toEqual(['Rekendidactiek in het po', 'Rekendidactiek in het po']);
    expect(await carla.getByLabel('Zoeken').inputValue()).toBe('rekendidactiek');

    // She can read the versions but not the draft: the API says 403, the page "geen toegang".
    await expect(api(carlaContext, url, 'GET', `/api/templates/drafts/${draftId}`)).rejects.toThrow(/403/);
    await carla.goto(`${url}${draftPath}`);
    await expect.poll(() => carla.getByTestId('document-unavailable').count(), { timeout: 10_000 }).toBe(1);
    expect(await carla.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Geen toegang tot dit ontwikkelpad',
    );
    expect(await carla.getByTestId('outcome-row').count()).toBe(0);
  }, 90_000);

  test('a published version is a concept-versie until a second atelier member sets it vastgesteld; the library and the version page say so', async () => {
    const url = harness.server.url;
    const { context: evaContext } = await newSignedInContext(harness, 'Eva');
    const { context: finContext, user: fin } = await newSignedInContext(harness, 'Fin');
    const atelierId = await createTeamViaApi(evaContext, url, 'Atelier Vier Ogen', 'atelier');
    await addMemberViaApi(evaContext, url, atelierId, fin.email, 'editor');
    const example = await exampleTemplate(finContext, url);
    // Fin publishes a copy of the example as the atelier's own 1.0.
    const { id: draftId } = await api<{ id: string }>(finContext, url, 'POST', '/api/templates/drafts', {
      teamId: atelierId,
      fromVersionId: example.id,
      title: 'Vier ogen in de praktijk',
    });
    const { id: versionId } = await api<{ id: string }>(
      finContext,
      url,
      'POST',
      `/api/templates/drafts/${draftId}/publish`,
      { changeNote: 'Eerste versie' },
    );

    // The publisher sees that it is a concept-versie and that someone else sets it vastgesteld.
    const finPage = await openPage(finContext, url, `/bibliotheek/${versionId}`, 'Fin');
    await expect.poll(() => finPage.getByTestId('establish-own').count(), { timeout: 10_000 }).toBe(1);
    expect(await finPage.getByTestId('version-title').getByTestId('concept-badge').innerText()).toBe(
      'Ontwikkelpad nog niet vastgesteld',
    );
    expect(await finPage.getByTestId('establish-version').count()).toBe(0);
    expect(await axeViolations(finPage)).toEqual([]);

    // Eva, the owner, finds it marked in the library and sets it vastgesteld after confirming.
    const eva = await openPage(evaContext, url, '/bibliotheek?q=vier%20ogen', 'Eva');
    const item = eva.locator(`[data-testid="library-item"][data-version-id="${versionId}"]`);
    await expect.poll(() => item.getByTestId('concept-badge').count(), { timeout: 10_000 }).toBe(1);
    await item.getByTestId('library-link').click();
    await expect.poll(() => eva.getByTestId('establish-version').count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(eva)).toEqual([]);
    await eva.getByTestId('establish-version').click();
    await eva.getByRole('button', { name: 'Ja, vaststellen' }).click();
    await expect.poll(() => eva.getByTestId('established-notice').innerText()).toMatch(/^Vastgesteld op /);
    expect(await eva.getByTestId('concept-badge').count()).toBe(0);
    expect(await axeViolations(eva)).toEqual([]);

    // For Fin too, after a reload: the library no longer marks it.
    await finPage.goto(`${url}/bibliotheek?q=vier%20ogen`);
    await expect
      .poll(() => finPage.locator(`[data-testid="library-item"][data-version-id="${versionId}"]`).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await finPage.getByTestId('concept-badge').count()).toBe(0);
  }, 60_000);
});
