import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestOwner, type TestServer, type TestUser } from '../../support/server';
import { connectSynced, sectionIds } from '../../support/yclient';

let server: TestServer;
let owner: TestOwner;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  [viewer, outsider] = await Promise.all([server.signUp('Vera Lezer'), server.signUp('Buitenstaander')]);
  await server.addMember(owner, owner.teamId, viewer, 'viewer');
});

afterAll(async () => {
  await server.close();
});

function post(body: string, headers: Record<string, string> = { origin: server.url }): Promise<Response> {
  return fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: owner.cookie, ...headers },
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
  it('401 without a session', async () => {
    const response = await server.request('POST', '/api/documents', { body: { teamId: owner.teamId } });
    await expectError(response, 401, 'unauthenticated');
  });

  it.each([
    ['a signed-in user outside the team', () => outsider],
    ['a viewer of the team', () => viewer],
  ])('403 for a user without access: %s', async (_name, user) => {
    const response = await server.request('POST', '/api/documents', {
      cookie: user().cookie,
      body: { teamId: owner.teamId, title: 'Mag niet' },
    });
    await expectError(response, 403, 'forbidden');
    const titles = (await server.running.deps.stores.documents.listForTeam(owner.teamId)).map(
      (doc) => doc.title,
    );
    expect(titles).not.toContain('Mag niet');
  });

  it('403 without an Origin header', async () => {
    await expectError(await post(JSON.stringify({ teamId: owner.teamId }), {}), 403, 'forbidden_origin');
  });

  it('403 for a foreign Origin', async () => {
    await expectError(
      await post(JSON.stringify({ teamId: owner.teamId }), { origin: 'https://evil.example' }),
      403,
      'forbidden_origin',
    );
  });

  it('404 for a team that does not exist', async () => {
    await expectError(await post(JSON.stringify({ teamId: randomUUID() })), 404, 'not_found');
  });

  it.each([
    ['no teamId', {}],
    ['an empty title', { title: '   ' }],
    ['a title over 200 characters', { title: 'x'.repeat(201) }],
    ['no sections', { sections: [] }],
    ['duplicate section headings', { sections: ['Doel', 'Doel'] }],
    ['an unknown field', { owner: 'someone' }],
    ['a wrong type', { title: 42 }],
  ])('400 for %s', async (name, body) => {
    const withTeam = name === 'no teamId' ? body : { teamId: owner.teamId, ...body };
    await expectError(await post(JSON.stringify(withTeam)), 400, 'invalid_body');
  });

  it('413 for a body over MAX_BODY_BYTES', async () => {
    // Own connection (agent: false): the server drops the connection after refusing the body, so
    // a pooled keep-alive socket would fail the next test's request.
    const body = JSON.stringify({ teamId: owner.teamId, title: 'x'.repeat(1024 * 1024 + 1) });
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        `${server.url}/api/documents`,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', origin: server.url, cookie: owner.cookie },
        },
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

  it('201 with { id, docId }; the document exists in the team with its title and sections', async () => {
    const response = await post(
      JSON.stringify({ teamId: owner.teamId, title: 'Leerarrangement', sections: ['Doel', 'Aanpak'] }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; docId: string };
    expect(body.docId).toBe(body.id);

    const fetched = await server.request('GET', `/api/documents/${body.id}`, { cookie: owner.cookie });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ title: 'Leerarrangement', teamId: owner.teamId });

    const client = await connectSynced(server.wsUrl, body.id, { cookie: owner.cookie });
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
  it('401 without a session', async () => {
    await expectError(await server.request('GET', '/api/documents'), 401, 'unauthenticated');
  });

  it('403 for a user without access: an outsider gets an empty list, not the team’s documents', async () => {
    await server.createDocument({ title: 'Alleen voor het team' });
    const response = await server.request('GET', '/api/documents', { cookie: outsider.cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  it('lists the documents of my teams', async () => {
    const id = await server.createDocument({ title: 'In de lijst' });
    for (const user of [owner, viewer]) {
      const response = await server.request('GET', '/api/documents', { cookie: user.cookie });
      expect(response.status).toBe(200);
      const list = (await response.json()) as Array<{ id: string; title: string; teamId: string }>;
      expect(list).toContainEqual(
        expect.objectContaining({ id, title: 'In de lijst', teamId: owner.teamId }),
      );
    }
  });
});

describe('unknown API routes', () => {
  it('404 in the error shape', async () => {
    await expectError(await fetch(`${server.url}/api/bestaat-niet`), 404, 'not_found');
  });
});

describe('GET /api/documents/:id', () => {
  it('401 without a session', async () => {
    const id = await server.createDocument();
    await expectError(await server.request('GET', `/api/documents/${id}`), 401, 'unauthenticated');
  });

  it('403 for a user without access', async () => {
    const id = await server.createDocument();
    const response = await server.request('GET', `/api/documents/${id}`, { cookie: outsider.cookie });
    await expectError(response, 403, 'forbidden');
  });

  it('404 for an unknown id', async () => {
    const response = await server.request('GET', `/api/documents/${randomUUID()}`, { cookie: owner.cookie });
    await expectError(response, 404, 'not_found');
  });

  it('the document with the caller’s role and capabilities', async () => {
    const id = await server.createDocument({ title: 'Met rol' });
    const response = await server.request('GET', `/api/documents/${id}`, { cookie: viewer.cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id,
      teamId: owner.teamId,
      title: 'Met rol',
      role: 'viewer',
      capabilities: ['team.read', 'document.read'],
    });
  });
});
