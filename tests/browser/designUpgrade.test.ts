import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createLab, publishTemplateVersion } from '../support/designFixtures';
import {
  createDesignAt,
  publishedAt,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../support/server';
import * as yclient from '../support/yclient';
import { api, axeViolations } from './helpers';

/**
 * Bug 2 of issue 21: after an upgrade to a version without a targeted leeruitkomst, the design page
 * names it as the version it came from did ("LU 1.2 Mediawijsheid"), never by its internal id; the
 * upgrade itself asks for confirmation, listing what changes.
 */

const KEPT = { id: 'lu-k7q2m1xa', code: 'LU 1.1', title: 'Veilig leerklimaat', description: '' };
const GONE = { id: 'lu-6p1z574e', code: 'LU 1.2', title: 'Mediawijsheid', description: '' };
const NEW = { id: 'lu-9w3n0c2d', code: 'LU 1.3', title: 'Digitale didactiek', description: '' };

let server: TestServer;
let browser: Browser;
let editor: TestUser;
let designId: string;
let v1: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const atelier = await server.owner();
  editor = await server.signUp('Eva Bewerker');
  const labId = await createLab(server, editor, 'Lab Media');
  const first = await publishTemplateVersion(server, atelier, {
    title: 'Mediacoach',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [{ id: 't1', title: 'Media in de klas', outcomes: [KEPT, GONE] }],
  });
  v1 = first.versionId;
  designId = await createDesignAt(server.url, editor, { teamId: labId, templateId: v1, title: 'Mediales' });
  await yclient.editDraft(server.wsUrl, designId, editor, (doc) => {
    yclient.toggleOutcome(doc, KEPT.id, true);
    yclient.toggleOutcome(doc, GONE.id, true);
  });
  await yclient.editDraft(server.wsUrl, first.draftId, atelier, (doc) => {
    yclient.removeDraftOutcome(doc, GONE.id);
    yclient.addDraftOutcome(doc, 't1', NEW);
  });
  await publishedAt(server.url, atelier, first.draftId, { version: '2.0', changeNote: 'Herzien' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ruleText = (page: Page, rule: string) =>
  // The message is in the row's details (closed): its text, not what is rendered.
  page.locator(`[data-testid="check-item"][data-rule="${rule}"]`).textContent();
const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('upgrading a design past a removed leeruitkomst', () => {
  test('confirms with the changes listed, then names the removed outcome by code and title', async () => {
    const context = await browser.newContext();
    await api(context, server.url, 'POST', '/api/auth/login', {
      email: editor.email,
      password: editor.password,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/ontwerpen/${designId}`);
    const notice = page.getByTestId('upgrade-notice');
    await notice.getByTestId('upgrade-button').click();

    // The confirmation step: the question has focus and lists removed and added outcomes.
    const confirm = page.getByTestId('upgrade-confirm');
    await expect.poll(() => activeText(page)).toContain('bevestigen');
    expect(await confirm.getByTestId('upgrade-removed').innerText()).toBe('LU 1.2 Mediawijsheid');
    expect(await confirm.getByTestId('upgrade-added').innerText()).toBe('LU 1.3 Digitale didactiek');
    expect(await axeViolations(page)).toEqual([]);

    // "Annuleren" changes nothing and puts focus back on the button.
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => activeText(page)).toBe('Bijwerken naar versie 2.0');
    const pinned = await api<{ template: { id: string } }>(
      context,
      server.url,
      'GET',
      `/api/designs/${designId}`,
    );
    expect(pinned.template.id).toBe(v1);

    await page.keyboard.press('Enter');
    await page.getByTestId('upgrade-confirm-button').click();
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(0);

    // The outcome list, the evidence field and R4/R7 name it; the internal id shows nowhere.
    const removed = page.locator(`[data-testid="design-outcome"][data-outcome-id="${GONE.id}"]`);
    await expect.poll(() => removed.innerText(), { timeout: 10_000 }).toContain('LU 1.2 Mediawijsheid');
    expect(await removed.innerText()).toContain('verwijderd uit het ontwikkelpad');
    await expect.poll(() => ruleText(page, 'R4')).toContain('LU 1.2 Mediawijsheid');
    await expect.poll(() => ruleText(page, 'R7')).toContain('LU 1.2 Mediawijsheid');
    expect(await page.locator('main').innerText()).not.toContain(GONE.id);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
