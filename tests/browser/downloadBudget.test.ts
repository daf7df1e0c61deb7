import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CLIENT_DIST } from '../../server/app';
import { useHarness } from './helpers';

// What a visitor's browser downloads for the login page: the first visit (empty cache) within the
// budget, a repeat visit only index.html (revalidated), the rest from the HTTP cache.

const harness = useHarness();

/** The first visit of the login page may download at most this much (compressed, headers included). */
const FIRST_VISIT_BUDGET = 200_000;

interface Fetched {
  url: string;
  status: number;
  fromCache: boolean;
  contentEncoding: string | undefined;
  /** Bytes over the wire (headers and compressed body); 0 when served from the cache. */
  bytes: number;
}

/**
 * Opens `urlPath` in a new page of `context` and records every response through the DevTools
 * protocol until the network is idle: its size over the wire and whether the cache served it.
 */
async function visit(
  context: BrowserContext,
  urlPath: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; fetched: Fetched[]; record: () => Fetched[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map<string, Fetched>();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    byId.set(requestId, {
      url: new URL(response.url).pathname,
      status: response.status,
      fromCache: Boolean(response.fromDiskCache || response.fromPrefetchCache),
      contentEncoding: Object.entries(response.headers).find(
        ([name]) => name.toLowerCase() === 'content-encoding',
      )?.[1],
      bytes: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const entry = byId.get(requestId);
    if (entry) entry.fromCache = true;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = byId.get(requestId);
    if (entry) entry.bytes = encodedDataLength;
  });
  await page.goto(`${harness.server.url}${urlPath}`, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  const record = () => [...byId.values()];
  return { page, fetched: record(), record };
}

const loginForm = (page: Page) => page.getByRole('heading', { name: 'Inloggen' }).waitFor();
const sum = (fetched: Fetched[]) => fetched.reduce((total, entry) => total + entry.bytes, 0);
const chunk = (name: string) => new RegExp(`^/assets/${name}-[\\w-]+\\.js$`);

/** The chunks the current build's main script may load later (its dynamic imports and their deps). */
function lazyChunks(): string[] {
  const page = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
  const main = /src="\/(assets\/index-[\w-]+\.js)"/.exec(page)?.[1];
  if (!main) throw new Error('index.html names no main script');
  const code = fs.readFileSync(path.join(CLIENT_DIST, main), 'utf8');
  const names = [...code.matchAll(/[/"'`](\w+-[\w-]+\.js)["'`]/g)].map((match) => match[1]);
  return [...new Set(names)].map((name) => `/assets/${name}`);
}

describe('download budget of the login page', () => {
  test('the first visit stays within 200 KB, compressed, without the editor, zod or the English catalog', async () => {
    const context = await harness.newContext();
    const { fetched } = await visit(context, '/inloggen', loginForm);
    const assets = fetched.filter((entry) => entry.url.startsWith('/assets/'));
    const total = sum(fetched);
    console.info(`first visit of /inloggen: ${total} bytes in ${fetched.length} responses`);

    expect(total).toBeGreaterThan(10_000);
    expect(total).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
    expect(assets.length).toBeGreaterThan(0);
    for (const entry of assets) {
      // Uncompressed only where no copy is smaller: a chunk of a hundred-odd bytes (+ ~1 KB headers).
      if (entry.contentEncoding === undefined) expect(entry.bytes, entry.url).toBeLessThan(2_000);
      else expect(entry.contentEncoding, entry.url).toMatch(/^(?:br|gzip)$/);
    }
    const urls = fetched.map((entry) => entry.url);
    expect(urls.filter((url) => chunk('nl').test(url))).toHaveLength(1);
    // Chunks of their own that the main script can load, and that this visit did not.
    const lazy = lazyChunks();
    for (const left of ['en', 'zod', 'HomeScene', 'TeamScene', 'DocumentEditorScene']) {
      expect(
        lazy.filter((url) => chunk(left).test(url)),
        left,
      ).toHaveLength(1);
      expect(
        urls.filter((url) => chunk(left).test(url)),
        left,
      ).toEqual([]);
    }
    expect(urls.filter((url) => chunk('RichTextEditor').test(url))).toEqual([]);
  });

  test('a repeat visit downloads only index.html; every asset comes from the HTTP cache', async () => {
    const context = await harness.newContext();
    const first = await visit(context, '/inloggen', loginForm);
    await first.page.close();

    const { fetched } = await visit(context, '/inloggen', loginForm);
    const fromNetwork = fetched.filter((entry) => !entry.fromCache && !entry.url.startsWith('/api/'));
    expect(fromNetwork.map((entry) => entry.url)).toEqual(['/inloggen']);
    const assets = fetched.filter((entry) => entry.url.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((entry) => !entry.fromCache)).toEqual([]);
  });

  test('zod arrives with the form’s first focus; a switch to English loads that catalog, and a reload only it', async () => {
    const context = await harness.newContext();
    const { page, record } = await visit(context, '/inloggen', loginForm);
    const requested = (name: string) => record().filter((entry) => chunk(name).test(entry.url)).length;
    expect(requested('zod')).toBe(0);

    await page.getByLabel('E-mailadres').focus();
    await expect.poll(() => requested('zod')).toBe(1);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');

    expect(requested('en')).toBe(0);
    await page.getByRole('button', { name: 'EN — English' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(requested('en')).toBe(1);
    await page.close();

    const again = await visit(context, '/inloggen', (reloaded) =>
      reloaded.getByRole('heading', { name: 'Log in' }).waitFor(),
    );
    const urls = again.fetched.map((entry) => entry.url);
    expect(urls.filter((url) => chunk('en').test(url))).toHaveLength(1);
    expect(urls.filter((url) => chunk('nl').test(url))).toEqual([]);
  });
});
