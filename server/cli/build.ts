import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_DIST } from '../app';
import { log } from '../log';
import { removeLeftoverStaging, withBuildLock } from './buildLock';
import { publishClient } from './clientPublish';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STAGING_PREFIX = '.client-staging-';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/**
 * True when dist/client is missing or older than any client or shared source file, or than the
 * lockfile: a dependency upgrade changes the bundle as much as a source edit does.
 */
export function clientNeedsBuild(): boolean {
  const built = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = [
    path.join(root, 'client'),
    path.join(root, 'shared'),
    path.join(root, 'vite.config.ts'),
    path.join(root, 'package-lock.json'),
  ];
  return (
    Math.max(
      ...sources.map((source) =>
        fs.statSync(source).isDirectory() ? newestMtime(source) : fs.statSync(source).mtimeMs,
      ),
    ) > builtAt
  );
}

/**
 * Builds the client when it is missing or stale, under the build lock (a start that waited finds it
 * built). Running instances serving dist/client are not disturbed: vite builds into a directory of
 * its own and publishClient moves the result in.
 */
export async function buildClientIfNeeded(): Promise<void> {
  if (!clientNeedsBuild()) return;
  await withBuildLock(async () => {
    if (clientNeedsBuild()) await buildClient();
  });
}

async function buildClient(): Promise<void> {
  log.info('building the client (vite build)…');
  const builtAt = new Date();
  // Beside dist/client, on the same file system, so publishing is by rename.
  const dist = path.dirname(path.resolve(CLIENT_DIST));
  fs.mkdirSync(dist, { recursive: true });
  removeLeftoverStaging(dist, STAGING_PREFIX);
  const staging = fs.mkdtempSync(path.join(dist, STAGING_PREFIX));
  // Always the production client (React's production build, no dev JSX), also when a test run
  // (NODE_ENV=test) builds it: the browser tests and the download budget see what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('vite');
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      root: path.join(root, 'client'),
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
    publishClient(staging, CLIENT_DIST, builtAt);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
