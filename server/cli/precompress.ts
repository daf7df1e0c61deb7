import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';
import { VARIANTS } from '../http/encodings';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Text files worth compressing. Source maps are left out: only developer tools fetch them, and
 * brotli at its best setting would spend seconds of every build on megabytes nobody downloads.
 */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|xml|webmanifest)$/;

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip -9) beside every compressible file of
 * `files` under `dir`, so the server never compresses at request time. A copy that would not be
 * smaller than the file is not written.
 */
export async function precompressFiles(dir: string, files: readonly string[]): Promise<void> {
  await Promise.all(
    files
      .filter((file) => COMPRESSIBLE.test(file))
      .map(async (file) => {
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
        if (br.length < bytes.length) await fs.promises.writeFile(full + VARIANTS.br, br);
        if (gz.length < bytes.length) await fs.promises.writeFile(full + VARIANTS.gzip, gz);
      }),
  );
}

/** Vite plugin: precompresses the build's output (index.html included) once it is written. */
export function precompress(): Plugin {
  return {
    name: 'werkplaats:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      if (!options.dir) throw new Error('precompress: the build has no output directory');
      await precompressFiles(options.dir, Object.keys(bundle));
    },
  };
}
