import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIST } from '../../../server/app';
import { startTestServer, type TestServer } from '../../support/server';
import { hostRequest } from './hostRequest';

/**
 * Every response carries the security headers, whoever answered it: the page, the API, an asset,
 * an error, a 404 or the Host check. HSTS only when the browser came over https.
 */

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  cookie = (await server.owner()).cookie;
});

afterAll(async () => {
  await server.close();
});

/** A built script of the client (the test run builds it first: tests/support/globalSetup.ts). */
function someAsset(): string {
  const script = fs.readdirSync(path.join(CLIENT_DIST, 'assets')).find((name) => name.endsWith('.js'));
  if (!script) throw new Error(`no built script in ${CLIENT_DIST}assets`);
  return `/assets/${script}`;
}

const responses: Array<[string, () => Promise<{ status: number; headers: Headers }>, number]> = [
  ['the page', () => fetch(`${server.url}/`), 200],
  ['a client route', () => fetch(`${server.url}/teams`), 200],
  ['an asset', () => fetch(`${server.url}${someAsset()}`), 200],
  ['the API', () => fetch(`${server.url}/api/me`, { headers: { cookie } }), 200],
  ['a 401', () => fetch(`${server.url}/api/me`), 401],
  ['an unknown API route', () => fetch(`${server.url}/api/bestaat-niet`), 404],
  [
    'a 403 (foreign Origin)',
    () => server.request('POST', '/api/teams', { headers: { origin: 'https://evil.example' } }),
    403,
  ],
  ['a 400 (broken JSON)', () => server.request('POST', '/api/auth/login', { body: '{kapot' }), 400],
  ['the collab route over plain HTTP', () => fetch(`${server.url}/collab/x`), 401],
  [
    'a 421',
    async () => {
      const response = await hostRequest(server.url, '/', { host: 'evil.example' });
      return { status: response.status, headers: new Headers(response.headers as Record<string, string>) };
    },
    421,
  ],
];

describe('security headers', () => {
  it.each(responses)('%s', async (_name, send, status) => {
    const { status: actual, headers } = await send();
    expect(actual).toBe(status);
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
    // Plain http: a browser would ignore HSTS here, and a test or LAN setup must not be pinned to https.
    expect(headers.get('strict-transport-security')).toBeNull();
  });

  it('the CSP lets the page open its own WebSocket and nothing else', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${server.wsUrl.replace('/collab', '')}(;|$)`));
    expect(csp).toContain("default-src 'self'");
  });

  it('HSTS when a TLS-terminating proxy says the browser came over https', async () => {
    const response = await fetch(`${server.url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });
});
