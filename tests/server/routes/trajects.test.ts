import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleResult } from '../../../shared/domain/design/rules';
import {
  createDesignAt,
  createTemplateDraftAt,
  createTrajectAt,
  publishedAt,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';
import {
  addDraftTheme,
  clearDraftThemes,
  editDraft,
  setDraftMeta,
  toggleOutcome,
} from '../../support/yclient';

/**
 * Professionaliseringstrajecten: designs of one ontwikkelpad version, the coverage matrix
 * (leeruitkomsten × leerarrangementen) computed from the designs' committed state, R1/R2 and CSV.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let labOwner: TestUser;
let labEditor: TestUser;
let labViewer: TestUser;
let outsider: TestUser;
let labId: string;
let versionId: string;
let otherVersionId: string;

const OUTCOMES = [
  { id: 'o1', code: 'LU 1.1', title: 'Veilig leerklimaat', description: 'a' },
  { id: 'o2', code: 'LU 1.2', title: 'Heldere instructie', description: 'b' },
  { id: 'o3', code: 'LU 1.3', title: 'Differentiëren', description: 'c' },
  { id: 'o4', code: 'LU 2.1', title: 'Feedback geven', description: 'd' },
  { id: 'o5', code: 'LU 2.2', title: 'Samenwerken met collega’s', description: 'e' },
];

interface TrajectView {
  id: string;
  teamId: string;
  template: { id: string };
  items: Array<{ designId: string; title: string; targetedOutcomeIds: string[]; status: string }>;
  matrix: Array<{ outcome: { id: string; code: string }; coveredBy: string[] }>;
  checks: RuleResult[];
  totals: { drafts: number };
}

async function publishLine(title: string): Promise<string> {
  const draftId = await createTemplateDraftAt(server.url, atelierOwner, { teamId: atelierOwner.teamId });
  await editDraft(server.wsUrl, draftId, atelierOwner, (doc) => {
    setDraftMeta(doc, { title, kind: 'start-vakbekwaam', sectors: ['po'], nlqfLevel: 5 });
    clearDraftThemes(doc);
    addDraftTheme(doc, 't1', 'Pedagogisch handelen', OUTCOMES.slice(0, 3));
    addDraftTheme(doc, 't2', 'Professioneel handelen', OUTCOMES.slice(3));
  });
  return (await publishedAt(server.url, atelierOwner, draftId, { changeNote: 'Eerste versie' })).id;
}

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  [labOwner, labEditor, labViewer, outsider] = await Promise.all([
    server.signUp('Lotte Labeigenaar'),
    server.signUp('Eef Labbewerker'),
    server.signUp('Vik Lezer'),
    server.signUp('Bo Buitenstaander'),
  ]);
  labId = await server.createTeam(labOwner, { name: 'Co-creatielab West', kind: 'cocreatieteam' });
  await server.addMember(labOwner, labId, labEditor, 'editor');
  await server.addMember(labOwner, labId, labViewer, 'viewer');
  versionId = await publishLine('Startende leraren po');
  otherVersionId = await publishLine('Startende leraren po (ander pad)');
});

afterAll(async () => {
  await server?.close();
});

async function expectError(response: Response, status: number, code: string): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(JSON.parse(text)).toMatchObject({ error: { code } });
}

/** A design of the lab on `templateId` targeting `outcomeIds`, set through a real provider. */
async function design(title: string, outcomeIds: string[], templateId = versionId): Promise<string> {
  const docId = await createDesignAt(server.url, labEditor, { teamId: labId, templateId, title });
  if (outcomeIds.length > 0) {
    await editDraft(server.wsUrl, docId, labEditor, (doc) =>
      doc.transact(() => outcomeIds.forEach((id) => toggleOutcome(doc, id, true))),
    );
  }
  return docId;
}

async function setItems(trajectId: string, designIds: string[], user = labEditor): Promise<Response> {
  return server.request('PUT', `/api/trajects/${trajectId}/items`, {
    cookie: user.cookie,
    body: { items: designIds.map((designId) => ({ designId })) },
  });
}

async function view(trajectId: string, user: { cookie: string } = labViewer): Promise<TrajectView> {
  const response = await server.request('GET', `/api/trajects/${trajectId}`, { cookie: user.cookie });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as TrajectView;
}

const rule = (view: TrajectView, id: string) => view.checks.find((result) => result.ruleId === id)!;

/** outcome id → the designs covering it, from the response. */
const coverage = (view: TrajectView) =>
  Object.fromEntries(view.matrix.map((row) => [row.outcome.id, row.coveredBy]));

describe('trajects: access', () => {
  let trajectId: string;
  beforeAll(async () => {
    trajectId = await createTrajectAt(server.url, labEditor, { teamId: labId, templateVersionId: versionId });
  });

  it('401 without a session', async () => {
    await expectError(await server.request('GET', `/api/trajects/${trajectId}`), 401, 'unauthenticated');
    await expectError(
      await server.request('GET', `/api/trajects/${trajectId}/matrix.csv`),
      401,
      'unauthenticated',
    );
    await expectError(
      await server.request('POST', '/api/trajects', {
        body: { teamId: labId, title: 'x', templateVersionId: versionId },
      }),
      401,
      'unauthenticated',
    );
  });

  it('403 for a user without access (outsider; a viewer changing items)', async () => {
    const cookie = outsider.cookie;
    await expectError(
      await server.request('GET', `/api/trajects/${trajectId}`, { cookie }),
      403,
      'forbidden',
    );
    await expectError(
      await server.request('GET', `/api/trajects/${trajectId}/matrix.csv`, { cookie }),
      403,
      'forbidden',
    );
    await expectError(
      await server.request('GET', `/api/teams/${labId}/trajects`, { cookie }),
      403,
      'forbidden',
    );
    await expectError(await setItems(trajectId, [], outsider), 403, 'forbidden');
    await expectError(await setItems(trajectId, [], labViewer), 403, 'forbidden');
  });

  it('404 for an unknown traject; the team lists its trajects', async () => {
    await expectError(
      await server.request('GET', '/api/trajects/bestaat-niet', { cookie: labViewer.cookie }),
      404,
      'not_found',
    );
    const response = await server.request('GET', `/api/teams/${labId}/trajects`, {
      cookie: labViewer.cookie,
    });
    expect(response.status).toBe(200);
    const list = (await response.json()) as Array<{ id: string; templateVersionId: string }>;
    expect(list).toContainEqual(expect.objectContaining({ id: trajectId, templateVersionId: versionId }));
  });
});

describe('the coverage matrix', () => {
  let trajectId: string;
  let d1: string;
  let d2: string;
  let d3: string;
  beforeAll(async () => {
    trajectId = await createTrajectAt(server.url, labEditor, {
      teamId: labId,
      templateVersionId: versionId,
      title: 'Inductietraject',
    });
    [d1, d2, d3] = await Promise.all([
      design('Klimaat en instructie', ['o1', 'o2']),
      design('Instructie en differentiatie', ['o2', 'o3']),
      design('Differentiatie verdiept', ['o3']),
    ]);
  });

  it('marks exactly the covered cells; R1 fails naming the gaps; R2 is info below 6', async () => {
    const response = await setItems(trajectId, [d1, d2, d3]);
    expect(response.status, await response.clone().text()).toBe(200);
    const result = await view(trajectId);
    expect(result.items.map((item) => [item.designId, item.title])).toEqual([
      [d1, 'Klimaat en instructie'],
      [d2, 'Instructie en differentiatie'],
      [d3, 'Differentiatie verdiept'],
    ]);
    expect(result.matrix.map((row) => row.outcome.code)).toEqual(OUTCOMES.map((outcome) => outcome.code));
    expect(coverage(result)).toEqual({ o1: [d1], o2: [d1, d2], o3: [d2, d3], o4: [], o5: [] });
    const r1 = rule(result, 'R1');
    expect(r1).toMatchObject({ kind: 'must', status: 'fail', target: { field: 'coverage', itemId: 'o4' } });
    expect(r1.message).toContain('LU 2.1');
    expect(r1.message).toContain('LU 2.2');
    expect(r1.message).not.toContain('LU 1.');
    expect(rule(result, 'R2')).toMatchObject({ status: 'info' });
    expect(result.totals.drafts).toBe(3);
    // Each item carries its design's lifecycle status; new designs start as globaal ontwerp.
    expect(result.items.map((item) => item.status)).toEqual([
      'globaal-ontwerp',
      'globaal-ontwerp',
      'globaal-ontwerp',
    ]);
  });

  it('the matrix follows the designs: a new target shows up without touching the traject', async () => {
    await editDraft(server.wsUrl, d3, labEditor, (doc) => toggleOutcome(doc, 'o1', true));
    expect(coverage(await view(trajectId)).o1).toEqual([d1, d3]);
    await editDraft(server.wsUrl, d3, labEditor, (doc) => toggleOutcome(doc, 'o1', false));
    expect(coverage(await view(trajectId)).o1).toEqual([d1]);
  });

  it('adding a design that covers the gaps makes R1 pass; the CSV is formula-safe', async () => {
    const d4 = await design('=SUM(1)', ['o4', 'o5']);
    const response = await setItems(trajectId, [d1, d2, d3, d4]);
    expect(response.status).toBe(200);
    const result = (await response.json()) as TrajectView;
    expect(coverage(result)).toMatchObject({ o4: [d4], o5: [d4] });
    expect(rule(result, 'R1')).toMatchObject({ status: 'pass' });
    expect(rule(result, 'R2')).toMatchObject({ status: 'info' });
    expect(await view(trajectId)).toMatchObject({ checks: result.checks });

    const csvResponse = await server.request('GET', `/api/trajects/${trajectId}/matrix.csv`, {
      cookie: labViewer.cookie,
    });
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = (await csvResponse.text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1 + OUTCOMES.length);
    const cells = lines.map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
    expect(cells[0]).toEqual([
      'Code',
      'Leeruitkomst',
      'Klimaat en instructie',
      'Instructie en differentiatie',
      'Differentiatie verdiept',
      "'=SUM(1)",
    ]);
    expect(cells.slice(1)).toEqual([
      ['LU 1.1', 'Veilig leerklimaat', 'x', '', '', ''],
      ['LU 1.2', 'Heldere instructie', 'x', 'x', '', ''],
      ['LU 1.3', 'Differentiëren', '', 'x', 'x', ''],
      ['LU 2.1', 'Feedback geven', '', '', '', 'x'],
      ['LU 2.2', 'Samenwerken met collega’s', '', '', '', 'x'],
    ]);
  });

  it('R2 passes with 6 arrangements', async () => {
    const extra = await Promise.all([1, 2, 3].map((n) => design(`Extra ${n}`, [])));
    const traject = await createTrajectAt(server.url, labEditor, {
      teamId: labId,
      templateVersionId: versionId,
    });
    const response = await setItems(traject, [d1, d2, d3, ...extra]);
    expect(response.status).toBe(200);
    expect(rule((await response.json()) as TrajectView, 'R2')).toMatchObject({ status: 'pass' });
  });

  it('refuses a design on another version (other_version) and a duplicate (duplicate_item)', async () => {
    const elsewhere = await design('Op een ander pad', ['o1'], otherVersionId);
    await expectError(await setItems(trajectId, [d1, elsewhere]), 400, 'other_version');
    await expectError(await setItems(trajectId, [d1, d2, d1]), 400, 'duplicate_item');
    // Neither refusal changed the stored list.
    expect((await view(trajectId)).items).toHaveLength(4);
  });

  it('refuses a design the caller cannot read (another team’s draft)', async () => {
    const otherLab = await server.createTeam(outsider, { name: 'Ander lab', kind: 'cocreatieteam' });
    const foreign = await createDesignAt(server.url, outsider, {
      teamId: otherLab,
      templateId: versionId,
      title: 'Van een ander lab',
    });
    await expectError(await setItems(trajectId, [d1, foreign]), 403, 'forbidden');
  });
});
