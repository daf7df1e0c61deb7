import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { connectSynced, sectionIds } from '../../support/yclient';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

function post(body: string, headers: Record<string, string> = { origin: server.url }): Promise<Response> {
  return fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** The house error shape with a non-empty code and message. */
async function expectError(response: Response, status: number, code?: string): Promise<void> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(body.error?.message).not.toBe('');
  if (code) expect(body.error?.code).toBe(code);
}

describe('POST /api/documents', () => {
  it('403 without an Origin header', async () => {
    await expectError(await post('{}', {}), 403, 'forbidden_origin');
  });

  it('403 for a foreign Origin', async () => {
    await expectError(await post('{}', { origin: 'https://evil.example' }), 403, 'forbidden_origin');
  });

  it.each([
    ['an empty title', { title: '   ' }],
    ['a title over 200 characters', { title: 'x'.repeat(201) }],
    ['no sections', { sections: [] }],
    ['duplicate section headings', { sections: ['Doel', 'Doel'] }],
    ['an unknown field', { owner: 'someone' }],
    ['a wrong type', { title: 42 }],
  ])('400 for %s', async (_name, body) => {
    await expectError(await post(JSON.stringify(body)), 400, 'invalid_body');
  });

  it('413 for a body over MAX_BODY_BYTES', async () => {
    // Own connection (agent: false): the server drops the connection after refusing the body, so
    // a pooled keep-alive socket would fail the next test's request.
    const body = JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 1) });
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        `${server.url}/api/documents`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', origin: server.url } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    await expectError(new Response(text, { status }), 413, 'body_too_large');
  });

  it('400 for a body that is not JSON', async () => {
    await expectError(await post('{"title": '), 400, 'invalid_body');
  });

  it('201 with { id, docId }; the document exists with its title and sections', async () => {
    const response = await post(JSON.stringify({ title: 'Leerarrangement', sections: ['Doel', 'Aanpak'] }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; docId: string };
    expect(body.docId).toBe(body.id);

    const fetched = await fetch(`${server.url}/api/documents/${body.id}`);
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { title: string }).title).toBe('Leerarrangement');

    const client = await connectSynced(server.wsUrl, body.id);
    try {
      expect(client.doc.getMap('meta').get('title')).toBe('Leerarrangement');
      expect(sectionIds(client.doc)).toHaveLength(2);
      expect(
        client.doc
          .getArray('sections')
          .toJSON()
          .map((s: { heading: string }) => s.heading),
      ).toEqual(['Doel', 'Aanpak']);
    } finally {
      client.destroy();
    }
  });
});

describe('GET /api/documents', () => {
  it('lists created documents', async () => {
    const id = await server.createDocument({ title: 'In de lijst' });
    const response = await fetch(`${server.url}/api/documents`);
    expect(response.status).toBe(200);
    const list = (await response.json()) as Array<{ id: string; title: string }>;
    expect(list).toContainEqual(expect.objectContaining({ id, title: 'In de lijst' }));
  });
});

describe('unknown API routes', () => {
  it('404 in the error shape', async () => {
    await expectError(await fetch(`${server.url}/api/bestaat-niet`), 404, 'not_found');
  });
});

describe('GET /api/documents/:id', () => {
  it('404 for an unknown id', async () => {
    await expectError(await fetch(`${server.url}/api/documents/${randomUUID()}`), 404, 'not_found');
  });
});
