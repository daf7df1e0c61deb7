import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CRITERIA, EXAMPLE_FRAME_NOTICE_NL } from '../../../shared/domain/review';
import { expectApiError as expectError, getOk } from '../../support/designFixtures';
import { createCommittee, openAssignmentId, type Committee } from '../../support/externalReview';
import { countLogRows, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { connectSynced, setDesignText, type TestClient } from '../../support/yclient';
import { reviewWorld, type ReviewWorld } from './reviewWorld';

/**
 * The externe toetsing around the decision: "past niet" parks a design read-only, a committee's
 * quality frame (the example marked as such, editable by its owners), and choosing among several
 * committees when submitting.
 */

let server: TestServer;
let world: ReviewWorld;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let labId: string;
let committee: Committee;

beforeAll(async () => {
  server = await startTestServer();
  world = await reviewWorld(server);
  ({ owner, editor, outsider, labId, committee } = world);
});

afterAll(async () => {
  await server?.close();
});

const move: ReviewWorld['move'] = (...args) => world.move(...args);
const statusOf: ReviewWorld['statusOf'] = (docId) => world.statusOf(docId);
const readyToSubmit: ReviewWorld['readyToSubmit'] = (title) => world.readyToSubmit(title);
const submit: ReviewWorld['submit'] = (docId, body) => world.submit(docId, body);
let versionId: string;
const clients: TestClient[] = [];

beforeAll(() => {
  versionId = world.versionId;
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

describe('past niet parks the design', () => {
  it('read-only: a socket edit is not applied and document.edit answers 409; the owner reopens it', async () => {
    const docId = await readyToSubmit('Geparkeerd');
    expect(
      (
        await move(docId, owner, {
          to: 'geparkeerd',
          outcome: 'past-niet',
          note: 'Geen passend ontwikkelpad.',
        })
      ).status,
    ).toBe(200);
    expect(await statusOf(docId)).toBe('geparkeerd');
    const client = await connectSynced(server.wsUrl, docId, { cookie: editor.cookie, durable: true });
    clients.push(client);
    const before = await countLogRows(server.dataDir, docId);
    setDesignText(client.doc, 'evcApproach', 'Toch gewijzigd.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await countLogRows(server.dataDir, docId)).toBe(before);
    const upgrade = await server.request('POST', `/api/designs/${docId}/upgrade`, {
      cookie: owner.cookie,
      body: { toVersionId: versionId },
    });
    await expectError(upgrade, 409, 'read_only', /geparkeerd/);
    expect((await move(docId, editor, { to: 'prototype' })).status).toBe(403);
    expect((await move(docId, owner, { to: 'prototype' })).status).toBe(200);
  });
});

describe('quality frame', () => {
  const frameUrl = () => `/api/reviews/teams/${committee.teamId}/frame`;

  it('the example frame is marked as such; only the owner edits it; new submissions use it', async () => {
    const frame = await getOk<{ example: boolean; criteria: Array<{ id: string }> }>(
      server,
      frameUrl(),
      committee.reviewer,
    );
    expect(frame.example).toBe(true);
    expect(frame.criteria.map((criterion) => criterion.id)).toEqual(
      EXAMPLE_CRITERIA.map((criterion) => criterion.id),
    );
    expect(EXAMPLE_FRAME_NOTICE_NL).toMatch(
      /Voorbeeldkader — de criteria van het Kwaliteitskader NAPL staan niet in de bronnen/,
    );
    const body = { criteria: [{ id: 'doel', title: 'Doel helder', description: '' }, { title: 'Bewijs' }] };
    await expectError(
      await server.request('PUT', frameUrl(), { cookie: committee.reviewer.cookie, body }),
      403,
      'forbidden',
    );
    await expectError(
      await server.request('PUT', frameUrl(), { cookie: committee.admin.cookie, body: { criteria: [] } }),
      400,
      'invalid_body',
    );
    const saved = await server.request('PUT', frameUrl(), { cookie: committee.admin.cookie, body });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await saved.json()).toMatchObject({
      example: false,
      criteria: [{ id: 'doel' }, { title: 'Bewijs' }],
    });
    const docId = await readyToSubmit('Nieuw kader');
    expect((await submit(docId)).status).toBe(200);
    const assignmentId = await openAssignmentId(server, owner, docId);
    const detail = await getOk<{ criteria: Array<{ title: string }> }>(
      server,
      `/api/reviews/${assignmentId}`,
      committee.reviewer,
    );
    expect(detail.criteria.map((criterion) => criterion.title)).toEqual(['Doel helder', 'Bewijs']);
  });

  it('404 for a team that is no toetsingscommissie; 403 for a non-member', async () => {
    await expectError(
      await server.request('GET', `/api/reviews/teams/${labId}/frame`, { cookie: owner.cookie }),
      404,
      'not_found',
    );
    await expectError(await server.request('GET', frameUrl(), { cookie: outsider.cookie }), 403, 'forbidden');
  });
});

describe('several committees', () => {
  it('reviewTeamId is required when two exist (400), and names the queue', async () => {
    const second = await createCommittee(server, 'Toetsingscommissie Zuid');
    const docId = await readyToSubmit('Keuze');
    await expectError(await submit(docId), 400, 'review_team_required', /kies/);
    await expectError(await submit(docId, { reviewTeamId: labId }), 400, 'review_team_unknown');
    expect(await statusOf(docId)).toBe('interne-toetsing');
    expect((await submit(docId, { reviewTeamId: second.teamId })).status).toBe(200);
    const queue = await getOk<Array<{ docId: string }>>(
      server,
      `/api/reviews/teams/${second.teamId}/queue`,
      second.reviewer,
    );
    expect(queue.map((entry) => entry.docId)).toEqual([docId]);
    // The first committee cannot decide on the second's submission.
    await expectError(await move(docId, committee.reviewer, { to: 'goedgekeurd' }), 403, 'forbidden');
  });
});
