import fs from 'node:fs';
import path from 'node:path';
import type * as esbuild from 'esbuild';

/** Where a bundle keeps the files its code reads at run time (migrations, seeds), by source path. */
export const BUNDLED_FILES_DIR = 'files';

/** The source trees a server bundle is built from; files the code reads from them travel along. */
const SOURCE_TREES = ['server', 'shared'];

/** `new URL('<literal>', import.meta.url)`, or `import.meta.url` on its own. */
const IMPORT_META_URL = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)|import\.meta\.url/g;

/**
 * esbuild plugin that keeps a server bundle free of the build machine's paths, so the bundle (with
 * dist/client beside it) runs wherever the checkout's `dist/` is copied. Our sources use
 * `import.meta.url` to find things next to them, but in a bundle it would name the chunk instead:
 * - `new URL('./migrations/', import.meta.url)` naming something inside server/ or shared/ (data the
 *   code reads: migrations, seeds) is copied into the bundle under `files/` and the URL points there,
 *   so a bundle carries the migrations it was built with;
 * - every other `import.meta.url` means the source file's place relative to the bundle (e.g.
 *   `../../../server/app.ts`), which keeps naming the app root: dist/client, node_modules, the
 *   build lock, and never equals a script run directly (the entry-point checks stay false).
 * The bundle must stay at the same depth below the app root as `outdir` (publishing moves it by a
 * rename at the same depth).
 */
export function relocatable(root: string, outdir: string): esbuild.Plugin {
  return {
    name: 'relocatable-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        const relocated = source.replace(IMPORT_META_URL, (_match, _quote, literal: string | undefined) => {
          const bundled = literal === undefined ? undefined : bundleFile(root, outdir, args.path, literal);
          if (bundled) return `new URL(${JSON.stringify(bundled)}, import.meta.url)`;
          const own = `new URL(${JSON.stringify(urlPath(path.relative(outdir, args.path)))}, import.meta.url)`;
          return literal === undefined ? `${own}.href` : `new URL(${JSON.stringify(literal)}, ${own})`;
        });
        return { contents: relocated, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/**
 * Copies what `literal` names (relative to `file`) into the bundle when it lies in one of the source
 * trees, and returns its URL relative to the bundle's chunks; undefined when it lies elsewhere.
 */
function bundleFile(root: string, outdir: string, file: string, literal: string): string | undefined {
  const target = path.resolve(path.dirname(file), literal);
  const relative = path.relative(root, target);
  const inSources = SOURCE_TREES.some((tree) => relative.startsWith(`${tree}${path.sep}`));
  // Our modules are bundled, not copied: a URL naming one keeps meaning its source location.
  if (!inSources || /\.tsx?$/.test(target) || !fs.existsSync(target)) return undefined;
  fs.cpSync(target, path.join(outdir, BUNDLED_FILES_DIR, relative), { recursive: true });
  const trailingSlash = literal.endsWith('/') ? '/' : '';
  return `./${BUNDLED_FILES_DIR}/${urlPath(relative)}${trailingSlash}`;
}

/** A relative file path as a relative URL path (`/` separators). */
function urlPath(relative: string): string {
  return relative.split(path.sep).join('/');
}
