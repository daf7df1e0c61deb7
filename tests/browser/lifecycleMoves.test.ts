import { describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { DesignStatus } from '../../shared/domain/lifecycle';
import { makeDesignGreen } from '../support/designFixtures';
import { editDraft } from '../support/yclient';
import {
  api,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

/**
 * The status list of a design in Chromium: a refused step says why in one sentence (no prefix that
 * repeats it), and "past niet" in interne toetsing is offered as recording an outcome, not as a
 * move to the status the design already has. Statuses past the R13 gate are written straight into
 * the database, as the server tests do.
 */

const harness = useHarness();

async function cookieOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

async function forceStatus(designId: string, status: DesignStatus): Promise<void> {
  await harness.server.deps.database.db
    .updateTable('designs')
    .set({ status })
    .where('doc_id', '=', designId)
    .execute();
}

describe('the status list in Chromium', () => {
  test('one clear reason for a refused step; "past niet" records an outcome and the status stays', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Fien');
    const example = await exampleTemplate(context, url);
    const teamId = await createTeamViaApi(context, url, 'Lab Oost', 'cocreatieteam');
    const { id: designId } = await api<{ id: string }>(context, url, 'POST', '/api/designs', {
      teamId,
      title: 'Samen ontwerpen',
      templateId: example.id,
    });
    // Every must-rule green, so only R13 (no closed feedback round) holds interne toetsing back.
    await editDraft(
      `${url.replace(/^http/, 'ws')}/collab`,
      designId,
      { cookie: await cookieOf(context) },
      (doc) => makeDesignGreen(doc, ['sc-wat-1']),
    );
    await forceStatus(designId, 'prototype');

    const page = await openPage(context, url, `/ontwerpen/${designId}`, 'Fien');
    const gated = page.locator('[data-testid="lifecycle-move"][data-to="interne-toetsing"]');
    await expect.poll(() => gated.getAttribute('data-ok'), { timeout: 10_000 }).toBe('false');
    expect(await gated.getByTestId('lifecycle-reason').innerText()).toBe(
      'Interne toetsing kan nog niet: geen afgeronde feedbackronde.',
    );

    // The English UI says the same refusal in English (the server sends its code besides the sentence).
    await page.evaluate(() => localStorage.setItem('werkplaats:language', 'en'));
    await page.reload();
    await expect
      .poll(() => gated.getByTestId('lifecycle-reason').innerText(), { timeout: 10_000 })
      .toBe('Internal review is not possible yet: no completed feedback round.');
    await page.evaluate(() => localStorage.setItem('werkplaats:language', 'nl'));

    await forceStatus(designId, 'interne-toetsing');
    await page.reload();
    const moves = page.getByTestId('lifecycle-move');
    await expect.poll(() => moves.count(), { timeout: 10_000 }).toBe(3);
    expect(await moves.allInnerTexts()).toEqual([
      'Naar “Aangemeld voor externe toetsing” — Voldoet',
      'Naar “Prototype” — Opwerken',
      'Uitkomst vastleggen: “Past niet binnen de kaders” (de status blijft “Interne toetsing”)',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    const stays = page.locator('[data-testid="lifecycle-move"][data-stays="true"]');
    await stays.getByTestId('lifecycle-move-button').click();
    await stays.getByLabel('Toelichting (verplicht)').fill('Past niet bij de opleiding.');
    await stays.getByRole('button', { name: 'Uitkomst vastleggen', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('lifecycle-history').textContent())
      .toContain('(Past niet binnen de kaders)');
    expect(await page.getByTestId('status-badge').first().getAttribute('data-status')).toBe(
      'interne-toetsing',
    );
  });
});
