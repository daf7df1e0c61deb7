import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  openPage,
  tabTo,
  useHarness,
} from './helpers';

const harness = useHarness();

const pathOf = (page: Page) => new URL(page.url()).pathname;

describe('existing offer and the interne toetsing form in Chromium', () => {
  test('a team enters existing offer from its team page by keyboard: it opens at interne toetsing, marked "Bestaand aanbod", with the questions to answer', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Ilse');
    const teamId = await createTeamViaApi(context, url, 'Lab Bestaand', 'cocreatieteam');
    const page = await openPage(context, url, `/teams/${teamId}`, 'Ilse');
    const form = page.getByTestId('new-design-form');
    await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(true);
    await form.getByLabel('Titel van het leerarrangement').fill('Cursus klassenmanagement');
    // The choice is a radio group: Tab reaches the checked "Nieuw ontwerp", an arrow moves on.
    const nieuw = form.getByRole('radio', { name: /Nieuw ontwerp/ });
    expect(await nieuw.isChecked()).toBe(true);
    await tabTo(page, '[data-testid="design-origin-choice"] input:checked');
    await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: /Bestaand aanbod/ }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toMatch(/^\/ontwerpen\/[0-9a-f-]+$/);

    await expect
      .poll(() => page.getByTestId('design-origin').innerText(), { timeout: 10_000 })
      .toBe('Bestaand aanbod');
    await expect
      .poll(() => page.getByTestId('status-badge').first().getAttribute('data-status'), { timeout: 10_000 })
      .toBe('interne-toetsing');
    const r13 = page.locator('[data-testid="check-item"][data-rule="R13"]').first();
    // The message is in the row's details (closed): its text, not what is rendered.
    await expect.poll(() => r13.textContent(), { timeout: 10_000 }).toContain('op het bestaande materiaal');

    // The interne toetsing questions, quoted from the seed, answered in the document.
    const questions = page.getByTestId('internal-review-question');
    expect(await questions.count()).toBe(4);
    expect(await questions.first().innerText()).toContain('Wat komt uit de regionale vraagarticulatie');
    await page
      .locator('#internal-review-vraagarticulatie')
      .fill('Veel vraag naar klassenmanagement in de regio.');
    await expectStatus(page, 'saved');
    await page.reload();
    await expect
      .poll(() => page.locator('#internal-review-vraagarticulatie').inputValue(), { timeout: 10_000 })
      .toBe('Veel vraag naar klassenmanagement in de regio.');
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);
});
