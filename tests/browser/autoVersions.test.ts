import { describe, expect, test } from 'vitest';
import {
  addMemberViaApi,
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  nthEditor,
  openPage,
  useHarness,
} from './helpers';

/**
 * Issue 24, automatic version history: edits by two people become a version of its own once the
 * document rests, listed under its day with both authors, quieter than a named one; it can be
 * previewed and restored like a named version.
 */

const harness = useHarness({ AUTO_VERSION_IDLE_SECONDS: '2', AUTO_VERSION_EVERY_SECONDS: '60' });

describe('automatic versions', () => {
  test('two people edit, the document rests, a version names both; preview and restore it', async () => {
    const url = harness.server.url;
    const fleur = await newSignedInContext(harness, 'Fleur Schrijver');
    const gijs = await newSignedInContext(harness, 'Gijs Aanvuller');
    const teamId = await createTeamViaApi(fleur.context, url, 'Lab Geschiedenis');
    await addMemberViaApi(fleur.context, url, teamId, gijs.user.email, 'editor');
    const id = await createDocumentViaApi(fleur.context, url, teamId, 'Automatisch bewaard');

    const page = await openPage(fleur.context, url, `/d/${id}`, 'Fleur');
    const other = await openPage(gijs.context, url, `/d/${id}`, 'Gijs');
    await nthEditor(page, 0).click();
    await page.keyboard.type('Fleur begint.', { delay: 5 });
    await expect.poll(() => nthEditor(other, 0).innerText(), { timeout: 10_000 }).toBe('Fleur begint.');
    await nthEditor(other, 0).click();
    await other.keyboard.press('End');
    await other.keyboard.type(' Gijs vult aan.', { delay: 5 });
    await expectStatus(other, 'saved');

    await page.getByTestId('versions-open').click();
    const item = page.locator('[data-testid="version-item"][data-auto="true"]');
    // The list loads when the dialog opens: reopen until the rested document's version is there.
    await expect
      .poll(
        async () => {
          if ((await item.count()) > 0) return true;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(500);
          await page.getByTestId('versions-open').click();
          return false;
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(true);
    expect(await item.count()).toBe(1);
    const text = await item.innerText();
    expect(text).toContain('Automatisch opgeslagen');
    expect(text).toMatch(/bewerkt door (Fleur Schrijver, Gijs Aanvuller|Gijs Aanvuller, Fleur Schrijver)/);
    expect(await page.locator('.version-day__heading').first().innerText()).toMatch(/\d{4}/);
    expect(await axeViolations(page)).toEqual([]);

    await item.getByTestId('version-view-open').click();
    await expect
      .poll(() => page.getByTestId('version-view').innerText())
      .toContain('Fleur begint. Gijs vult aan.');
    await page.getByTestId('versions-back').click();
    await page.keyboard.press('Escape');

    await nthEditor(page, 0).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Weg ermee.', { delay: 5 });
    await expectStatus(page, 'saved');
    await page.getByTestId('versions-open').click();
    await page
      .locator('[data-testid="version-item"][data-auto="true"]')
      .last()
      .getByTestId('version-restore')
      .click();
    await page.getByTestId('version-restore-confirm').click();
    await expect.poll(() => page.getByTestId('versions-status').innerText()).toContain('hersteld');
    await page.keyboard.press('Escape');
    for (const seen of [page, other]) {
      await expect
        .poll(() => nthEditor(seen, 0).innerText(), { timeout: 10_000 })
        .toBe('Fleur begint. Gijs vult aan.');
    }
  });
});
