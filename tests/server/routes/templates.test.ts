import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../support/server';
import type { TemplateVersion, TemplateVersionSummary } from '../../../server/stores/templateVersions';

let server: TestServer;
let reader: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  reader = await server.signUp('Lezer Bibliotheek');
});

afterAll(async () => {
  await server?.close();
});

async function library(query = ''): Promise<TemplateVersionSummary[]> {
  const response = await server.request('GET', `/api/templates${query}`, { cookie: reader.cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as TemplateVersionSummary[];
}

describe('GET /api/templates (the library)', () => {
  it('401 without a session', async () => {
    expect((await server.request('GET', '/api/templates')).status).toBe(401);
  });

  it('first start published the two example ontwikkelpaden, labelled as examples', async () => {
    const versions = await library();
    expect(versions.map((version) => version.title).sort()).toEqual([
      'Specialist Curriculumontwikkeling (voorbeeld)',
      'Van start- naar vakbekwaam (voorbeeld)',
    ]);
    for (const version of versions) {
      expect(version).toMatchObject({ version: '1.0', example: true });
    }
  });

  it.each([
    ['kind', '?kind=vakbekwaam-expert', ['Specialist Curriculumontwikkeling (voorbeeld)']],
    ['kind', '?kind=start-vakbekwaam', ['Van start- naar vakbekwaam (voorbeeld)']],
    ['text in an outcome', '?q=klassenmanagement', ['Van start- naar vakbekwaam (voorbeeld)']],
    ['a LIKE wildcard taken literally', '?q=%25', []],
    ['a JSON key matches nothing', '?q=description', []],
  ])('filters by %s (%s)', async (_what, query, titles) => {
    expect((await library(query)).map((version) => version.title)).toEqual(titles);
  });

  it('400 with a message for an unknown filter value', async () => {
    const response = await server.request('GET', '/api/templates?sector=hbo', { cookie: reader.cookie });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy();
  });

  it('GET /api/templates/:id returns the full content and the version list; 404 for unknown', async () => {
    const [first] = await library('?kind=vakbekwaam-expert');
    const response = await server.request('GET', `/api/templates/${first!.id}`, { cookie: reader.cookie });
    const version = (await response.json()) as TemplateVersion & { versions: unknown[] };
    expect(version.content.rubric?.levels).toEqual(['Startbekwaam', 'Vakbekwaam', 'Expert']);
    expect(version.content.rubric?.dimensions).toHaveLength(2);
    expect(version.versions).toHaveLength(1);
    const missing = await server.request('GET', '/api/templates/nope', { cookie: reader.cookie });
    expect(missing.status).toBe(404);
  });

  it('published versions are immutable in the database, and a restart publishes nothing twice', async () => {
    const [first] = await library();
    await expect(
      server.running.deps.database.db
        .updateTable('template_versions')
        .set({ title: 'x' })
        .where('id', '=', first!.id)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await server.restart();
    expect(await library()).toHaveLength(2);
  });
});
