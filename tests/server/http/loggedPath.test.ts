import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { loggedPath, TOKEN_PATH_PREFIXES } from '../../../server/http/loggedPath';
import { REPO_ROOT, startTestServer, type TestServer } from '../../support/server';

describe('loggedPath', () => {
  it.each([
    ['/api/invites/s3cr3t', '/api/invites/:token'],
    ['/api/invites/s3cr3t/accept', '/api/invites/:token/accept'],
    ['/api/round-links/s3cr3t/accept?x=1', '/api/round-links/:token/accept'],
    ['/api/auth/password-reset/s3cr3t', '/api/auth/password-reset/:token'],
    ['/uitnodiging/s3cr3t', '/uitnodiging/:token'],
    ['/feedback/s3cr3t/', '/feedback/:token/'],
    ['/wachtwoord-herstellen/s3cr3t', '/wachtwoord-herstellen/:token'],
    // Spellings a router may still take for the token route.
    ['/API/Invites/s3cr3t', '/api/invites/:token'],
    ['//api//invites/s3cr3t', '/api/invites/:token'],
    ['/api/%69nvites/s3cr3t', '/api/invites/:token'],
    ['/x/../api/invites/s3cr3t', '/api/invites/:token'],
    ['/api/./round-links/s3cr3t', '/api/round-links/:token'],
    ['api/invites/s3cr3t', '/api/invites/:token'],
    // Query strings are dropped whole: a `next` or any parameter may carry a token.
    ['/inloggen?next=%2Fuitnodiging%2Fs3cr3t', '/inloggen'],
    ['/metrics?token=s3cr3t', '/metrics'],
    ['/api/designs/123#s3cr3t', '/api/designs/123'],
  ])('%s → %s', (target, logged) => {
    expect(loggedPath(target)).toBe(logged);
  });

  it('leaves paths without a token as they are', () => {
    for (const path of ['/', '/api/designs/0b6f', '/feedback', '/api/invites', '/ronde/abc', '/collab/abc']) {
      expect(loggedPath(path)).toBe(path);
    }
  });

  it('cuts a very long path', () => {
    const logged = loggedPath(`/${'a'.repeat(20_000)}`);
    expect(logged.length).toBeLessThanOrEqual(513);
    expect(logged.endsWith('…')).toBe(true);
  });
});

describe('every route with a token in its path is redacted', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('on the API: each route pattern with a token parameter', () => {
    const { app } = createApp(server.running.deps);
    const tokenRoutes = [...new Set(app.routes.map((route) => route.path))].filter((path) =>
      /:[^/]*token/i.test(path),
    );
    expect(tokenRoutes.length).toBeGreaterThanOrEqual(4);
    for (const pattern of tokenRoutes) {
      const path = pattern.replace(/:([^/{]+)(\{[^}]*\})?/g, (_, name: string) =>
        /token/i.test(name) ? 'SECRET-VALUE' : 'some-id',
      );
      expect(loggedPath(path), pattern).not.toContain('SECRET-VALUE');
    }
  });

  it('on the pages: each client route whose parameter is a token (client/app/router.ts)', () => {
    const source = fs.readFileSync(`${REPO_ROOT}client/app/router.ts`, 'utf8');
    // Each PARAM_ROUTES entry: `pattern: /^\/<segment>\/…/, make: (<params>) => …`.
    const pages = source
      .split('pattern:')
      .slice(1)
      .map((entry) => ({
        segment: /^\s*\/\^\\\/([\w-]+)\\\//.exec(entry)?.[1],
        params: /make:\s*\(([^)]*)\)/.exec(entry)?.[1] ?? '',
      }))
      .filter(({ segment, params }) => segment && /token/i.test(params))
      .map(({ segment }) => `/${segment!}/`);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const prefix of pages) expect(TOKEN_PATH_PREFIXES, prefix).toContain(prefix);
  });
});
