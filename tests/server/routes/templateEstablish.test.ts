import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateVersionSummary } from '../../../server/stores/templateVersions';
import { expectApiError, getOk, LU_1, pedagogischHandelen } from '../../support/designFixtures';
import * as fixtures from '../../support/designFixtures';
import {
  createDesignAt,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';

/**
 * Vastgestelde ontwikkelpaden (001 l.70): a published version is a concept-versie until the
 * atelier's owner, or a member who did not publish it, sets it vastgesteld (four eyes).
 */

let server: TestServer;
let owner: TestOwner;
let editor: TestUser;
let secondEditor: TestUser;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  [editor, secondEditor, viewer, outsider] = await Promise.all([
    server.signUp('Eva Bewerker'),
    server.signUp('Tom Tweede'),
    server.signUp('Vera Lezer'),
    server.signUp('Bo Buitenstaander'),
  ]);
  await server.addMember(owner, owner.teamId, editor, 'editor');
  await server.addMember(owner, owner.teamId, secondEditor, 'editor');
  await server.addMember(owner, owner.teamId, viewer, 'viewer');
});

afterAll(async () => {
  await server?.close();
});

/** A new ontwikkelpad published by `publisher` (a member of the default atelier). */
async function publishAs(publisher: TestUser, title: string): Promise<string> {
  const { versionId } = await fixtures.publishTemplateVersion(
    server,
    { ...publisher, teamId: owner.teamId },
    {
      title,
      sectors: ['po'],
      nlqfLevel: 5,
      themes: [pedagogischHandelen(LU_1)],
    },
  );
  return versionId;
}

const establish = (versionId: string, user?: { cookie: string }) =>
  server.request('POST', `/api/templates/${versionId}/establish`, user ? { cookie: user.cookie } : {});

const library = (user: { cookie: string }) => getOk<TemplateVersionSummary[]>(server, '/api/templates', user);

describe('POST /api/templates/:id/establish', () => {
  it('401 without a session', async () => {
    const versionId = await publishAs(editor, 'Zonder sessie');
    await expectApiError(await establish(versionId), 401, 'unauthenticated');
  });

  it.each([
    ['an outsider', () => outsider],
    ['a viewer of the atelier', () => viewer],
    ['the editor who published it (four eyes)', () => editor],
  ])('403 for a user without access: %s', async (_name, user) => {
    const versionId = await publishAs(editor, `Geweigerd ${_name}`);
    await expectApiError(await establish(versionId, user()), 403, 'forbidden');
    const listed = (await library(owner)).find((version) => version.id === versionId);
    expect(listed).toMatchObject({ established: false, establishedAt: null });
  });

  it('the publisher is told why: four eyes', async () => {
    const versionId = await publishAs(editor, 'Vier ogen');
    await expectApiError(await establish(versionId, editor), 403, 'forbidden', /Vier ogen/);
  });

  it('404 for an unknown version', async () => {
    await expectApiError(await establish('nope', owner), 404, 'not_found');
  });

  it('a published version is a concept-versie; another member sets it vastgesteld, once (409 after)', async () => {
    const versionId = await publishAs(editor, 'Startende leraren');
    const before = (await library(outsider)).find((version) => version.id === versionId);
    expect(before).toMatchObject({ established: false, example: false });

    const response = await establish(versionId, secondEditor);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ id: versionId, established: true });

    const after = await getOk<TemplateVersionSummary>(server, `/api/templates/${versionId}`, outsider);
    expect(after.established).toBe(true);
    expect(Date.parse(after.establishedAt!)).toBeGreaterThan(0);
    await expectApiError(await establish(versionId, owner), 409, 'already_established');
  });

  it('the owner may set their own publication vastgesteld', async () => {
    const versionId = await publishAs(owner, 'Eigen publicatie');
    expect((await establish(versionId, owner)).status).toBe(200);
  });

  it('a design may pin a concept-versie; the catalog says its ontwikkelpad is not yet vastgesteld, until it is', async () => {
    const versionId = await publishAs(editor, 'Pad in concept');
    const labOwner = await server.signUp('Lab Eigenaar');
    const labId = await fixtures.createLab(server, labOwner, 'Co-creatielab Concept');
    const designId = await createDesignAt(server.url, labOwner, {
      teamId: labId,
      templateId: versionId,
      title: 'Op concept',
    });
    const design = await getOk<{ template: { established: boolean } }>(
      server,
      `/api/designs/${designId}`,
      labOwner,
    );
    expect(design.template.established).toBe(false);
    await fixtures.approveDesign(server, labOwner, designId);
    const entry = () =>
      getOk<{ template: { id: string; established: boolean } }>(server, `/api/catalog/${designId}`);
    expect((await entry()).template).toMatchObject({ id: versionId, established: false });
    expect((await establish(versionId, owner)).status).toBe(200);
    expect((await entry()).template.established).toBe(true);
  });

  it('the example ontwikkelpaden are vastgesteld from the start', async () => {
    const examples = (await library(outsider)).filter((version) => version.example);
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.every((version) => version.established)).toBe(true);
  });
});
