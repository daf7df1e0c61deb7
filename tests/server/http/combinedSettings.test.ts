import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, uniqueEmail, type TestServer } from '../../support/server';
import { hostRequest, sessionCookieOf } from './hostRequest';

/**
 * An operator's start with every issue-20 setting at once — behind a proxy on this machine, a public
 * https name, metrics on, sign-up for one school's addresses — must behave as each does alone.
 */

const PUBLIC = 'https://werkplaats.example.nl';
const HOST = 'werkplaats.example.nl';
const TOKEN = 'metrics-token-of-at-least-16';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    TRUST_PROXY: 'loopback',
    PUBLIC_ORIGIN: PUBLIC,
    METRICS_TOKEN: TOKEN,
    SIGNUP: 'domains',
    SIGNUP_DOMAINS: 'school.nl',
  });
});

afterAll(async () => {
  await server.close();
});

/** A request as the proxy forwards it: the public Host, the browser's Origin, the client's address. */
const viaProxy = (method: string, path: string, client: string, body?: unknown, headers = {}) =>
  hostRequest(server.url, path, {
    host: HOST,
    method,
    headers: { origin: PUBLIC, 'x-forwarded-for': client, ...headers },
    body,
  });

const signUp = (email: string, client: string) =>
  viaProxy('POST', '/api/auth/signup', client, { email, password: 'lang genoeg wachtwoord', name: 'Ans' });

describe('TRUST_PROXY, PUBLIC_ORIGIN, METRICS_TOKEN and SIGNUP=domains together', () => {
  it('signs up a school address over the proxy with the __Host- cookie; the audit log names the client behind the proxy', async () => {
    const email = uniqueEmail('ans').replace(/@.*/, '@school.nl');
    const response = await signUp(email, '203.0.113.7');
    expect(response.status, response.text).toBe(201);
    expect(sessionCookieOf(response)?.cookie).toMatch(/^__Host-werkplaats_session=/);
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-request-id']).toBeTruthy();
    const login = await viaProxy('POST', '/api/auth/login', '203.0.113.7', {
      email,
      password: 'lang genoeg wachtwoord',
    });
    expect(login.status, login.text).toBe(200);
    const { id } = JSON.parse(response.text) as { id: string };
    const events = await server.running.deps.stores.audit.forActor(id);
    expect(events.findLast((event) => event.action === 'auth.login')?.details['address']).toBe('203.0.113.7');
  });

  it('refuses another domain (403), a foreign Host (421) and a foreign Origin (403)', async () => {
    const other = await signUp(uniqueEmail('piet').replace(/@.*/, '@elders.nl'), '203.0.113.8');
    expect(other.status, other.text).toBe(403);
    const foreignHost = await hostRequest(server.url, '/api/auth/config', { host: 'evil.example' });
    expect(foreignHost.status).toBe(421);
    const foreignOrigin = await viaProxy(
      'POST',
      '/api/auth/signup',
      '203.0.113.9',
      { email: 'x@school.nl', password: 'lang genoeg wachtwoord', name: 'X' },
      { origin: 'https://evil.example' },
    );
    expect(foreignOrigin.status).toBe(403);
  });

  it('serves metrics to the token through the public name, counting the requests above', async () => {
    const without = await viaProxy('GET', '/metrics', '203.0.113.7');
    expect(without.status).toBe(401);
    const metrics = await viaProxy('GET', '/metrics', '203.0.113.7', undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(
      /werkplaats_http_requests_total\{[^}]*route="\/api\/auth\/signup"[^}]*status="201"/,
    );
  });
});
