import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fragmentToPlainText } from '../../../shared/editor/templateDoc';
import { projectDesign } from '../../../shared/editor/designDoc';
import { sectionFragmentName } from '../../../shared/editor/fields';
import { readDocument } from '../../../server/collab/readDocument';
import { EXAMPLE_OUTCOMES } from '../../../server/commands/exampleContent';
import { startTestServer, type TestServer, type TestUser } from '../../support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

interface Example {
  teamId: string;
  designId: string;
}

async function call(user: { cookie: string } | undefined, method: string, path: string) {
  const response = await server.request(method, path, { cookie: user?.cookie });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const open = (user: TestUser) => call(user, 'POST', '/api/examples/design');

describe('/api/examples/design', () => {
  it('401 without a session', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const { status, body } = await call(undefined, method, '/api/examples/design');
      expect(status, method).toBe(401);
      expect(body).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('creates a private example team with one filled-in design, once', async () => {
    const anna = await server.signUp('Anna de Vries');
    const template = { id: expect.any(String), title: 'Van start- naar vakbekwaam (voorbeeld)' };
    expect(await call(anna, 'GET', '/api/examples/design')).toEqual({
      status: 200,
      body: { example: null, template },
    });

    const first = await open(anna);
    expect(first.status).toBe(201);
    const example = first.body as Example;

    const teams = (await call(anna, 'GET', '/api/teams')).body as Array<Record<string, unknown>>;
    expect(teams).toEqual([
      expect.objectContaining({
        id: example.teamId,
        name: 'Voorbeeldteam van Anna de Vries',
        kind: 'cocreatieteam',
        role: 'owner',
      }),
    ]);
    const status = (await call(anna, 'GET', `/api/designs/${example.designId}/status`)).body;
    expect(status).toMatchObject({ status: 'globaal-ontwerp' });

    // The content went through the editor's Y paths: the projection the rules read sees it.
    const { deps } = server.running;
    const content = await readDocument(deps, example.designId, (doc) => ({
      design: projectDesign(doc),
      doelgroep: fragmentToPlainText(doc.getXmlFragment(sectionFragmentName('sec-doelgroep'))),
    }));
    expect(content.design).toMatchObject({ ects: 3, mode: 'formeel', sectors: ['vo', 'mbo'] });
    expect([...content.design.targetedOutcomeIds].sort()).toEqual([...EXAMPLE_OUTCOMES].sort());
    expect(content.design.activities).toHaveLength(3);
    expect(content.doelgroep).toContain('Startende leraren');

    const checks = (await call(anna, 'GET', `/api/designs/${example.designId}/checks`)).body as {
      results: Array<{ ruleId: string; status: string }>;
    };
    const statusOf = (ruleId: string) => checks.results.find((result) => result.ruleId === ruleId)?.status;
    expect(statusOf('R4')).toBe('pass');
    // Unfinished on purpose: LU 1.1 has no evidence yet.
    expect(statusOf('R7')).toBe('fail');

    const again = await open(anna);
    expect(again).toEqual({ status: 200, body: example });
    expect(await call(anna, 'GET', '/api/examples/design')).toEqual({
      status: 200,
      body: { example, template },
    });
    expect(((await call(anna, 'GET', '/api/teams')).body as unknown[]).length).toBe(1);
  });

  it('two clicks at once make one example', async () => {
    const bram = await server.signUp('Bram Jansen');
    const [a, b] = await Promise.all([open(bram), open(bram)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body).toEqual(b.body);
    const { teamId } = a.body as Example;
    expect((await server.running.deps.stores.documents.listForTeam(teamId)).length).toBe(1);
  });

  it('is only ever the caller’s: another user gets their own and cannot read this one', async () => {
    const [carla, dirk] = await Promise.all([server.signUp('Carla Smit'), server.signUp('Dirk Bos')]);
    const carlas = (await open(carla)).body as Example;
    expect((await call(dirk, 'GET', '/api/examples/design')).body).toMatchObject({ example: null });
    for (const path of [
      `/api/designs/${carlas.designId}`,
      `/api/teams/${carlas.teamId}`,
      `/api/documents/${carlas.designId}`,
    ]) {
      const { status, body } = await call(dirk, 'GET', path);
      expect(status, path).toBe(403);
      expect(body).toMatchObject({ error: { code: 'forbidden' } });
    }
    const dirks = (await open(dirk)).body as Example;
    expect(dirks.teamId).not.toBe(carlas.teamId);
    expect(dirks.designId).not.toBe(carlas.designId);
    // Deleting is about one's own example too: Dirk's DELETE leaves Carla's in place.
    expect((await call(dirk, 'DELETE', '/api/examples/design')).status).toBe(204);
    expect((await call(carla, 'GET', `/api/designs/${carlas.designId}`)).status).toBe(200);
  });

  it('DELETE removes the team and its design; a later click makes a new one', async () => {
    const eva = await server.signUp('Eva Mulder');
    expect((await call(eva, 'DELETE', '/api/examples/design')).status).toBe(404);
    const before = (await open(eva)).body as Example;
    expect((await call(eva, 'DELETE', '/api/examples/design')).status).toBe(204);
    expect((await call(eva, 'GET', '/api/examples/design')).body).toMatchObject({ example: null });
    expect((await call(eva, 'GET', `/api/designs/${before.designId}`)).status).toBe(404);
    expect((await call(eva, 'GET', '/api/teams')).body).toEqual([]);
    const after = await open(eva);
    expect(after.status).toBe(201);
    expect((after.body as Example).designId).not.toBe(before.designId);
  });

  it('DELETE is refused (409) while others are members, and for a member who is not its owner', async () => {
    const [fleur, gijs] = await Promise.all([server.signUp('Fleur Visser'), server.signUp('Gijs Meijer')]);
    const example = (await open(fleur)).body as Example;
    await server.addMember(fleur, example.teamId, gijs, 'editor');
    const refused = await call(fleur, 'DELETE', '/api/examples/design');
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'team_has_members' } } });
    // Gijs's DELETE is about Gijs's own example (none), never Fleur's.
    expect((await call(gijs, 'DELETE', '/api/examples/design')).status).toBe(404);
    expect((await call(gijs, 'GET', `/api/designs/${example.designId}`)).status).toBe(200);
  });
});
