import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { acceptedEncodings, VARIANTS, type Encoding } from './encodings';
import { sendError } from './errors';

/** Hashed asset names never change their bytes: cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page names the current assets: a browser keeps it but asks (If-None-Match) on every visit. */
export const REVALIDATE = 'no-cache';

const INDEX = 'index.html';

/**
 * Serves the built client from `dir`: `/assets/*` (content-hashed, immutable; 404 when missing),
 * other files in `dir`, and `index.html` for every other path (the client routes). Each response is
 * the brotli or gzip copy written at build time when the request accepts it, with an ETag that
 * answers If-None-Match with 304. Files are looked up on every request: a build published while
 * the server runs (server/cli/clientPublish.ts) is served at once.
 */
export function staticClient(dir: string) {
  const root = path.resolve(dir);
  const etags = new EtagCache();
  return new Hono()
    .get('/assets/*', async (c) => {
      const file = insideRoot(root, c.req.path);
      const response = file === undefined ? undefined : await serve(c, file, IMMUTABLE, etags);
      if (response) return response;
      c.header('Cache-Control', REVALIDATE);
      return sendError(c, 404, 'not_found', 'Dit bestand bestaat niet.');
    })
    .get('*', async (c) => {
      const file = insideRoot(root, c.req.path);
      const response =
        (file === undefined ? undefined : await serve(c, file, REVALIDATE, etags)) ??
        (await serve(c, path.join(root, INDEX), REVALIDATE, etags));
      return response ?? sendError(c, 404, 'not_found', 'De app is niet gebouwd.');
    });
}

/**
 * Answers with `file` in the first accepted encoding that has a copy, else as it is; undefined when
 * there is no such file. Everything in the answer (length, ETag, bytes) comes from one open file,
 * so a build published meanwhile (a rename) cannot mix two versions in one response.
 */
async function serve(
  c: Context,
  file: string,
  cacheControl: string,
  etags: EtagCache,
): Promise<Response | undefined> {
  const encodings = [...acceptedEncodings(c.req.header('accept-encoding')), undefined];
  for (const encoding of encodings) {
    const opened = await openFile(encoding ? file + VARIANTS[encoding] : file);
    if (!opened) continue;
    try {
      const { handle, stats } = opened;
      let bytes: Buffer | undefined;
      const etag = await etags.of(file, encoding, stats, async () => (bytes = await handle.readFile()));
      c.header('Cache-Control', cacheControl);
      // Shared caches must keep the encodings apart: one URL, up to three bodies.
      c.header('Vary', 'Accept-Encoding');
      c.header('ETag', etag);
      // On a 304 too: @hono/node-server would add text/plain, and a cache may take it over.
      c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream');
      if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
      if (encoding) c.header('Content-Encoding', encoding);
      c.header('Content-Length', String(stats.size));
      if (c.req.method === 'HEAD') return c.body(null, 200);
      bytes ??= await handle.readFile();
      // readFile's buffer is never a SharedArrayBuffer, which is all the wider type allows for.
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    } finally {
      await opened.handle.close();
    }
  }
  return undefined;
}

/**
 * The path a URL names inside `root`, if it may be served: no `..` or hidden segments, no escaped
 * characters left after Hono's decoding, and never a compressed copy by its own name.
 */
function insideRoot(root: string, urlPath: string): string | undefined {
  if (/[%\\\0]/.test(urlPath) || urlPath.split('/').some((segment) => segment.startsWith('.'))) {
    return undefined;
  }
  const full = path.join(root, urlPath);
  if (!full.startsWith(root + path.sep)) return undefined;
  if (Object.values(VARIANTS).some((suffix) => full.endsWith(suffix))) return undefined;
  return full;
}

/** The file opened for reading, or undefined when it is missing or not a regular file. */
async function openFile(
  file: string,
): Promise<{ handle: fs.promises.FileHandle; stats: fs.Stats } | undefined> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch {
    return undefined;
  }
  const stats = await handle.stat();
  if (stats.isFile()) return { handle, stats };
  await handle.close();
  return undefined;
}

/** If-None-Match: `*` or a list of tags, compared weakly (RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Strong ETags from each file's bytes (each encoding its own), hashed once per published version. */
class EtagCache {
  private readonly known = new Map<string, { version: string; etag: string }>();

  async of(file: string, encoding: Encoding | undefined, stats: fs.Stats, read: () => Promise<Buffer>) {
    const key = `${file}\0${encoding ?? 'identity'}`;
    // A publish replaces a file by rename: a new inode, whatever its size and mtime.
    const version = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
    const cached = this.known.get(key);
    if (cached?.version === version) return cached.etag;
    const etag = `"${crypto
      .createHash('sha256')
      .update(await read())
      .digest('base64url')
      .slice(0, 22)}"`;
    this.known.set(key, { version, etag });
    return etag;
  }
}
