import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  api,
  axeViolations,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  openPage,
  exampleTemplate,
  useHarness,
} from './helpers';

const harness = useHarness();

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** data-status of the check item of `rule` in the live checks panel. */
function ruleStatus(page: Page, rule: string) {
  return () =>
    page.locator(`[data-testid="check-item"][data-rule="${rule}"]`).first().getAttribute('data-status');
}

const TARGETED = ['sc-wat-1', 'sc-hoe-1'];
const ALL = ['sc-wat-1', 'sc-wat-2', 'sc-wat-3', 'sc-hoe-1', 'sc-hoe-2', 'sc-hoe-3'];

describe('leerarrangementen and trajecten in Chromium', () => {
  test('a co-creatieteam designs a leerarrangement from the example until every must-rule is green, then sees it in a traject’s coverage matrix', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Dana');
    const teamId = await createTeamViaApi(context, url, 'Lab Curriculum', 'cocreatieteam');
    const example = await exampleTemplate(context, url);

    // Start from the library version page.
    const page = await openPage(context, url, `/bibliotheek/${example.id}`, 'Dana');
    await page.getByLabel('Titel van het leerarrangement').fill('Curriculum in de school');
    await page.getByTestId('start-design-submit').click();
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toMatch(/^\/ontwerpen\/[0-9a-f-]+$/);
    const designId = pathOf(page).split('/').pop() as string;
    await expect.poll(() => page.getByTestId('design-outcome').count(), { timeout: 10_000 }).toBe(6);
    expect(await page.getByTestId('design-template').innerText()).toContain(
      'Specialist Curriculumontwikkeling',
    );
    // Template guidance shows above the sections.
    expect(await page.getByTestId('section-guidance').count()).toBeGreaterThan(0);

    // Level and sectors come from the template; the rest is still open.
    await expect.poll(ruleStatus(page, 'R5')).toBe('pass');
    await expect.poll(ruleStatus(page, 'R6')).toBe('pass');
    expect(await ruleStatus(page, 'R4')()).toBe('fail');
    expect(await ruleStatus(page, 'R8')()).toBe('fail');
    expect(await ruleStatus(page, 'R9')()).toBe('fail');
    expect(await ruleStatus(page, 'R13')()).toBe('fail');

    // A check item takes focus to its field.
    await page.locator('[data-testid="check-item"][data-rule="R9"] button').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-trajectRelation');

    // Outcomes by keyboard-accessible checkboxes; R4 turns green live.
    for (const id of TARGETED) await page.locator(`#outcome-${id}`).check();
    await expect.poll(ruleStatus(page, 'R4')).toBe('pass');
    await expect.poll(ruleStatus(page, 'R7')).toBe('fail');
    for (const id of TARGETED) await page.locator(`#evidence-${id}`).fill(`Portfolio met bewijs voor ${id}.`);
    await expect.poll(ruleStatus(page, 'R7')).toBe('pass');

    // Placement vertical, step 1.
    await page.getByRole('radio', { name: /Verticaal/ }).check();
    await page.getByLabel('Stap in de volgorde').fill('1');
    await expect.poll(ruleStatus(page, 'R8')).toBe('pass');

    // Relation to the traject.
    await page.locator('#field-trajectRelation').fill('Eerste stap: de basis voor het hele traject.');
    await expect.poll(ruleStatus(page, 'R9')).toBe('pass');

    // Size: 3 ECTS shows 84 hours (the default 28 per ECTS); a formal mode makes R3 apply.
    await page.locator('#field-ects').fill('3');
    await expect.poll(() => page.locator('#field-hours').inputValue()).toBe('84');
    // Without a mode the size cannot be judged yet (R3 amber).
    await expect.poll(ruleStatus(page, 'R3')).toBe('warn');
    await page.getByRole('radio', { name: 'Formeel', exact: true }).check();
    await expect.poll(ruleStatus(page, 'R3')).toBe('pass');

    // An activity, with study load.
    await page.getByTestId('add-activity').click();
    const row = page.getByTestId('activity-row').first();
    await row.getByTestId('activity-title').fill('Intervisie curriculumkeuzes');
    await row.getByTestId('activity-kind').selectOption('intervisie');
    await row.getByTestId('activity-hours').fill('12');
    await row.getByTestId('activity-material').selectOption('nieuw');
    await expect.poll(() => page.getByTestId('load-total').innerText()).toBe('12');

    // Every must-rule except R13 (no closed feedback round yet) is green.
    await expect
      .poll(async () =>
        page
          .locator('[data-testid="check-item"]')
          .evaluateAll((items) =>
            items
              .filter((item) => item.textContent?.includes('(verplicht)'))
              .map((item) => `${item.getAttribute('data-rule')}:${item.getAttribute('data-status')}`),
          ),
      )
      .toEqual(
        expect.arrayContaining([
          'R4:pass',
          'R5:pass',
          'R6:pass',
          'R7:pass',
          'R8:pass',
          'R9:pass',
          'R13:fail',
        ]),
      );
    const mustStatuses = await page
      .locator('[data-testid="check-item"]')
      .evaluateAll((items) =>
        items
          .filter((item) => item.textContent?.includes('(verplicht)'))
          .map((item) => `${item.getAttribute('data-rule')}:${item.getAttribute('data-status')}`),
      );
    expect(mustStatuses.filter((entry) => !entry.endsWith(':pass'))).toEqual(['R13:fail']);
    await expectStatus(page, 'saved');
    expect(await axeViolations(page)).toEqual([]);

    // The server computes the same.
    const checks = await api<{ results: Array<{ ruleId: string; status: string }> }>(
      context,
      url,
      'GET',
      `/api/designs/${designId}/checks`,
    );
    expect(checks.results.find((result) => result.ruleId === 'R7')?.status).toBe('pass');

    // A traject on the same version, from the team page.
    await page.goto(`${url}/teams/${teamId}`);
    const form = page.getByTestId('new-traject-form');
    await form.getByLabel('Titel van het traject').fill('Traject curriculumontwikkeling');
    await form.getByLabel('Versie van het ontwikkelpad').selectOption(example.id);
    await form.getByRole('button', { name: 'Traject aanmaken' }).click();
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toMatch(/^\/trajecten\/[0-9a-f-]+$/);
    await expect.poll(() => page.getByTestId('traject-add').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('matrix-cell').count()).toBe(0);
    await page.getByTestId('traject-add').click();
    await expect.poll(() => page.getByTestId('matrix-cell').count(), { timeout: 10_000 }).toBe(6);

    const cells = await page
      .getByTestId('matrix-cell')
      .evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-outcome-id'), item.getAttribute('data-covered')]),
      );
    expect(Object.fromEntries(cells)).toEqual(
      Object.fromEntries(ALL.map((id) => [id, TARGETED.includes(id) ? 'true' : 'false'])),
    );
    for (const id of ALL) {
      const status = await page.locator(`[data-testid="matrix-status"][data-outcome-id="${id}"]`).innerText();
      expect(status.includes('niet gedekt')).toBe(!TARGETED.includes(id));
    }
    expect(
      await page.locator('[data-testid="traject-check"][data-rule="R1"]').getAttribute('data-status'),
    ).toBe('fail');
    expect(await page.getByTestId('matrix-picture').getAttribute('aria-label')).toContain('2 van 6');
    expect(await page.getByTestId('matrix-csv').getAttribute('href')).toMatch(/matrix\.csv$/);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
