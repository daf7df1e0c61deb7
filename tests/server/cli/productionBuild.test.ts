import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listFiles } from '../../../server/cli/clientPublish';
import { createDocumentAt, createOwnerAt, makeDataDir, removeDataDir, REPO_ROOT } from '../../support/server';
import {
  connectSynced,
  sectionFragment,
  sectionIds,
  sectionText,
  waitForAllAcked,
} from '../../support/yclient';
import { copyCheckout } from './checkoutCopy';
import { npm, npmServe, type NpmServer } from './npmRun';

// The production start an operator does outside a container: `npm run build` on a machine with the
// sources and devDependencies, then only `dist/`, package.json and package-lock.json go to another
// directory, which gets the production dependencies (`npm ci --omit=dev`) and runs `npm run serve`.

const checkout = copyCheckout();
const production = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-production-'));
const dataDir = makeDataDir();
const servers: NpmServer[] = [];

afterAll(() => {
  for (const server of servers) server.kill();
  for (const dir of [checkout, production]) fs.rmSync(dir, { recursive: true, force: true });
  removeDataDir(dataDir);
});

describe('the production build', () => {
  it('runs elsewhere on production dependencies only: sign up, edit over the socket, restart, the edit is there', async () => {
    const built = await npm(checkout, ['run', 'build']);
    expect(built.code, built.output).toBe(0);

    // Nothing in the build names the directory it was built in.
    const dist = path.join(checkout, 'dist');
    const buildPaths = [checkout, fs.realpathSync(checkout), REPO_ROOT.replace(/\/$/, '')];
    const naming = listFiles(dist).filter((file) => {
      const text = fs.readFileSync(path.join(dist, file), 'latin1');
      return buildPaths.some((buildPath) => text.includes(buildPath));
    });
    expect(naming).toEqual([]);

    fs.cpSync(dist, path.join(production, 'dist'), { recursive: true });
    for (const file of ['package.json', 'package-lock.json'])
      fs.copyFileSync(path.join(checkout, file), path.join(production, file));
    // The build's sources go away: the production start may not reach back to them.
    fs.rmSync(checkout, { recursive: true, force: true });
    const installed = await npm(production, [
      'ci',
      '--omit=dev',
      '--ignore-scripts=false',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ]);
    expect(installed.code, installed.output).toBe(0);
    // 15 s on an idle 2-core machine from a warm npm cache (CI has just run npm ci), 65 s under load.
    console.info(`npm ci --omit=dev took ${(installed.ms / 1000).toFixed(1)} s`);
    // No devDependency is there to lean on (vite builds the client, vitest tests it).
    for (const dev of ['vite', 'vitest', 'typescript'])
      expect(fs.existsSync(path.join(production, 'node_modules', dev)), dev).toBe(false);

    const first = await npmServe(production, dataDir);
    servers.push(first);
    const owner = await createOwnerAt(first.url);
    const docId = await createDocumentAt(first.url, owner, { title: 'In productie', sections: ['Doel'] });
    const editor = await connectSynced(`${first.url.replace(/^http/, 'ws')}/collab`, docId, {
      durable: true,
      cookie: owner.cookie,
    });
    const [section] = sectionIds(editor.doc);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Getypt in de productie-build')]);
    sectionFragment(editor.doc, section!).insert(0, [paragraph]);
    await waitForAllAcked(editor);
    editor.destroy();
    await first.stop();

    const second = await npmServe(production, dataDir);
    servers.push(second);
    const reader = await connectSynced(`${second.url.replace(/^http/, 'ws')}/collab`, docId, {
      cookie: owner.cookie,
    });
    expect(sectionText(reader.doc, section!)).toContain(
      '<paragraph>Getypt in de productie-build</paragraph>',
    );
    reader.destroy();
    // The built client is served too.
    const page = await fetch(`${second.url}/`);
    expect(await page.text()).toMatch(/<html lang="nl">/);
    await second.stop();
    expect(second.output()).not.toMatch(/"level":(?:50|60)|\bERROR\b|Error:/);
  }, 300_000);
});
