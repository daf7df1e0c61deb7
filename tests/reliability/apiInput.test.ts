import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import * as authSchemas from '../../shared/schemas/auth';
import * as designSchemas from '../../shared/schemas/designs';
import * as documentSchemas from '../../shared/schemas/documents';
import * as templateSchemas from '../../shared/schemas/templates';
import { startTestServer, type TestOwner, type TestServer } from '../support/server';

const MAX_BODY_BYTES = 16 * 1024;

let server: TestServer;
let owner: TestOwner;

beforeAll(async () => {
  server = await startTestServer({ MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
  owner = await server.owner();
});

afterAll(async () => {
  await server.close();
});

/** Routes with a JSON body, each with a body it accepts. */
function routes(): Array<{ method: string; path: string; body: Record<string, unknown> }> {
  return [
    { method: 'POST', path: '/api/auth/login', body: { email: owner.email, password: owner.password } },
    { method: 'POST', path: '/api/teams', body: { name: 'Team', kind: 'atelier' } },
    { method: 'PATCH', path: `/api/teams/${owner.teamId}`, body: { name: 'Nieuwe naam' } },
    { method: 'POST', path: `/api/teams/${owner.teamId}/invites`, body: { role: 'editor' } },
    { method: 'POST', path: '/api/documents', body: { teamId: owner.teamId, title: 'Doc' } },
    { method: 'PATCH', path: '/api/me', body: { name: 'Eigenaar' } },
    { method: 'POST', path: '/api/templates/drafts', body: { teamId: owner.teamId, title: 'Concept' } },
  ];
}

interface ErrorBody {
  error: { code: string; message: string };
}

async function send(method: string, path: string, body: string, headers: Record<string, string> = {}) {
  const response = await server.request(method, path, {
    cookie: owner.cookie,
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  let parsed: ErrorBody | undefined;
  try {
    parsed = JSON.parse(text) as ErrorBody;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

/** Dutch: no English words a generic framework would produce. */
function expectDutch(message: string | undefined): void {
  expect(message).toBeTruthy();
  expect(message).not.toMatch(/\b(invalid|expected|required|unrecognized|malformed|payload)\b/i);
}

describe('hostile API input', () => {
  it('every body route: the accepted body works, so the refusals below are about the input', async () => {
    for (const route of routes()) {
      const { status, text } = await send(route.method, route.path, JSON.stringify(route.body));
      expect(status, `${route.method} ${route.path}: ${text}`).toBeLessThan(300);
    }
  });

  it('invalid JSON, wrong types and unknown fields: 400 with the error shape and a Dutch message', async () => {
    for (const route of routes()) {
      const label = `${route.method} ${route.path}`;
      const bad: Array<[string, string]> = [
        ['invalid JSON', '{"name": '],
        ['not an object', '[1,2,3]'],
        ['a string', '"hallo"'],
        ['null', 'null'],
        [
          'wrong types',
          JSON.stringify(Object.fromEntries(Object.keys(route.body).map((key) => [key, { $gt: '' }]))),
        ],
        ['unknown field', JSON.stringify({ ...route.body, isAdmin: true })],
        ['prototype key', `{${JSON.stringify(route.body).slice(1, -1)},"__proto__":{"admin":true}}`],
      ];
      for (const [what, body] of bad) {
        const result = await send(route.method, route.path, body);
        expect(result.status, `${label} with ${what}: ${result.text}`).toBe(400);
        expect(result.body?.error.code, `${label} with ${what}`).toMatch(/^invalid_/);
        expectDutch(result.body?.error.message);
      }
    }
  });

  it('a body over MAX_BODY_BYTES is refused with 413, announced or streamed, on any route', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES + 10) });
    for (const path of ['/api/teams', '/api/me', '/api/does-not-exist']) {
      const result = await send('POST', path, huge);
      expect(result.status, `${path}: ${result.text}`).toBe(413);
      expect(result.body?.error.code).toBe('body_too_large');
      expectDutch(result.body?.error.message);
    }
    // Without a Content-Length (chunked): counted while reading.
    const chunks = [huge.slice(0, 8000), huge.slice(8000)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const response = await fetch(`${server.url}/api/teams`, {
      method: 'POST',
      headers: { origin: server.url, cookie: owner.cookie, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('every shared request schema refuses unknown fields at every level (.strict())', () => {
    const loose: string[] = [];
    const visit = (schema: ZodType, where: string) => {
      const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
      switch (def.type) {
        case 'object': {
          const catchall = def.catchall as { _zod: { def: { type: string } } } | undefined;
          if (catchall?._zod.def.type !== 'never') loose.push(where);
          for (const [key, inner] of Object.entries(def.shape as Record<string, ZodType>))
            visit(inner, `${where}.${key}`);
          return;
        }
        case 'array':
          return visit(def.element as ZodType, `${where}[]`);
        case 'optional':
        case 'nullable':
        case 'default':
        case 'readonly':
          return visit(def.innerType as ZodType, where);
        case 'pipe':
          visit(def.in as ZodType, where);
          return visit(def.out as ZodType, where);
        default:
          return;
      }
    };
    const modules = { authSchemas, designSchemas, documentSchemas, templateSchemas };
    let checked = 0;
    for (const [moduleName, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        if (!name.endsWith('Body') || typeof value !== 'object' || value === null || !('_zod' in value))
          continue;
        checked++;
        visit(value as ZodType, `${moduleName}.${name}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(loose).toEqual([]);
  });
});
