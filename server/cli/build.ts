import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_DIST } from '../app';
import { log } from '../log';

const root = fileURLToPath(new URL('../../', import.meta.url));

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

/** Runs `vite build` when the built client is missing or stale. */
export async function buildClientIfNeeded(): Promise<void> {
  if (!clientNeedsBuild()) return;
  log.info('building the client (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
