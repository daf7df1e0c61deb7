import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addMemberViaApi,
  axeViolations,
  createTeamViaApi,
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

function focused(page: Page) {
  return page.evaluate(() => ({
    testId: document.activeElement?.getAttribute('data-testid') ?? null,
    action: document.activeElement?.getAttribute('data-action') ?? null,
    outcome: document.activeElement?.closest('[data-outcome-id]')?.getAttribute('data-outcome-id') ?? null,
  }));
}

function outcomeCodes(page: Page): Promise<string[]> {
  return page
    .getByTestId('outcome-code')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

describe('the example with a rubric, the draft editor and read-only access', () => {
  test('the rubric is an accessible table; a copy opens in the editor, which is usable by keyboard and read-only for a viewer', async () => {
    const url = harness.server.url;
    const { context: dirkContext } = await newSignedInContext(harness, 'Dirk');
    const { context: evaContext, user: eva } = await newSignedInContext(harness, 'Eva');
    const atelierId = await createTeamViaApi(dirkContext, url, 'Atelier Curriculum', 'atelier');
    await addMemberViaApi(dirkContext, url, atelierId, eva.email, 'viewer');

    // The library leads to the example with the 2 × 3 × 3 curriculum matrix.
    const dirk = await openPage(dirkContext, url, '/bibliotheek', 'Dirk');
    await dirk.getByRole('link', { name: 'Specialist Curriculumontwikkeling (voorbeeld)' }).click();
    await expect.poll(() => dirk.getByTestId('rubric-table').count(), { timeout: 10_000 }).toBe(1);
    const table = dirk.getByTestId('rubric-table');
    expect(await table.locator('th[scope="col"]').allInnerTexts()).toEqual([
      'Dimensie',
      'Subdimensie',
      'Startbekwaam',
      'Vakbekwaam',
      'Expert',
    ]);
    expect(await table.locator('th[scope="rowgroup"]').count()).toBe(2);
    expect(await table.locator('th[scope="row"]').count()).toBe(6);
    expect(await dirk.getByTestId('example-badge').innerText()).toBe('voorbeeld');
    expect(await dirk.getByTestId('version-outcome').count()).toBe(6);
    // Not his atelier's ontwikkelpad: he can copy it, not continue its version line.
    expect(await dirk.getByTestId('new-version').count()).toBe(0);
    expect(await axeViolations(dirk)).toEqual([]);

    // "Bewerken als nieuw concept" opens a draft in his atelier with everything in it.
    await dirk.getByTestId('copy-as-draft').click();
    await expect.poll(() => pathOf(dirk), { timeout: 10_000 }).toMatch(/^\/ontwikkelpaden\/[0-9a-f-]+$/);
    const draftId = pathOf(dirk).split('/').pop() as string;
    await expect.poll(() => dirk.getByTestId('outcome-row').count(), { timeout: 10_000 }).toBe(6);
    expect(await dirk.getByTestId('rubric-enabled').isChecked()).toBe(true);
    expect(await dirk.getByTestId('dimension').count()).toBe(2);
    expect(await dirk.getByTestId('descriptor').count()).toBe(18);
    await expect.poll(() => dirk.getByTestId('checks-ok').count(), { timeout: 5_000 }).toBe(1);

    // Eva, a viewer, follows the draft through its /d/ link: same editor, read-only.
    const evaPage = await openPage(evaContext, url, `/d/${draftId}`, 'Eva');
    await expect.poll(() => pathOf(evaPage), { timeout: 10_000 }).toBe(`/ontwikkelpaden/${draftId}`);
    await expect.poll(() => evaPage.getByTestId('outcome-row').count(), { timeout: 10_000 }).toBe(6);
    expect(await axeViolations(dirk)).toEqual([]);

    // A check leads to its field: an outcome without a code…
    const firstRow = dirk.getByTestId('outcome-row').first();
    const firstId = await firstRow.getAttribute('data-outcome-id');
    await firstRow.getByTestId('outcome-code').fill('');
    const codeCheck = dirk.locator('[data-testid="check-item"]', { hasText: 'heeft geen code' });
    await expect.poll(() => codeCheck.count(), { timeout: 5_000 }).toBe(1);
    await codeCheck.getByRole('button').focus();
    await dirk.keyboard.press('Enter');
    await expect
      .poll(() => focused(dirk))
      .toEqual({ testId: 'outcome-code', action: null, outcome: firstId });
    await dirk.keyboard.type('LU 1.1');
    // …and a missing title.
    await dirk.getByTestId('op-title').fill('');
    const titleCheck = dirk.locator('[data-testid="check-item"]', {
      hasText: 'Geef het ontwikkelpad een titel.',
    });
    await expect.poll(() => titleCheck.count(), { timeout: 5_000 }).toBe(1);
    await titleCheck.getByRole('button').click();
    await expect.poll(() => focused(dirk)).toEqual({ testId: 'op-title', action: null, outcome: null });
    await dirk.keyboard.type('Curriculumontwikkeling voor po');
    await expect.poll(() => dirk.getByTestId('checks-ok').count(), { timeout: 5_000 }).toBe(1);
    await expect
      .poll(() => evaPage.getByTestId('draft-title').innerText(), { timeout: 10_000 })
      .toBe('Curriculumontwikkeling voor po');

    // Reordering by keyboard: "Omlaag" moves the outcome, focus stays with it.
    const before = await outcomeCodes(dirk);
    await firstRow.locator('[data-action="outcome-down"]').focus();
    await dirk.keyboard.press('Enter');
    await expect.poll(() => outcomeCodes(dirk)).toEqual([before[1], before[0], ...before.slice(2)]);
    await expect
      .poll(() => focused(dirk))
      .toEqual({ testId: null, action: 'outcome-down', outcome: firstId });
    expect(await dirk.getByTestId('announcer').innerText()).toContain('staat nu op plaats 2');

    // A fourth growth level gives every sub-dimension a fourth descriptor; focus goes to its name.
    await dirk.getByTestId('add-level').click();
    await expect
      .poll(() => dirk.evaluate(() => document.activeElement?.getAttribute('data-index')))
      .toBe('3');
    await dirk.keyboard.type('Meester');
    await expect.poll(() => dirk.getByTestId('descriptor').count()).toBe(24);
    await expectStatus(dirk, 'saved');

    // Two editors type in the same field at once, one at the start, one at the end: the Y.Text
    // merges per character and each caret stays where its owner was typing.
    const { context: frankContext, user: frank } = await newSignedInContext(harness, 'Frank');
    await addMemberViaApi(dirkContext, url, atelierId, frank.email, 'editor');
    const frankPage = await openPage(frankContext, url, `/ontwikkelpaden/${draftId}`, 'Frank');
    const titleOf = (page: Page) =>
      page.locator(`[data-outcome-id="${firstId}"] [data-testid="outcome-title"]`);
    await expect.poll(() => titleOf(frankPage).inputValue(), { timeout: 10_000 }).toBe('Kern en keuze');
    await titleOf(dirk).click();
    await dirk.keyboard.press('End');
    await titleOf(frankPage).click();
    await frankPage.keyboard.press('Home');
    await Promise.all([
      dirk.keyboard.type(' in de praktijk', { delay: 25 }),
      frankPage.keyboard.type('Nieuw: ', { delay: 25 }),
    ]);
    for (const page of [dirk, frankPage]) {
      await expect
        .poll(() => titleOf(page).inputValue(), { timeout: 10_000 })
        .toBe('Nieuw: Kern en keuze in de praktijk');
    }
    await expectStatus(frankPage, 'saved');

    // Eva sees all of it live, and can change nothing.
    await expect
      .poll(
        () =>
          evaPage
            .getByTestId('rubric-level')
            .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
        {
          timeout: 10_000,
        },
      )
      .toEqual(['Startbekwaam', 'Vakbekwaam', 'Expert', 'Meester']);
    await expect.poll(() => outcomeCodes(evaPage)).toEqual(await outcomeCodes(dirk));
    expect(await evaPage.getByTestId('readonly-banner').innerText()).toContain('lezer');
    expect(await evaPage.getByTestId('op-title').isDisabled()).toBe(true);
    expect(await evaPage.getByTestId('outcome-code').first().isDisabled()).toBe(true);
    expect(await evaPage.getByTestId('outcome-description').first().isDisabled()).toBe(true);
    expect(await evaPage.getByTestId('rubric-enabled').isDisabled()).toBe(true);
    expect(
      await evaPage.locator('[data-testid="op-description"] .ProseMirror').getAttribute('aria-readonly'),
    ).toBe('true');
    expect(await evaPage.getByTestId('add-outcome').count()).toBe(0);
    expect(await evaPage.getByTestId('publish-open').count()).toBe(0);
    await expectStatus(evaPage, 'read-only');
    expect(await axeViolations(evaPage)).toEqual([]);

    // In English, too.
    await evaPage.getByRole('button', { name: 'EN — English' }).click();
    await expect
      .poll(() => evaPage.getByRole('heading', { name: 'Checks before publishing' }).count())
      .toBe(1);
    expect(await evaPage.getByRole('heading', { name: 'Themes and learning outcomes' }).count()).toBe(1);

    // An unknown version is a friendly dead end.
    await evaPage.goto(`${url}/bibliotheek/bestaat-niet`);
    await expect.poll(() => evaPage.getByTestId('version-unavailable').count(), { timeout: 10_000 }).toBe(1);
  }, 60_000);
});
