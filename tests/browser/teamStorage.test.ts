import { describe, expect, test } from 'vitest';
import {
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

const harness = useHarness();

describe('team storage in Chromium', () => {
  test('the team page shows "Opslag: … MB van 2 GB" with a labelled meter, axe-clean', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Saar');
    const teamId = await createTeamViaApi(context, url, 'Team Opslag');
    await createDocumentViaApi(context, url, teamId, 'Iets om op te slaan');

    const page = await openPage(context, url, `/teams/${teamId}`, 'Saar');
    await expect.poll(() => page.getByTestId('team-storage').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('team-storage').innerText()).toMatch(/^Opslag: \d+(,\d)? MB van 2 GB\s*$/);
    const meter = page.getByRole('meter', { name: /^Opslag:/ });
    expect(await meter.getAttribute('max')).toBe('2000000000');
    expect(Number(await meter.getAttribute('value'))).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
