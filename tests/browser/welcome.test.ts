import { describe, expect, test } from 'vitest';
import { axeViolations, newSignedInContext, openPage, useHarness } from './helpers';

/**
 * Issue 24, a welcome: `/` signed out says what Werkplaats is, for whom, and leads to sign-up; a new
 * account without a team sees the first steps and the seeds' terms, by keyboard; axe clean; no
 * sideways scrolling on a phone.
 */

const harness = useHarness();

describe('welcome', () => {
  test('the landing page: three lines, sign-up first, the terms by keyboard, axe clean, 390 px wide', async () => {
    const context = await harness.newContext();
    const page = await openPage(context, harness.server.url, '/', 'visitor');
    await page.getByTestId('landing').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Samen leerarrangementen ontwerpen',
    );
    expect(await page.locator('[data-testid="landing"] > p').count()).toBeGreaterThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);
    const terms = page.locator('details.term-help');
    expect(await terms.count()).toBe(3);
    await terms.first().locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await terms.first().getAttribute('open')).not.toBeNull();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'Account aanmaken' }).click();
    await page.waitForURL(/\/aanmelden$/);
  });

  test('a new account without a team sees the first steps, with the way to the library', async () => {
    const { context } = await newSignedInContext(harness, 'Nina Nieuw');
    const page = await openPage(context, harness.server.url, '/', 'Nina');
    await page.getByTestId('first-steps').waitFor();
    expect(await page.getByTestId('landing').count()).toBe(0);
    expect(await page.getByTestId('first-steps').locator('li').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('first-steps').getByRole('link', { name: 'Naar de bibliotheek' }).click();
    await page.waitForURL(/\/bibliotheek$/);
  });
});
