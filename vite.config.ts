import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const serverPort = Number(process.env.PORT ?? 8787);

// The second pass runs the server and reliability tests on PostgreSQL; WERKPLAATS_TEST_PG=0 leaves
// it out (a machine without PostgreSQL), as tests/support/pgGlobalSetup.ts expects.
const postgresPass = process.env.WERKPLAATS_TEST_PG !== '0';

/**
 * The server and reliability tests once more, each server (and each store test) on a fresh database
 * of one throwaway PostgreSQL cluster for the whole run. Tests that do not depend on the engine run
 * once, in the sqlite project; tests about SQLite itself skip here and say why.
 */
const postgresProject = {
  extends: true,
  test: {
    name: 'postgres',
    include: ['tests/server/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    exclude: [
      // Their own clusters and SQLite files, whatever the engine; nothing here starts a server.
      'tests/server/db/schema*.test.ts',
      'tests/server/db/migratePostgres.test.ts',
      'tests/server/db/postgresCluster.test.ts',
      'tests/server/db/immediateTransactions.test.ts',
      // Migrations over existing rows: each on the engines it names itself.
      'tests/server/db/migration016.test.ts',
      'tests/server/db/migrationFrames.test.ts',
      // Several instances on a durable cluster and a Redis of their own: once, in the sqlite project.
      'tests/cluster/**',
      // The sync path's tests run on both engines themselves (tests/support/collabEngines.ts).
      'tests/reliability/databaseRestart.test.ts',
      'tests/server/collab/docStorage.test.ts',
      'tests/server/collab/durableAck.test.ts',
      'tests/server/collab/loadDoc.test.ts',
      'tests/server/collab/roomLoading.test.ts',
      'tests/server/collab/rooms.test.ts',
      'tests/server/db/crash.test.ts',
      'tests/server/collab/logSeqMigration.test.ts',
      // Several instances need PostgreSQL: these start their own cluster whatever the project.
      'tests/server/cluster/**',
      // About SQLite itself: its backup API, injected SQLITE_FULL/SQLITE_BUSY, its pragmas.
      'tests/reliability/backup.test.ts',
      'tests/reliability/storageFaults.test.ts',
      // Engine-independent: the bundle (it serves SQLite), source scans, pure rules, the runtime.
      'tests/server/cli/**',
      'tests/server/http/assets.test.ts',
      'tests/server/http/encodings.test.ts',
      'tests/server/db/engineNeutral.test.ts',
      'tests/server/commands/importCycles.test.ts',
      'tests/server/policies/round.test.ts',
      'tests/server/runtime.test.ts',
      'tests/server/auth/failureLimiter.test.ts',
      'tests/server/auth/redisLimiter.test.ts',
    ],
    env: { WERKPLAATS_TEST_DB: 'postgres' },
    globalSetup: ['tests/support/pgGlobalSetup.ts'],
  },
};

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Text files worth compressing. Source maps are left out: only developer tools fetch them, and
 * brotli at its best setting would spend seconds of every build on megabytes nobody downloads.
 */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|xml|webmanifest)$/;

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip -9) beside every compressible output file,
 * index.html included, so the server never compresses at request time (server/http/encodings.ts
 * names the same suffixes). Kept in this file: Vite loads its config's own imports best without
 * TypeScript files of ours. A copy that would not be smaller than the file is not written.
 */
function precompress(): Plugin {
  return {
    name: 'werkplaats:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) throw new Error('precompress: the build has no output directory');
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(dir, file);
          const bytes = await fs.promises.readFile(full);
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < bytes.length) await fs.promises.writeFile(`${full}.br`, br);
          if (gz.length < bytes.length) await fs.promises.writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

// The client lives in client/; the build lands in dist/client, which server/ serves in production,
// each text file with a brotli and a gzip copy beside it (server/http/staticClient.ts picks one).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
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
    // Runs once for the whole run, whichever projects run.
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Pages load on demand (their chunk, the language catalog): on a busy machine a page can take
    // more than expect.poll's default second to appear.
    expect: { poll: { timeout: 5_000 } },
    // Browser and crash tests start their own servers and Chromium; keep files in parallel but bounded.
    maxWorkers: 2,
    projects: [
      // Every test, the server on SQLite in DATA_DIR. Each project lists its own files: a project's
      // arrays are added to the declaring config's, not put in their place.
      {
        extends: true,
        test: { name: 'sqlite', include: ['tests/**/*.test.ts'], env: { WERKPLAATS_TEST_DB: 'sqlite' } },
      },
      ...(postgresPass ? [postgresProject] : []),
    ],
  },
});
