import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../../server/cli/clientPublish';
import {
  apiRequest,
  createDocumentAt,
  createOwnerAt,
  makeDataDir,
  removeDataDir,
} from '../../support/server';
import { copyCheckout, runBuildSteps, startInstance, type Instance } from './checkoutCopy';

// Several instances started from one checkout, one after another, each with its own PORT and
// DATA_DIR: starting one after the sources changed rebuilds client and server, and the one already
// running keeps everything it serves and loads later.

const MARKER = `rebuilt-${process.pid}`;
let checkout: string;
const dataDirs = [makeDataDir(), makeDataDir()];
const instances: Instance[] = [];

beforeAll(() => {
  checkout = copyCheckout();
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  for (const dataDir of dataDirs) removeDataDir(dataDir);
  fs.rmSync(checkout, { recursive: true, force: true });
});

/** The `/assets/…` files a page names (entry script, stylesheet, preloads). */
function assetsNamedIn(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
}

async function page(url: string): Promise<string> {
  const response = await fetch(`${url}/`);
  expect(response.status).toBe(200);
  return response.text();
}

/**
 * An asset's bytes. A missing one would come back as the page (200, text/html: every unknown path
 * serves index.html for the client's routes), so the type is checked too.
 */
async function asset(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type') ?? '', url).not.toMatch(/^text\/html/);
  return Buffer.from(await response.arrayBuffer());
}

function launcherBundle(): string {
  const launcher = fs.readFileSync(path.join(checkout, 'dist/server/start.mjs'), 'utf8');
  return /import\('\.\/([0-9a-f]+)\/start\.mjs'\)/.exec(launcher)![1]!;
}

describe('npm start beside a running instance of the same checkout', () => {
  it('rebuilds without disturbing the running instance, and the new instance serves the new build', async () => {
    await runBuildSteps(checkout);
    const first = await startInstance(checkout, dataDirs[0]!);
    instances.push(first);
    const firstBundle = launcherBundle();
    const firstPage = await page(first.url);
    const assetsDir = path.join(checkout, 'dist/client/assets');
    // The compressed copies are no URLs of their own (fetch asks for them and decodes them). Source
    // maps are left out: a chunk that did not change keeps its name, but its map names node_modules
    // by a relative path, and this copy's node_modules is a link to the checkout's.
    const firstAssets = new Map(
      listFiles(assetsDir)
        .filter((file) => !/\.(?:br|gz|map)$/.test(file))
        .map((file) => [file, fs.readFileSync(path.join(assetsDir, file))]),
    );
    // The .docx export is not used yet: its server chunk is imported only by the request below.
    const owner = await createOwnerAt(first.url);
    const docId = await createDocumentAt(first.url, owner);

    // Changed sources, both lazily loaded server code and the client: new chunk names on both sides.
    fs.appendFileSync(
      path.join(checkout, 'client/main.tsx'),
      `\ndocument.documentElement.dataset.build = '${MARKER}';\n`,
    );
    fs.appendFileSync(
      path.join(checkout, 'server/render/exportDocx.ts'),
      `\n(globalThis as Record<string, unknown>).werkplaatsBuild = '${MARKER}';\n`,
    );
    // Two starts at the same moment: the lock lets one build while the other waits and finds it built.
    const logs = await Promise.all([runBuildSteps(checkout), runBuildSteps(checkout)]);
    expect(logs.filter((log) => log.includes('building the client')).length).toBe(1);
    const second = await startInstance(checkout, dataDirs[1]!);
    instances.push(second);
    expect(launcherBundle()).not.toBe(firstBundle);

    // The running instance still serves every asset of its build, byte for byte…
    for (const [file, expected] of firstAssets) {
      expect((await asset(`${first.url}/assets/${file}`)).equals(expected), file).toBe(true);
    }
    // …and a lazily imported server chunk of its own bundle still loads.
    const docx = await apiRequest(first.url, 'GET', `/api/documents/${docId}/export?format=docx`, {
      cookie: owner.cookie,
    });
    expect(docx.status).toBe(200);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // The new instance serves the new client, whole (index.html names no asset that is missing).
    const secondPage = await page(second.url);
    expect(secondPage).not.toBe(firstPage);
    const scripts: string[] = [];
    for (const file of assetsNamedIn(secondPage))
      scripts.push((await asset(`${second.url}${file}`)).toString());
    expect(scripts.join('\n')).toContain(MARKER);
    // index.html is read per request, so the first instance now serves the new page too: whole as well.
    for (const file of [...assetsNamedIn(firstPage), ...assetsNamedIn(await page(first.url))])
      await asset(`${first.url}${file}`);

    expect(await first.stop()).toBe(0);
    expect(await second.stop()).toBe(0);
  }, 120_000);
});
