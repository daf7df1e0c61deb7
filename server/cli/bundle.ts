import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildClientIfNeeded } from './build';
import { withBuildLock } from './buildLock';
import { publishServerBundle } from './serverBundles';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles our own TypeScript (server/, shared/) into plain ES modules in `outdir`, so the server
 * runs on Node without tsx: tsx keeps a module-loader thread (its own V8 heap) and every
 * transformed source with its source map resident, about 40 MB of a server's RSS. Packages stay
 * external (loaded from node_modules as usual); dynamic imports stay lazy (code splitting), so
 * e.g. docx is still loaded only for a .docx export. `import.meta.url` keeps meaning the source
 * file's own location, so migrations, seeds and the built client are found where they are.
 * `outdir` is emptied first; `npm start` bundles through publishServerBundle, which never replaces a
 * bundle a process runs. Every bundle also holds `worker.mjs`, the worker pool's thread entry
 * (server/workers/pool.ts finds it beside its own chunk).
 */
export async function bundleServer(entries: Record<string, string>, outdir: string) {
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
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
    plugins: [sourceFileUrls],
  });
}

const sourceFileUrls: esbuild.Plugin = {
  name: 'source-file-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

// `npm start` runs this first, then `node dist/server/start.mjs` (the launcher). A client build (vite)
// happens here too, in this short-lived process, so the server never keeps vite's memory. Both under
// one lock: concurrent starts build one after the other, and the launcher never names a server
// bundle built from other sources than the client published with it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await withBuildLock(async () => {
    await buildClientIfNeeded();
    await publishServerBundle((outdir) => bundleServer({ start: 'server/cli/start.ts' }, outdir));
  });
}
