import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { launchBrowser } from '../support/browser';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let browser: Browser;
let dataDir: string;
const contexts: BrowserContext[] = [];

async function createDocument(title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Opens a page in a fresh browser profile (its own IndexedDB and localStorage) as `name`. */
async function openAs(name: string, urlPath: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error));
  await page.goto(`${server.url}${urlPath}`);
  const nameField = page.getByLabel(/je naam/i);
  await nameField.fill(name);
  await nameField.press('Enter');
  return page;
}

function nthEditor(page: Page, index: number) {
  return page.locator('[data-testid="section-editor"]').nth(index).locator('.ProseMirror');
}

function firstEditor(page: Page) {
  return nthEditor(page, 0);
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> };
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target),
    }));
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-browser-'));
  server = await startServer({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the editor in Chromium', () => {
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

    // Each sees the other's caret, labelled with the other's name.
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
    for (const page of [anna, bram]) {
      await expect
        .poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 })
        .toBe('saved');
    }

    const before = await firstEditor(anna).innerText();
    await anna.reload();
    await expect.poll(() => firstEditor(anna).innerText(), { timeout: 10_000 }).toBe(before);

    // A brand-new profile (no IndexedDB copy) gets everything from the server.
    const carla = await openAs('Carla', `/d/${id}`);
    await expect.poll(() => firstEditor(carla).innerText(), { timeout: 10_000 }).toBe(before);
  });

  test('edits made offline are kept and sync on reconnect', async () => {
    const id = await createDocument('Offline werken');
    const anna = await openAs('Anna', `/d/${id}`);
    const bram = await openAs('Bram', `/d/${id}`);
    await expect
      .poll(() => anna.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('saved');

    await anna.context().setOffline(true);
    await expect
      .poll(() => anna.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('offline');
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
    await expect
      .poll(() => anna.getByTestId('save-status').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('saved');
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

  test('the document list and the editor with two people present have no WCAG 2.1 AA violations', async () => {
    const id = await createDocument('Toegankelijk');
    const list = await openAs('Anna', '/');
    await expect
      .poll(() => list.getByRole('link', { name: 'Toegankelijk' }).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await axeViolations(list)).toEqual([]);

    const anna = await openAs('Anna', `/d/${id}`);
    const bram = await openAs('Bram', `/d/${id}`);
    await firstEditor(bram).click();
    await bram.keyboard.type('Bram is er ook.');
    await expect
      .poll(() => anna.locator('.collaboration-carets__label', { hasText: 'Bram' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await axeViolations(anna)).toEqual([]);
  });
});
