import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive, removeLeftoverStaging } from './buildLock';
import { listFiles } from './clientPublish';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where `npm start` keeps its server bundles: one directory per distinct bundle, named by its
 * content hash and never changed once there, plus the launcher `start.mjs` naming the newest.
 */
export const SERVER_BUNDLE_DIR = path.join(root, 'dist/server');

/** The launcher `npm start` runs. */
export const LAUNCHER = path.join(SERVER_BUNDLE_DIR, 'start.mjs');

/** Bundles kept whether or not a process runs them: the newest (current), and two before it. */
export const KEEP_NEWEST = 3;
/** One file per process started through the launcher, named by its pid, holding its bundle's name. */
const RUNNING = '.running';
const STAGING_PREFIX = '.staging-';
const BUNDLE_NAME = /^[0-9a-f]{16}$/;

/**
 * Bundles the server with `bundle` into a staging directory, moves it to `dist/server/<hash>`
 * (unless that bundle is there already), points the launcher at it and prunes old bundles. A running
 * process keeps its own bundle: chunks it imports later (e.g. the .docx export) are never replaced
 * or removed while it runs. Call under the build lock. Returns the bundle's directory.
 */
export async function publishServerBundle(bundle: (outdir: string) => Promise<void>): Promise<string> {
  fs.mkdirSync(SERVER_BUNDLE_DIR, { recursive: true });
  removeLeftoverStaging(SERVER_BUNDLE_DIR, STAGING_PREFIX);
  const staging = fs.mkdtempSync(path.join(SERVER_BUNDLE_DIR, STAGING_PREFIX));
  fs.chmodSync(staging, 0o755); // mkdtemp makes it private; it becomes the bundle's directory
  try {
    await bundle(staging);
    const name = contentHash(staging);
    const directory = path.join(SERVER_BUNDLE_DIR, name);
    if (fs.existsSync(directory)) {
      // Unchanged sources: the same bundle becomes the newest again.
      const now = new Date();
      fs.utimesSync(directory, now, now);
    } else {
      // Staging sits at the same depth, so the source maps' relative paths stay right after the move.
      renameUnlessThere(staging, directory);
    }
    writeLauncher(name);
    pruneBundles(name);
    return directory;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves a directory into place; one already there (a build that raced this one) has the same content. */
function renameUnlessThere(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
}

/** The bundle a running process recorded; empty when it has exited since the directory was read. */
function readRecord(record: string): string {
  try {
    return fs.readFileSync(record, 'utf8');
  } catch {
    return '';
  }
}

/** Every file's relative path and bytes, hashed: equal bundles get the same name. */
function contentHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of listFiles(dir).sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Replaces the launcher by rename, so a starting process reads the old or the new one, whole. Before
 * loading its bundle, the launcher records its pid and bundle in `.running/` (pruning keeps
 * bundles a live process runs) and removes the record when it exits.
 */
function writeLauncher(name: string): void {
  const code = `// Written by server/cli/bundle.ts (npm start): runs server bundle ${name}.
import fs from 'node:fs';
const running = new URL('./${RUNNING}/', import.meta.url);
fs.mkdirSync(running, { recursive: true });
const record = new URL(String(process.pid), running);
fs.writeFileSync(record, ${JSON.stringify(name)});
process.on('exit', () => fs.rmSync(record, { force: true }));
await import('./${name}/start.mjs');
`;
  const temporary = `${LAUNCHER}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, code);
  fs.renameSync(temporary, LAUNCHER);
}

/**
 * Removes bundles that are clearly unused: not among the KEEP_NEWEST newest and run by no live
 * process. The newest few cover a process that read the previous launcher just before it was
 * replaced and has not yet recorded itself. Records of processes that are gone are removed too.
 */
export function pruneBundles(current: string, dir = SERVER_BUNDLE_DIR): void {
  const inUse = new Set([current]);
  const running = path.join(dir, RUNNING);
  for (const pid of fs.existsSync(running) ? fs.readdirSync(running) : []) {
    const record = path.join(running, pid);
    if (!/^\d+$/.test(pid) || !isAlive(Number(pid))) fs.rmSync(record, { force: true });
    else inUse.add(readRecord(record));
  }
  const bundles = fs
    .readdirSync(dir)
    .filter((name) => BUNDLE_NAME.test(name))
    .map((name) => ({ name, mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of bundles.slice(KEEP_NEWEST)) {
    if (!inUse.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
