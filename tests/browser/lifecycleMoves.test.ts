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
 * repeats it), and "past niet" in interne toetsing parks the design after a confirmation naming the
 * consequence. Statuses past the R13 gate are written straight into the database, as the server
 * tests do.
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
  test('one clear reason for a refused step; "past niet" parks the design after a confirmation', async () => {
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
      'Interne toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet.',
    );

    // The English UI says the same refusal in English (the server sends its code besides the sentence).
    await page.evaluate(() => localStorage.setItem('werkplaats:language', 'en'));
    await page.reload();
    await expect
      .poll(() => gated.getByTestId('lifecycle-reason').innerText(), { timeout: 10_000 })
      .toBe('Internal review is not possible yet: no feedback round that meets R13 yet.');
    await page.evaluate(() => localStorage.setItem('werkplaats:language', 'nl'));

    await forceStatus(designId, 'interne-toetsing');
    await page.reload();
    const moves = page.getByTestId('lifecycle-move');
    await expect.poll(() => moves.count(), { timeout: 10_000 }).toBe(3);
    expect(await moves.allInnerTexts()).toEqual([
      'Aanmelden voor externe toetsing\n\nAanmelden voor externe toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet.',
      'Naar “Prototype” — Opwerken',
      'Parkeren — past niet binnen de kaders',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    const park = page.locator('[data-testid="lifecycle-move"][data-to="geparkeerd"]');
    await park.getByTestId('lifecycle-move-button').click();
    await park.getByLabel('Toelichting (verplicht)').fill('Past niet bij de opleiding.');
    await park.getByTestId('lifecycle-confirm').click();
    // The confirmation names the consequence before anything changes.
    await expect
      .poll(() => park.locator('.confirm').innerText())
      .toContain('alleen-lezen tot een eigenaar het heropent');
    expect(await axeViolations(page)).toEqual([]);
    await park.getByTestId('lifecycle-confirm-confirm').click();
    await expect
      .poll(() => page.getByTestId('status-badge').first().getAttribute('data-status'), { timeout: 10_000 })
      .toBe('geparkeerd');
    expect(await page.getByTestId('parked-hint').innerText()).toMatch(/nieuwe ontwikkelpaden/);
    expect(await page.getByTestId('lifecycle-history').textContent()).toContain(
      '(Past niet binnen de kaders)',
    );
    expect(await moves.allInnerTexts()).toEqual(['Heropenen']);
  });
});
