import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveDesign,
  createLab,
  expectApiError,
  getOk,
  LU_1,
  pedagogischHandelen,
} from '../../support/designFixtures';
import * as fixtures from '../../support/designFixtures';
import {
  createDesignAt,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';

/**
 * The licence per co-creatieteam: chosen by its owner (CC BY-SA 4.0 suggested until then), carried
 * by every publication as it stood at approval — a later choice never relicenses what is public.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let labId: string;
let versionId: string;

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  [owner, editor, outsider] = await Promise.all([
    server.signUp('Olga Eigenaar'),
    server.signUp('Eef Bewerker'),
    server.signUp('Bo Buitenstaander'),
  ]);
  labId = await createLab(server, owner, 'Co-creatielab Oost', [[editor, 'editor']]);
  ({ versionId } = await fixtures.publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [pedagogischHandelen(LU_1)],
  }));
});

afterAll(async () => {
  await server?.close();
});

interface TeamBody {
  license: { license: string; chosen: boolean; chosenAt: string | null };
}

const patchLicense = (license: unknown, user?: { cookie: string }, teamId = labId) =>
  server.request('PATCH', `/api/teams/${teamId}`, {
    ...(user ? { cookie: user.cookie } : {}),
    body: { license },
  });

async function approvedDesign(title: string): Promise<string> {
  const id = await createDesignAt(server.url, owner, { teamId: labId, templateId: versionId, title });
  await approveDesign(server, owner, id);
  return id;
}

const catalogLicense = async (id: string) =>
  (await getOk<{ license: string }>(server, `/api/catalog/${id}`)).license;

describe('PATCH /api/teams/:teamId { license }', () => {
  it('401 without a session', async () => {
    await expectApiError(await patchLicense('CC BY 4.0'), 401, 'unauthenticated');
  });

  it.each([
    ['an outsider', () => outsider],
    ['an editor of the team', () => editor],
  ])('403 for a user without access: %s', async (_name, user) => {
    await expectApiError(await patchLicense('CC BY 4.0', user()), 403, 'forbidden');
  });

  it.each([['CC BY-ND 4.0'], ['alle rechten voorbehouden'], [42]])(
    '400 for a licence not offered: %j',
    async (license) => {
      await expectApiError(await patchLicense(license, owner), 400, 'invalid_body');
    },
  );

  it('400 for an atelier: it publishes no leerarrangementen', async () => {
    await expectApiError(
      await patchLicense('CC BY 4.0', atelierOwner, atelierOwner.teamId),
      400,
      'no_license',
    );
  });

  it('suggests CC BY-SA 4.0 until the owner chooses; the choice is kept and shown', async () => {
    const before = await getOk<TeamBody>(server, `/api/teams/${labId}`, editor);
    expect(before.license).toEqual({ license: 'CC BY-SA 4.0', chosen: false, chosenAt: null });
    const old = await approvedDesign('Vóór de keuze');
    expect(await catalogLicense(old)).toBe('CC BY-SA 4.0');

    const response = await patchLicense('CC BY 4.0', owner);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ id: labId, license: { license: 'CC BY 4.0', chosen: true } });
    expect((await getOk<TeamBody>(server, `/api/teams/${labId}`, editor)).license.license).toBe('CC BY 4.0');

    const chosen = await approvedDesign('Na de keuze');
    const items = (await getOk<{ items: Array<{ id: string; license: string }> }>(server, '/api/catalog'))
      .items;
    expect(Object.fromEntries(items.map((item) => [item.id, item.license]))).toEqual({
      [old]: 'CC BY-SA 4.0',
      [chosen]: 'CC BY 4.0',
    });

    // A later choice applies to later approvals only.
    expect((await patchLicense('CC BY-NC-SA 4.0', owner)).status).toBe(200);
    const later = await approvedDesign('Nog later');
    expect(await catalogLicense(chosen)).toBe('CC BY 4.0');
    expect(await catalogLicense(later)).toBe('CC BY-NC-SA 4.0');
  });

  it('a reused design names the licence of its source', async () => {
    const source = await approvedDesign('Bron');
    const license = await catalogLicense(source);
    const reuse = await server.request('POST', `/api/catalog/${source}/reuse`, {
      cookie: owner.cookie,
      body: { teamId: labId },
    });
    expect(reuse.status).toBe(201);
    const { id } = (await reuse.json()) as { id: string };
    const status = await getOk<{ basedOn: { license: string } }>(server, `/api/designs/${id}/status`, owner);
    expect(status.basedOn.license).toBe(license);
  });

  it('other fields still change without touching the licence', async () => {
    const response = await server.request('PATCH', `/api/teams/${labId}`, {
      cookie: owner.cookie,
      body: { consortium: 'Consortium Oost' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ consortium: 'Consortium Oost', license: { chosen: true } });
  });
});
