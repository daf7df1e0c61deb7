import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));

// `npm run dev`: the API/WebSocket server restarts on change (node --watch), Vite serves the
// client with HMR and proxies /api and /collab to it (see vite.config.ts).
const server = spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/cli/serve.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'debug',
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    // The browser talks to Vite's origin; its proxy forwards requests with that Origin header.
    ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173',
  },
});
const vite = await createServer({ configFile: path.join(root, 'vite.config.ts') });
await vite.listen();
vite.printUrls();

const stop = () => {
  server.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
