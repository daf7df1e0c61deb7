import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  addMemberViaApi,
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  nthEditor,
  openPage,
  type TestUser,
  useHarness,
} from './helpers';

const harness = useHarness();
/** Anna owns the team; Bram and Carla are editors in it. One profile (context) each. */
const people: Record<'Anna' | 'Bram' | 'Carla', { context: BrowserContext; user: TestUser }> = {} as never;
let teamId: string;

beforeAll(async () => {
  const url = harness.server.url;
  people.Anna = await newSignedInContext(harness, 'Anna');
  people.Bram = await newSignedInContext(harness, 'Bram');
  people.Carla = await newSignedInContext(harness, 'Carla');
  teamId = await createTeamViaApi(people.Anna.context, url, 'Werkplaats-team');
  // Both typists are editors (not owners): the editor must work with the "bewerker" role.
  await addMemberViaApi(people.Anna.context, url, teamId, people.Bram.user.email, 'editor');
  await addMemberViaApi(people.Anna.context, url, teamId, people.Carla.user.email, 'editor');
});

function createDocument(title: string): Promise<string> {
  return createDocumentViaApi(people.Anna.context, harness.server.url, teamId, title);
}

/** Opens a page as one of the signed-in people. */
function openAs(name: keyof typeof people, urlPath: string): Promise<Page> {
  return openPage(people[name].context, harness.server.url, urlPath, name);
}

function firstEditor(page: Page) {
  return nthEditor(page, 0);
}

describe('the editor in Chromium, with accounts', () => {
  test('two people type at once and see each other’s text and named caret; a reload keeps it all', async () => {
    const id = await createDocument('Samen schrijven');
    const anna = await openAs('Anna', `/d/${id}`);
    const bram = await openAs('Bram', `/d/${id}`);

    // Both type at the same moment, Anna in the first section and Bram in the second.
    await firstEditor(anna).click();
    await nthEditor(bram, 1).click();
    await Promise.all([
      anna.keyboard.type('Anna schrijft hier.', { delay: 15 }),
      bram.keyboard.type('Bram schrijft daar.', { delay: 15 }),
    ]);

    for (const page of [anna, bram]) {
      await expect.poll(() => firstEditor(page).innerText(), { timeout: 10_000 }).toBe('Anna schrijft hier.');
      await expect
        .poll(() => nthEditor(page, 1).innerText(), { timeout: 10_000 })
        .toBe('Bram schrijft daar.');
    }

    // Then both in the same paragraph: Bram types at its start while Anna keeps typing at its end.
    await firstEditor(bram).click();
    await bram.keyboard.press('Home');
    await Promise.all([
      anna.keyboard.type(' En verder.', { delay: 15 }),
      bram.keyboard.type('Kop: ', { delay: 15 }),
    ]);
    for (const page of [anna, bram]) {
      await expect
        .poll(() => firstEditor(page).innerText(), { timeout: 10_000 })
        .toBe('Kop: Anna schrijft hier. En verder.');
    }

    // Each sees the other's caret, labelled with the name from the other's account.
    await expect
      .poll(() => bram.locator('.collaboration-carets__label', { hasText: 'Anna' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect
      .poll(() => anna.locator('.collaboration-carets__label', { hasText: 'Bram' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);

    // Both reach "Opgeslagen": the server acknowledged every update as durable.
    for (const page of [anna, bram]) await expectStatus(page, 'saved');

    const before = await firstEditor(anna).innerText();
    await anna.reload();
    await expect.poll(() => firstEditor(anna).innerText(), { timeout: 10_000 }).toBe(before);

    // A brand-new profile of another member (no IndexedDB copy) gets everything from the server.
    const carla = await openAs('Carla', `/d/${id}`);
    await expect.poll(() => firstEditor(carla).innerText(), { timeout: 10_000 }).toBe(before);
  });

  test('the status says "Verbinden…" until the first connection, never "Offline" on a normal load', async () => {
    const id = await createDocument('Eerste keer laden');
    const page = await people.Bram.context.newPage();
    const seen: string[] = [];
    await page.exposeFunction('recordStatus', (state: string) => seen.push(state));
    await page.addInitScript(() => {
      // Records every state the status line shows, from its first render on.
      new MutationObserver(() => {
        const state = document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state');
        const record = (window as unknown as { recordStatus: (s: string) => void }).recordStatus;
        const last = (window as unknown as { lastStatus?: string }).lastStatus;
        if (state && state !== last) {
          (window as unknown as { lastStatus?: string }).lastStatus = state;
          void record(state);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(`${harness.server.url}/d/${id}`);
    await expectStatus(page, 'saved');
    expect(seen[0]).toBe('connecting');
    expect(seen).not.toContain('offline');
    await page.close();
  });

  test('edits made offline are kept and sync on reconnect', async () => {
    const id = await createDocument('Offline werken');
    const anna = await openAs('Anna', `/d/${id}`);
    const bram = await openAs('Bram', `/d/${id}`);
    await expectStatus(anna, 'saved');

    await anna.context().setOffline(true);
    await expectStatus(anna, 'offline', 15_000);
    expect(await anna.getByTestId('save-status').innerText()).toContain('Offline');
    await firstEditor(anna).click();
    await anna.keyboard.type('Geschreven in de trein.');
    // Not relayed while offline.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await firstEditor(bram).innerText()).not.toContain('Geschreven in de trein.');

    await anna.context().setOffline(false);
    await expect
      .poll(() => firstEditor(bram).innerText(), { timeout: 20_000 })
      .toContain('Geschreven in de trein.');
    await expectStatus(anna, 'saved', 20_000);
  });

  test('undo only undoes your own changes', async () => {
    const id = await createDocument('Ongedaan maken');
    const anna = await openAs('Anna', `/d/${id}`);
    const bram = await openAs('Bram', `/d/${id}`);
    await firstEditor(anna).click();
    await anna.keyboard.type('Van Anna.');
    await expect.poll(() => firstEditor(bram).innerText(), { timeout: 10_000 }).toContain('Van Anna.');
    await firstEditor(bram).click();
    await bram.keyboard.press('End');
    await bram.keyboard.type(' Van Bram.');
    await expect.poll(() => firstEditor(anna).innerText(), { timeout: 10_000 }).toContain('Van Bram.');

    await firstEditor(anna).click();
    await anna.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => firstEditor(anna).innerText(), { timeout: 10_000 }).not.toContain('Van Anna.');
    expect(await firstEditor(anna).innerText()).toContain('Van Bram.');
    await expect.poll(() => firstEditor(bram).innerText(), { timeout: 10_000 }).not.toContain('Van Anna.');
  });

  test('the editor with two people present has no WCAG 2.1 AA violations', async () => {
    const id = await createDocument('Toegankelijk');
    const anna = await openAs('Anna', `/d/${id}`);
    const bram = await openAs('Bram', `/d/${id}`);
    await firstEditor(bram).click();
    await bram.keyboard.type('Bram is er ook.');
    await expect
      .poll(() => anna.locator('.collaboration-carets__label', { hasText: 'Bram' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expectStatus(anna, 'saved');
    expect(await axeViolations(anna)).toEqual([]);
  });
});
