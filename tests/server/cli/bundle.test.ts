import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../../server/cli/bundle';
import { listFiles } from '../../../server/cli/clientPublish';
import { BUNDLED_FILES_DIR } from '../../../server/cli/relocatable';
import { connectRaw } from '../../support/rawclient';
import {
  createDocumentAt,
  createOwnerAt,
  makeDataDir,
  removeDataDir,
  REPO_ROOT,
  startChildServer,
} from '../../support/server';

// `npm start` runs server/cli/start.ts bundled, on plain Node. Bundled inside the repository (so
// packages resolve from node_modules) into a directory of this test's own.
const outdir = path.join(REPO_ROOT, 'dist', `test-bundle-${process.pid}`);
let dataDir: string;

beforeAll(async () => {
  dataDir = makeDataDir();
  await bundleServer({ start: 'server/cli/start.ts' }, outdir);
}, 60_000);

/** The code of every module in the bundle. */
function bundleCode(): string[] {
  return fs
    .readdirSync(outdir)
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => fs.readFileSync(path.join(outdir, file), 'utf8'));
}

/** `from "pkg/sub"`, `import "pkg"`, `import("@scope/pkg")`, `from "node:fs"`: not `./chunk-….mjs`. */
const PACKAGE_IMPORT = /\b(?:from|import)\s*\(?\s*"((?:node:|@[\w-][\w.-]*\/)?[\w-][\w.-]*(?:\/[\w.-]+)*)"/g;

/** The package an import specifier names (`@scope/name/sub` → `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  removeDataDir(dataDir);
});

describe('the bundled server (npm start)', () => {
  it('keeps packages and lazily loaded modules out of the bundle', () => {
    const files = fs.readdirSync(outdir).filter((file) => file.endsWith('.mjs'));
    const code = files.map((file) => fs.readFileSync(path.join(outdir, file), 'utf8'));
    // docx and argon2 are loaded only when used: docx from the .docx export's own chunk, argon2
    // through a dynamic import. A static import anywhere else would load them at start.
    const eager = files.filter(
      (file, index) =>
        /from "@node-rs\/argon2"/.test(code[index]!) ||
        (/from "docx"/.test(code[index]!) && !file.startsWith('exportDocx-')),
    );
    expect(eager).toEqual([]);
    expect(files.some((file) => file.startsWith('exportDocx-'))).toBe(true);
    expect(files).toContain('worker.mjs');
    expect(code.join('\n')).toMatch(/import\("@node-rs\/argon2"\)/);
    // Packages are imported from node_modules, not copied in.
    expect(code.join('\n')).toMatch(/from "yjs"/);
    expect(code.join('\n')).not.toMatch(/class YXmlElement/);
  });

  it('loads neither mail nor the export writers when it starts: nodemailer at the first mail, Markdown and .docx in the export threads', () => {
    // The modules a starting server loads: the launcher, the server it imports (serve-…), and
    // every chunk they import statically.
    const files = fs.readdirSync(outdir).filter((file) => file.endsWith('.mjs'));
    const pending = ['start.mjs', ...files.filter((file) => file.startsWith('serve-'))];
    const loaded = new Set<string>();
    for (let file = pending.pop(); file; file = pending.pop()) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      const code = fs.readFileSync(path.join(outdir, file), 'utf8');
      for (const match of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.mjs)"/g)) pending.push(match[1]!);
    }
    expect(loaded.size).toBeGreaterThan(2);
    const eager = [...loaded].filter((file) =>
      /from "(nodemailer|prosemirror-markdown|markdown-it|docx)"/.test(
        fs.readFileSync(path.join(outdir, file), 'utf8'),
      ),
    );
    expect(eager).toEqual([]);
    expect(bundleCode().join('\n')).toMatch(/import\("nodemailer"\)/);
  });

  it('imports nothing but production dependencies and Node built-ins (npm ci --omit=dev runs it)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // Static and dynamic imports of packages; the chunks import each other by relative path.
    const imported = new Set(
      bundleCode().flatMap((code) => [...code.matchAll(PACKAGE_IMPORT)].map((match) => match[1]!)),
    );
    const missing = [...imported].filter(
      (specifier) => !specifier.startsWith('node:') && !(packageOf(specifier) in pkg.dependencies),
    );
    expect(missing).toEqual([]);
    // The ones the server cannot run without are among them (the list is not empty by mistake).
    expect(imported).toContain('better-sqlite3');
  });

  it('carries the migrations and seeds it was built with, and no path of this machine', () => {
    for (const dir of ['server/db/migrations', 'server/db/seeds/templates'])
      expect(listFiles(path.join(outdir, BUNDLED_FILES_DIR, dir)), dir).toEqual(
        listFiles(path.join(REPO_ROOT, dir)),
      );
    expect(bundleCode().filter((code) => code.includes(REPO_ROOT))).toEqual([]);
  });

  it('boots on plain Node: migrations, seeds, the API, the client and the sync endpoint work', async () => {
    const child = await startChildServer(dataDir, {}, { args: [path.join(outdir, 'start.mjs')] });
    const { url } = child;
    try {
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
      // The built client is found through the source location (import.meta.url is kept per file).
      const page = await fetch(`${url}/d/iets`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html lang="nl">/);
      // Migrations ran (signup writes users, sessions and teams); the socket syncs.
      const owner = await createOwnerAt(url);
      const docId = await createDocumentAt(url, owner);
      const raw = connectRaw(`${url.replace(/^http/, 'ws')}/collab`, docId, { cookie: owner.cookie });
      await raw.opened;
      await raw.roundTrip();
      expect(raw.step2Count).toBeGreaterThan(0);
      raw.terminate();
      // Exports and diffs run on the worker pool's thread, the bundle's own worker.mjs.
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${url}/api/documents/${docId}${path}`, {
          ...init,
          headers: { cookie: owner.cookie, origin: url, 'content-type': 'application/json' },
        });
      const docx = await api('/export?format=docx');
      expect(docx.status).toBe(200);
      expect(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      const saved = await api('/versions', { method: 'POST', body: JSON.stringify({ label: 'v1' }) });
      const { id } = (await saved.json()) as { id: string };
      expect((await api(`/diff?from=${id}`)).status).toBe(200);
      child.kill('SIGTERM');
      expect((await child.exited).code).toBe(0);
      expect(child.stderr()).not.toMatch(/"level":"error"|Error:/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
