import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIST } from '../../../server/app';
import { IMMUTABLE, REVALIDATE } from '../../../server/http/staticClient';
import { startTestServer, type TestServer } from '../../support/server';

// The built client as a browser and a proxy cache see it: the real build (tests/support/globalSetup.ts
// builds it), served by the real server. Raw node:http, because fetch decompresses on its own.

let server: TestServer;
let mainScript: string;

beforeAll(async () => {
  server = await startTestServer();
  const page = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
  const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
  if (!script) throw new Error('index.html names no module script');
  mainScript = script;
});

afterAll(async () => {
  await server.close();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request, the body as it came over the wire (still compressed). */
function raw(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${urlPath}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** The body decoded by its Content-Encoding. */
function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(response.body);
  if (encoding === 'gzip') return zlib.gunzipSync(response.body);
  expect(encoding).toBeUndefined();
  return response.body;
}

describe('compression per Accept-Encoding', () => {
  const cases = [
    { acceptEncoding: 'gzip, deflate, br, zstd', expected: 'br' },
    { acceptEncoding: 'gzip, deflate', expected: 'gzip' },
    { acceptEncoding: 'br;q=0, gzip', expected: 'gzip' },
    { acceptEncoding: 'br;q=0.5, gzip;q=0.9', expected: 'gzip' },
    { acceptEncoding: '*', expected: 'br' },
    { acceptEncoding: 'identity', expected: undefined },
    { acceptEncoding: '', expected: undefined },
  ];

  for (const target of ['the main script', 'index.html']) {
    it.each(cases)(`${target}: "$acceptEncoding" → $expected`, async ({ acceptEncoding, expected }) => {
      const urlPath = target === 'index.html' ? '/' : mainScript;
      const file = target === 'index.html' ? 'index.html' : mainScript;
      const original = fs.readFileSync(path.join(CLIENT_DIST, file));
      const response = await raw(urlPath, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(expected);
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(decoded(response).equals(original)).toBe(true);
    });
  }

  it('brotli is smaller than gzip, gzip than the script itself; the production main script is under 80 KB as brotli', async () => {
    const sizes = await Promise.all(
      ['br', 'gzip', 'identity'].map(async (encoding) => {
        const response = await raw(mainScript, { 'accept-encoding': encoding });
        return response.body.length;
      }),
    );
    const [br = 0, gzip = 0, identity = 0] = sizes;
    expect(br).toBeLessThan(gzip);
    expect(gzip).toBeLessThan(identity / 3);
    expect(br).toBeLessThan(80_000);
    // React's production build, whoever built the client (a test run sets NODE_ENV=test).
    expect(fs.readFileSync(path.join(CLIENT_DIST, mainScript), 'utf8')).not.toMatch(/jsxDEV|\.development\./);
  });

  it('every script, style sheet and the page have their copies in the build; source maps do not', () => {
    const files = fs.readdirSync(path.join(CLIENT_DIST, 'assets')).map((name) => `assets/${name}`);
    const texts = ['index.html', ...files.filter((file) => /\.(?:js|css)$/.test(file))];
    expect(texts.length).toBeGreaterThan(10);
    for (const file of texts) {
      const original = fs.readFileSync(path.join(CLIENT_DIST, file));
      // A copy is left out only when it would not be smaller (a chunk of a hundred bytes).
      const brPath = path.join(CLIENT_DIST, `${file}.br`);
      if (fs.existsSync(brPath)) {
        expect(zlib.brotliDecompressSync(fs.readFileSync(brPath)).equals(original), file).toBe(true);
      } else {
        expect(zlib.brotliCompressSync(original).length, file).toBeGreaterThanOrEqual(original.length);
      }
      const gzPath = path.join(CLIENT_DIST, `${file}.gz`);
      if (fs.existsSync(gzPath)) {
        expect(zlib.gunzipSync(fs.readFileSync(gzPath)).equals(original), file).toBe(true);
      } else {
        expect(zlib.gzipSync(original, { level: 9 }).length, file).toBeGreaterThanOrEqual(original.length);
      }
    }
    expect(files.filter((file) => /\.map\.(?:br|gz)$/.test(file))).toEqual([]);
  });
});

describe('caching', () => {
  it('hashed assets are immutable for a year', async () => {
    const response = await raw(mainScript, { 'accept-encoding': 'br' });
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each(['/', '/inloggen', '/d/0198c0de-0000-7000-8000-000000000000', '/ontwerpen/x/feedback'])(
    '%s is index.html, revalidated on every visit through its ETag (304 when unchanged)',
    async (urlPath) => {
      const first = await raw(urlPath, { 'accept-encoding': 'br' });
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(first.headers['cache-control']).toBe(REVALIDATE);
      expect(first.headers['cache-control']).toBe('no-cache');
      const etag = first.headers.etag;
      expect(etag).toMatch(/^"[\w-]+"$/);

      const again = await raw(urlPath, { 'accept-encoding': 'br', 'if-none-match': etag! });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('no-cache');
      expect(again.headers.vary).toBe('Accept-Encoding');
      // A cache may copy a 304's headers onto what it keeps: the page's own type, not text/plain.
      expect(again.headers['content-type']).toBe('text/html; charset=utf-8');

      const weak = await raw(urlPath, { 'accept-encoding': 'br', 'if-none-match': `"other", W/${etag}` });
      expect(weak.status).toBe(304);
      const changed = await raw(urlPath, { 'accept-encoding': 'br', 'if-none-match': '"other"' });
      expect(changed.status).toBe(200);
      expect(decoded(changed).toString()).toContain('<div id="root">');
    },
  );

  it('each encoding has its own ETag: a brotli tag does not validate the gzip body', async () => {
    const br = await raw('/', { 'accept-encoding': 'br' });
    const gzip = await raw('/', { 'accept-encoding': 'gzip' });
    const identity = await raw('/');
    expect(new Set([br.headers.etag, gzip.headers.etag, identity.headers.etag]).size).toBe(3);
    const crossed = await raw('/', { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag! });
    expect(crossed.status).toBe(200);
    expect(crossed.headers['content-encoding']).toBe('gzip');
  });
});

describe('missing files and HEAD', () => {
  it.each([
    '/assets/index-deadbeef.js',
    '/assets/nope.css',
    // A compressed copy by its own name; a way out of the directory (an escaped slash).
    `/assets/PLACEHOLDER.br`,
    '/assets/..%2Findex.html',
    '/assets/',
  ])('%s is 404, not the page', async (urlPath) => {
    const target = urlPath.replace('PLACEHOLDER', path.basename(mainScript));
    for (const method of ['GET', 'HEAD']) {
      const response = await raw(target, { 'accept-encoding': 'br' }, method);
      expect(response.status, `${method} ${target}`).toBe(404);
      expect(response.headers['content-type']).not.toContain('text/html');
    }
  });

  it('HEAD answers with the headers of GET and no body', async () => {
    for (const urlPath of [mainScript, '/', '/d/abc']) {
      const get = await raw(urlPath, { 'accept-encoding': 'gzip' });
      const head = await raw(urlPath, { 'accept-encoding': 'gzip' }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const header of ['content-length', 'content-encoding', 'content-type', 'etag', 'cache-control']) {
        expect(head.headers[header], `${urlPath} ${header}`).toBe(get.headers[header]);
      }
    }
  });

  it('the API keeps its own 404 and JSON; unknown pages are the app (it shows its own not-found page)', async () => {
    const api = await raw('/api/does-not-exist');
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body.toString())).toMatchObject({ error: { code: 'not_found' } });
    const page = await raw('/no/such/page');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
