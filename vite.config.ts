import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const serverPort = Number(process.env.PORT ?? 8787);

// The client lives in client/; the build lands in dist/client, which server/ serves in production.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `npm run dev`: Vite serves the UI with HMR and forwards API and WebSocket traffic.
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/collab': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and crash tests start their own servers and Chromium; keep files in parallel but bounded.
    maxWorkers: 2,
  },
});
