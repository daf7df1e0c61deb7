import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildClientIfNeeded } from './build';
import { withBuildLock } from './buildLock';
import { relocatable } from './relocatable';
import { publishServerBundle } from './serverBundles';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles our own TypeScript (server/, shared/) into plain ES modules in `outdir`, so the server
 * runs on Node without tsx: tsx keeps a module-loader thread (its own V8 heap) and every
 * transformed source with its source map resident, about 40 MB of a server's RSS. Packages stay
 * external (loaded from node_modules as usual; tests/server/cli/bundle.test.ts keeps them all
 * production dependencies); dynamic imports stay lazy (code splitting), so e.g. docx is still
 * loaded only for a .docx export. The bundle holds no path of this machine (see relocatable.ts):
 * it runs wherever `dist/` is copied beside package.json and a production install.
 * `outdir` is emptied first; `npm run build` bundles through publishServerBundle, which never
 * replaces a bundle a process runs. Every bundle also holds `worker.mjs`, the worker pool's thread
 * entry (server/workers/pool.ts finds it beside its own chunk).
 */
export async function bundleServer(entries: Record<string, string>, outdir: string): Promise<void> {
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries({ ...entries, worker: 'server/workers/entry.ts' }).map(([name, entry]) => [
        name,
        path.resolve(root, entry),
      ]),
    ),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [relocatable(root, outdir)],
  });
}

// `npm run build` (and `npm start`, before `node dist/server/start.mjs`, the launcher): the client when
// missing or stale (vite, in this short-lived process, so the server never keeps vite's memory), then
// the server bundle. Both under one lock: concurrent starts build one after the other, and the
// launcher never names a server bundle built from other sources than the client published with it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await withBuildLock(async () => {
    await buildClientIfNeeded();
    await publishServerBundle((outdir) => bundleServer({ start: 'server/cli/start.ts' }, outdir));
  });
}
