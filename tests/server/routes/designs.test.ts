import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateVersion } from '../../../server/stores/templateVersions';
import { checkDesign, type RuleResult } from '../../../shared/domain/design/rules';
import { addActivity, evidenceText, projectDesign } from '../../../shared/editor/designDoc';
import {
  createLabWithRoles,
  getOk,
  expectApiError as expectError,
  fetchTemplate,
  publishTemplateVersion,
} from '../../support/designFixtures';
import { createDesignAt, startTestServer } from '../../support/server';
import type { TestOwner, TestServer, TestUser } from '../../support/server';
import * as yclient from '../../support/yclient';

/**
 * POST /api/designs, GET /api/designs/:id and its checks: a co-creatieteam designs a leerarrangement
 * against a published ontwikkelpad version; the server computes R3–R13 from the committed state.
 */

let server: TestServer;
/** Owner of the atelier that publishes the ontwikkelpad. */
let atelierOwner: TestOwner;
let labOwner: TestUser;
let labEditor: TestUser;
let labCommenter: TestUser;
let labViewer: TestUser;
let outsider: TestUser;
let labId: string;
let versionId: string;
let template: TemplateVersion;
const clients: yclient.TestClient[] = [];

const OUTCOMES = [
  { id: 'lu-klimaat', code: 'LU 1.1', title: 'Veilig leerklimaat', description: 'Bouwt een leerklimaat op.' },
  { id: 'lu-instructie', code: 'LU 1.2', title: 'Heldere instructie', description: 'Geeft instructie.' },
  { id: 'lu-feedback', code: 'LU 2.1', title: 'Feedback geven', description: 'Geeft gerichte feedback.' },
];

interface Checks {
  results: RuleResult[];
  studyLoad: { totalHours: number; statedHours: number | null };
}

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  const lab = await createLabWithRoles(server, 'Co-creatielab Zuid', {
    owner: 'Lotte Labeigenaar',
    editor: 'Eef Labbewerker',
  });
  ({ labId, owner: labOwner, editor: labEditor, commenter: labCommenter, viewer: labViewer, outsider } = lab);
  ({ versionId } = await publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren vo/mbo',
    sectors: ['vo', 'mbo'],
    nlqfLevel: 5,
    themes: [
      { id: 'thema-ped', title: 'Pedagogisch handelen', outcomes: [OUTCOMES[0]!, OUTCOMES[1]!] },
      { id: 'thema-did', title: 'Didactisch handelen', outcomes: [OUTCOMES[2]!] },
    ],
  }));
  template = await fetchTemplate(server, labOwner, versionId);
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

const newDesign = (user: { cookie: string } = labEditor, title = 'Samen leren in de school') =>
  createDesignAt(server.url, user, { teamId: labId, templateId: versionId, title });

async function checksOf(docId: string, user: { cookie: string } = labEditor): Promise<Checks> {
  return getOk<Checks>(server, `/api/designs/${docId}/checks`, user);
}

const statuses = (results: RuleResult[]) =>
  Object.fromEntries(results.map((result) => [result.ruleId, result.status]));

async function join(docId: string, user: TestUser = labEditor): Promise<yclient.TestClient> {
  const client = await yclient.connectSynced(server.wsUrl, docId, { cookie: user.cookie, durable: true });
  clients.push(client);
  return client;
}

describe('POST /api/designs', () => {
  it('401 without a session', async () => {
    const response = await server.request('POST', '/api/designs', {
      body: { teamId: labId, templateId: versionId, title: 'x' },
    });
    await expectError(response, 401, 'unauthenticated');
  });

  it.each([
    ['an outsider', () => outsider],
    ['a commenter of the co-creatieteam', () => labCommenter],
    ['a viewer of the co-creatieteam', () => labViewer],
    ['the atelier owner, into the co-creatieteam', () => atelierOwner],
  ])('403 for a user without access: %s', async (_name, user) => {
    const response = await server.request('POST', '/api/designs', {
      cookie: user().cookie,
      body: { teamId: labId, templateId: versionId, title: 'x' },
    });
    await expectError(response, 403, 'forbidden');
  });

  it('403 into an atelier, even for its owner: only co-creatieteams design leerarrangementen', async () => {
    const response = await server.request('POST', '/api/designs', {
      cookie: atelierOwner.cookie,
      body: { teamId: atelierOwner.teamId, templateId: versionId, title: 'x' },
    });
    await expectError(response, 403, 'forbidden');
  });

  it.each([
    [
      'an unknown template version',
      () => ({ teamId: labId, templateId: 'bestaat-niet', title: 'x' }),
      404,
      'not_found',
    ],
    [
      'an unknown team',
      () => ({ teamId: '00000000-0000-4000-8000-000000000000', templateId: versionId, title: 'x' }),
      404,
      'not_found',
    ],
    ['an empty title', () => ({ teamId: labId, templateId: versionId, title: '  ' }), 400, 'invalid_body'],
    [
      'an unknown field',
      () => ({ teamId: labId, templateId: versionId, title: 'x', extra: 1 }),
      400,
      'invalid_body',
    ],
  ])('refuses %s', async (_name, body, status, code) => {
    const response = await server.request('POST', '/api/designs', { cookie: labEditor.cookie, body: body() });
    await expectError(response, status, code);
  });

  it('an editor of the co-creatieteam creates a design seeded from the template version', async () => {
    const docId = await newDesign(labEditor, 'Intervisie als motor');
    const response = await server.request('GET', `/api/designs/${docId}`, { cookie: labViewer.cookie });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const body = JSON.parse(text) as Record<string, unknown> & { template: Record<string, unknown> };
    expect(body).toMatchObject({
      id: docId,
      docId,
      teamId: labId,
      title: 'Intervisie als motor',
      kind: 'leerarrangement',
      template: { id: versionId, version: '1.0' },
      newerTemplate: null,
      role: 'viewer',
    });
    // The pinned version is presented without its content (that is GET /api/templates/:id).
    expect(body.template).not.toHaveProperty('content');
    // The doc holds one rich-text section per template section, the template's level and sectors.
    const client = await join(docId, labViewer);
    expect(yclient.sectionIds(client.doc)).toEqual(template.content.sections.map((section) => section.id));
    const content = projectDesign(client.doc, template.content);
    expect(content).toMatchObject({
      title: 'Intervisie als motor',
      nlqfLevel: 5,
      sectors: ['vo', 'mbo'],
      targetedOutcomeIds: [],
      activities: [],
    });
  });
});

describe('GET /api/designs/:id and /checks', () => {
  let docId: string;
  beforeAll(async () => {
    docId = await newDesign();
  });

  it('401 without a session', async () => {
    await expectError(await server.request('GET', `/api/designs/${docId}`), 401, 'unauthenticated');
    await expectError(await server.request('GET', `/api/designs/${docId}/checks`), 401, 'unauthenticated');
  });

  it.each([
    ['an outsider', () => outsider],
    ['a member of another team (the atelier)', () => atelierOwner],
  ])('403 for a user without access: %s', async (_name, user) => {
    const cookie = user().cookie;
    await expectError(await server.request('GET', `/api/designs/${docId}`, { cookie }), 403, 'forbidden');
    await expectError(
      await server.request('GET', `/api/designs/${docId}/checks`, { cookie }),
      403,
      'forbidden',
    );
  });

  it('404 for an unknown id, and for a document that is not a leerarrangement', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cookie = labEditor.cookie;
    await expectError(
      await server.request('GET', `/api/designs/${unknown}/checks`, { cookie }),
      404,
      'not_found',
    );
    const plainDoc = await server.request('POST', '/api/documents', {
      cookie,
      body: { teamId: labId, title: 'Notities' },
    });
    const { id } = (await plainDoc.json()) as { id: string };
    await expectError(await server.request('GET', `/api/designs/${id}`, { cookie }), 404, 'not_found');
    await expectError(await server.request('GET', `/api/designs/${id}/checks`, { cookie }), 404, 'not_found');
  });

  it('a fresh design: R4, R7, R8, R9 fail; R3 warns (no mode yet); R13 fails (no closed feedback round); R5 and R6 pass from the template defaults', async () => {
    const { results, studyLoad } = await checksOf(docId, labViewer);
    expect(results.map((result) => result.ruleId)).toEqual([
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
      'R12',
      'R13',
    ]);
    expect(statuses(results)).toEqual({
      R3: 'warn',
      R4: 'fail',
      R5: 'pass',
      R6: 'pass',
      R7: 'fail',
      R8: 'fail',
      R9: 'fail',
      R10: 'warn',
      R11: 'pass',
      R12: 'pass',
      R13: 'fail',
    });
    const r4 = results.find((result) => result.ruleId === 'R4')!;
    expect(r4).toMatchObject({ kind: 'must', target: { field: 'outcomes' }, gate: 'leaving-prototype' });
    expect(r4.message).toMatch(/leeruitkomst/);
    expect(studyLoad).toMatchObject({ totalHours: 0, statedHours: null });
  });
});

describe('checks after filling the design through a real provider', () => {
  it('every must-rule except R13 passes, computed from the committed state (live room and from disk)', async () => {
    const docId = await newDesign(labEditor, 'Feedback in de les');
    const client = await join(docId);
    const [klimaat, , feedback] = OUTCOMES;
    client.doc.transact(() => {
      yclient.toggleOutcome(client.doc, klimaat!.id, true);
      yclient.toggleOutcome(client.doc, feedback!.id, true);
      evidenceText(client.doc, klimaat!.id).insert(0, 'Lesobservatie met kijkwijzer.');
      evidenceText(client.doc, feedback!.id).insert(0, 'Video van een feedbackgesprek met reflectie.');
      yclient.setDesignMeta(client.doc, {
        mode: 'formeel',
        ects: 4,
        placementType: 'verticaal',
        position: 2,
      });
      yclient.setDesignText(
        client.doc,
        'trajectRelation',
        'Tweede stap, na het leerarrangement over klimaat.',
      );
      yclient.setDesignText(client.doc, 'evcApproach', 'Portfolio en criteriumgericht interview.');
    });
    addActivity(client.doc, {
      title: 'Intervisie',
      kind: 'intervisie',
      mode: 'formeel',
      hours: 56,
      materialStatus: 'bestaand',
    });
    addActivity(client.doc, {
      title: 'Co-teaching',
      kind: 'co-teaching',
      mode: 'non-formeel',
      hours: 56,
      materialStatus: 'nieuw',
      providerType: 'derde',
      providerName: 'Hogeschool Rotterdam',
    });
    await yclient.waitForAllAcked(client);

    const live = await checksOf(docId, labViewer);
    const expected = checkDesign(projectDesign(client.doc, template.content), template.content, {
      feedback: [],
      origin: 'nieuw',
      hoursPerEcts: 28,
    });
    expect(live.results).toEqual(expected);
    for (const result of live.results) {
      if (result.ruleId === 'R13') expect(result.status).toBe('fail');
      else expect(result.status, `${result.ruleId}: ${result.message}`).toBe('pass');
    }
    expect(live.studyLoad).toMatchObject({ totalHours: 112, statedHours: 112 });

    // Nobody connected: the room unloads and the server reads the same answer from SQLite.
    client.destroy();
    await yclient.waitFor(
      () => server.running.deps.rooms.peek(docId) === undefined,
      () => 'room did not unload',
    );
    expect((await checksOf(docId)).results).toEqual(expected);
  });

  it('a removed target and an empty evidence text fail again (R4, R7 name the outcome)', async () => {
    const docId = await newDesign();
    const client = await join(docId);
    const [klimaat, instructie] = OUTCOMES;
    client.doc.transact(() => {
      yclient.toggleOutcome(client.doc, klimaat!.id, true);
      yclient.toggleOutcome(client.doc, instructie!.id, true);
      evidenceText(client.doc, klimaat!.id).insert(0, 'Observatie.');
    });
    await yclient.waitForAllAcked(client);
    const results = (await checksOf(docId)).results;
    expect(statuses(results)).toMatchObject({ R4: 'pass', R7: 'fail' });
    const r7 = results.find((result) => result.ruleId === 'R7')!;
    expect(r7.message).toContain(instructie!.code);
    expect(r7.target).toEqual({ field: 'evidence', itemId: instructie!.id });
  });
});
