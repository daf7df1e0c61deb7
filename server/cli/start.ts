import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_DIST } from '../app';
import { log } from '../log';
import { serveUntilSignal } from './serve';

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

/** True when dist/client is missing or older than any client or shared source file. */
function clientNeedsBuild(): boolean {
  const built = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'shared'))) > builtAt;
}

// `npm start`: build the client if needed, then serve UI + API + WebSocket.
if (clientNeedsBuild()) {
  log.info('building the client (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
await serveUntilSignal();
