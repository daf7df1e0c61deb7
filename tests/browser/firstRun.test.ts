import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations, newUserDetails, openPage, useHarness } from './helpers';

/**
 * Issue 24, the first run: a new account signs up, the first steps offer the example design, one
 * click (here: Enter) opens it filled in, the rules panel is compact with details on demand by
 * keyboard; back home the example can be reopened and deleted. Axe clean on each page.
 */

const harness = useHarness();

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Focuses `selector` and presses Enter: the control works by keyboard. */
async function pressEnterOn(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().focus();
  await page.keyboard.press('Enter');
}

describe('first run', () => {
  test('sign up → first steps → "Verken een voorbeeld" opens a filled-in design; the rules panel is compact', async () => {
    const url = harness.server.url;
    const context = await harness.newContext();
    const page = await openPage(context, url, '/aanmelden', 'Noor');
    const details = newUserDetails('Noor Nieuw');
    await page.getByLabel('Naam', { exact: true }).fill(details.name);
    await page.getByLabel('E-mailadres').fill(details.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(details.password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toBe('/');

    // The first steps: a design of one's own from the example ontwikkelpad, and the example.
    await page.getByTestId('example-explore').waitFor();
    const ownStep = page.getByTestId('first-steps-own-design');
    expect(
      await ownStep.getByRole('link', { name: /Van start- naar vakbekwaam/ }).getAttribute('href'),
    ).toMatch(/^\/bibliotheek\/.+/);
    expect(await axeViolations(page)).toEqual([]);

    await pressEnterOn(page, '[data-testid="example-explore"]');
    await expect.poll(() => pathOf(page), { timeout: 15_000 }).toMatch(/^\/ontwerpen\/[0-9a-f-]+$/);
    const designUrl = pathOf(page);

    // Filled in: title, section text, outcomes; the rules show what is still to do.
    await expect
      .poll(() => page.locator('#field-title').inputValue(), { timeout: 15_000 })
      .toBe('Klassenmanagement in de eerste jaren (voorbeeld)');
    await expect
      .poll(() => page.locator('[contenteditable="true"]', { hasText: 'Startende leraren' }).count())
      .toBe(1);
    expect(await page.locator('#outcome-sv-kla-1').isChecked()).toBe(true);
    const checks = page.getByTestId('checks');
    await expect.poll(() => checks.getByTestId('checks-count').innerText()).toMatch(/^\d+ van \d+ voldaan$/);
    const r7 = checks.locator('[data-testid="check-item"][data-rule="R7"]');
    expect(await r7.getAttribute('data-status')).toBe('fail');

    // Compact: the row shows status in words and the short text; the message waits in the details.
    expect(await r7.locator('summary').innerText()).toMatch(/Niet voldaan\s*R7 Bewijs per leeruitkomst/);
    const message = r7.getByTestId('rule-message');
    expect(await message.isVisible()).toBe(false);
    await pressEnterOn(page, '[data-testid="check-item"][data-rule="R7"] summary');
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await message.innerText()).toContain('LU 1.1');
    expect(await r7.innerText()).toContain(
      'Handreiking voor consortia en co-creatielabs (001), regel 325, 335, 348',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => message.isVisible()).toBe(false);

    // The row's jump button takes focus to the field, by keyboard too.
    await pressEnterOn(page, '[data-testid="check-item"][data-rule="R9"] button');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-trajectRelation');

    // What R1–R13 are, beside the panel.
    const rulesHelp = checks.locator('[data-testid="term-help"][data-term="rules"]');
    await pressEnterOn(page, '[data-testid="checks"] [data-term="rules"] summary');
    expect(await rulesHelp.getAttribute('open')).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    // Home again: the example team is marked, the first steps stay; a second visit opens the same design.
    await page.goto(`${url}/`);
    await page.getByTestId('example-open').waitFor();
    expect(await page.getByTestId('example-badge').count()).toBe(1);
    expect(await page.getByTestId('example-explore').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('example-open').click();
    await expect.poll(() => pathOf(page)).toBe(designUrl);

    // Deleting it: asked first, then the team is gone and the offer is back.
    await page.goto(`${url}/`);
    await page.getByTestId('example-delete').click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByTestId('example-explore').waitFor();
    expect(await page.getByTestId('team-card').count()).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'verwijderd' }).count()).toBe(1);
    // A long walk (sign-up to deletion, four axe runs): ~22 s on a quiet machine.
  }, 90_000);

  test('the terms are explained where they appear: the library, the new-team form', async () => {
    const context = await harness.newContext();
    const details = newUserDetails('Tess Termen');
    await context.request.post(`${harness.server.url}/api/auth/signup`, {
      headers: { origin: harness.server.url },
      data: details,
    });
    const page = await openPage(context, harness.server.url, '/bibliotheek', 'Tess');
    const ontwikkelpad = page.locator('[data-testid="term-help"][data-term="ontwikkelpad"]');
    await ontwikkelpad.waitFor();
    await pressEnterOn(page, '[data-term="ontwikkelpad"] summary');
    expect(await ontwikkelpad.innerText()).toContain('leeruitkomsten');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${harness.server.url}/`);
    const team = page.locator('[data-testid="new-team-form"] [data-term="cocreatieteam"]');
    await team.waitFor();
    await pressEnterOn(page, '[data-testid="new-team-form"] [data-term="cocreatieteam"] summary');
    expect(await team.innerText()).toContain('gelijkwaardigheid');
  });
});
