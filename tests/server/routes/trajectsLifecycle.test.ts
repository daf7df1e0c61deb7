import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleResult } from '../../../shared/domain/design/rules';
import { checkTrajectGates, type DesignStatus } from '../../../shared/domain/lifecycle';
import type { Sector } from '../../../shared/domain/template/types';
import * as fixtures from '../../support/designFixtures';
import { expectApiError as expectError } from '../../support/designFixtures';
import { runValidRound } from '../../support/rounds';
import { createDesignAt, createTrajectAt, startTestServer } from '../../support/server';
import type { TestOwner, TestServer, TestUser } from '../../support/server';
import { editDraft, toggleOutcome } from '../../support/yclient';

/**
 * Professionaliseringstrajecten: the lifecycle (same table as designs, the traject's own gates),
 * owner-only moves with history, audit and an immutable JSON version per move, items frozen during
 * external review, approval that publishes a frozen copy to the public catalog, and items taken
 * from other teams through the catalog. Statuses past interne toetsing are mostly written straight
 * into the database (reaching them through the API needs feedback rounds on every item), the way
 * tests/server/routes/catalog.test.ts does; one test passes the R13 gate with real closed rounds.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let otherOwner: TestUser;
let labId: string;
let otherLabId: string;
let versionId: string;
let otherVersionId: string;

async function publishLine(title: string, sectors: Sector[]): Promise<string> {
  const { versionId: id } = await fixtures.publishTemplateVersion(server, atelierOwner, {
    title,
    sectors,
    nlqfLevel: 5,
    themes: [fixtures.pedagogischHandelen(fixtures.LU_1, fixtures.LU_2)],
  });
  return id;
}

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  ({ labId, owner, editor, commenter, viewer, outsider } = await fixtures.createLabWithRoles(
    server,
    'Co-creatielab Noord',
  ));
  otherOwner = await server.signUp('Ada Anderlab');
  otherLabId = await fixtures.createLab(server, otherOwner, 'Co-creatielab Zuid');
  versionId = await publishLine('Startende leraren', ['vo']);
  otherVersionId = await publishLine('Startende leraren (ander pad)', ['po']);
});

afterAll(async () => {
  await server?.close();
});

// --- helpers -------------------------------------------------------------------------------------

async function design(
  title: string,
  outcomeIds: string[],
  options: { teamId?: string; user?: TestUser; templateId?: string; green?: boolean } = {},
): Promise<string> {
  const user = options.user ?? owner;
  const docId = await createDesignAt(server.url, user, {
    teamId: options.teamId ?? labId,
    templateId: options.templateId ?? versionId,
    title,
  });
  await editDraft(server.wsUrl, docId, user, (doc) => {
    if (options.green) fixtures.makeDesignGreen(doc, outcomeIds);
    else doc.transact(() => outcomeIds.forEach((id) => toggleOutcome(doc, id, true)));
  });
  return docId;
}

/** Approves a design the way catalog.test.ts does: external review in the DB, approval via the API. */
const approveDesign = (docId: string, user: TestUser = owner) => fixtures.approveDesign(server, user, docId);

async function setTrajectStatus(trajectId: string, status: DesignStatus): Promise<void> {
  await server.running.deps.database.db
    .updateTable('trajects')
    .set({ status })
    .where('id', '=', trajectId)
    .execute();
}

const newTraject = (title = 'Traject') =>
  createTrajectAt(server.url, editor, { teamId: labId, templateVersionId: versionId, title });

const setItems = (trajectId: string, designIds: string[], user: TestUser = editor) =>
  server.request('PUT', `/api/trajects/${trajectId}/items`, {
    cookie: user.cookie,
    body: { items: designIds.map((designId) => ({ designId })) },
  });

async function withItems(designIds: string[], title?: string): Promise<string> {
  const trajectId = await newTraject(title);
  const response = await setItems(trajectId, designIds);
  expect(response.status, await response.text()).toBe(200);
  return trajectId;
}

const move = (trajectId: string, user: { cookie: string }, body: Record<string, unknown>) =>
  server.request('POST', `/api/trajects/${trajectId}/status`, { cookie: user.cookie, body });

interface StatusView {
  status: DesignStatus;
  allowed: Array<{ to: DesignStatus; ok: boolean; reason: string | null; outcome: string | null }>;
  history: Array<{ from: string; to: string; outcome: string | null; note: string | null; actorId: string }>;
  canChange: boolean;
}

async function statusOf(trajectId: string, user: { cookie: string } = viewer): Promise<StatusView> {
  return fixtures.getOk<StatusView>(server, `/api/trajects/${trajectId}/status`, user);
}

async function expectMoved(response: Response, to: DesignStatus): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect((JSON.parse(text) as StatusView).status).toBe(to);
}

interface VersionView {
  id: string;
  label: string;
  status: string;
  authorId: string;
  snapshot: {
    title: string;
    status: string;
    items: Array<{ title: string; status: string; source: string; outcomes: Array<{ code: string }> }>;
    coverage: Array<{ outcome: { code: string }; coveredBy: string[] }>;
  };
}

async function versionsOf(trajectId: string, user: { cookie: string } = viewer): Promise<VersionView[]> {
  return (
    await fixtures.getOk<{ versions: VersionView[] }>(server, `/api/trajects/${trajectId}/versions`, user)
  ).versions;
}

interface CatalogTraject {
  id: string;
  kind: string;
  title: string;
  team: { name: string };
  template: { id: string };
  outcomes: Array<{ code: string }>;
  sectors: string[];
  ects: number;
  hours: number;
  license: string;
}

async function catalogTrajects(query = '', cookie?: string): Promise<CatalogTraject[]> {
  const body = await fixtures.getOk<{ trajects: CatalogTraject[] }>(
    server,
    `/api/catalog${query}`,
    cookie ? { cookie } : undefined,
  );
  return body.trajects;
}

// --- tests ---------------------------------------------------------------------------------------

describe('GET /api/trajects/:id/status', () => {
  let trajectId: string;
  beforeAll(async () => {
    trajectId = await newTraject();
  });

  it('401 without a session; 403 outside the team', async () => {
    await expectError(
      await server.request('GET', `/api/trajects/${trajectId}/status`),
      401,
      'unauthenticated',
    );
    await expectError(
      await server.request('GET', `/api/trajects/${trajectId}/status`, { cookie: outsider.cookie }),
      403,
      'forbidden',
    );
    await expectError(
      await server.request('GET', '/api/trajects/bestaat-niet/status', { cookie: owner.cookie }),
      404,
      'not_found',
    );
  });

  it('a new traject is a globaal ontwerp; every member reads it; only owners may move it', async () => {
    for (const user of [owner, editor, commenter, viewer]) {
      const view = await statusOf(trajectId, user);
      expect(view.status).toBe('globaal-ontwerp');
      expect(view.allowed).toEqual([expect.objectContaining({ to: 'prototype', ok: true })]);
      expect(view.history).toEqual([]);
      expect(view.canChange).toBe(user === owner);
    }
  });
});

describe('POST /api/trajects/:id/status: by role', () => {
  it('401 without a session; 403 for editor, commenter, viewer and outsiders; nothing recorded', async () => {
    const trajectId = await newTraject();
    await expectError(
      await server.request('POST', `/api/trajects/${trajectId}/status`, { body: { to: 'prototype' } }),
      401,
      'unauthenticated',
    );
    for (const user of [editor, commenter, viewer, outsider]) {
      await expectError(await move(trajectId, user, { to: 'prototype' }), 403, 'forbidden');
    }
    expect((await statusOf(trajectId)).status).toBe('globaal-ontwerp');
    expect(await versionsOf(trajectId)).toEqual([]);
  });

  it('the owner moves globaal ontwerp → prototype: history, audit entry and a version', async () => {
    const item = await design('Klimaat', ['lu-1']);
    const trajectId = await withItems([item], 'Eerste traject');
    await expectMoved(await move(trajectId, owner, { to: 'prototype', note: 'Start' }), 'prototype');
    const view = await statusOf(trajectId);
    expect(view.history).toEqual([
      expect.objectContaining({ from: 'globaal-ontwerp', to: 'prototype', note: 'Start', actorId: owner.id }),
    ]);
    const audit = await server.running.deps.stores.audit.forTeam(labId);
    expect(audit.find((event) => event.action === 'traject.status_changed')?.details).toMatchObject({
      trajectId,
      from: 'globaal-ontwerp',
      to: 'prototype',
      note: 'Start',
    });
    const versions = await versionsOf(trajectId);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ label: 'Prototype', status: 'prototype', authorId: owner.id });
    expect(versions[0]?.snapshot).toMatchObject({
      title: 'Eerste traject',
      status: 'prototype',
      items: [{ title: 'Klimaat', status: 'globaal-ontwerp', source: 'team', outcomes: [{ code: 'LU 1' }] }],
    });
    expect(versions[0]?.snapshot.coverage).toEqual([
      { outcome: expect.objectContaining({ code: 'LU 1' }), coveredBy: [item] },
      { outcome: expect.objectContaining({ code: 'LU 2' }), coveredBy: [] },
    ]);
  });

  it('validation: an unknown status is 400; a step outside the table is refused with the reason', async () => {
    const trajectId = await newTraject();
    await expectError(await move(trajectId, owner, { to: 'klaar' }), 400, 'invalid_body');
    await expectError(
      await move(trajectId, owner, { to: 'goedgekeurd' }),
      400,
      'transition_refused',
      /Van "Globaal ontwerp" kan een traject niet naar "Goedgekeurd"/,
    );
    expect((await statusOf(trajectId)).history).toEqual([]);
  });
});

describe('POST /api/trajects/:id/status: by gate', () => {
  it('leaving prototype without any leerarrangement is refused', async () => {
    const trajectId = await newTraject();
    await setTrajectStatus(trajectId, 'prototype');
    await expectError(
      await move(trajectId, owner, { to: 'interne-toetsing' }),
      400,
      'transition_refused',
      /zonder leerarrangementen/,
    );
    const view = await statusOf(trajectId);
    expect(view.allowed).toEqual([
      expect.objectContaining({ to: 'interne-toetsing', ok: false, reason: expect.stringMatching(/zonder/) }),
    ]);
  });

  it("leaving prototype with an item's must-rules red names the item and its red rules", async () => {
    const green = await design('Groen', ['lu-1'], { green: true });
    const red = await design('Rood', ['lu-2']);
    const trajectId = await withItems([green, red]);
    await setTrajectStatus(trajectId, 'prototype');
    const response = await move(trajectId, owner, { to: 'interne-toetsing' });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    const { message } = (JSON.parse(text) as { error: { message: string } }).error;
    expect(message).toMatch(
      /^Nog niet alle verplichte regels van de leerarrangementen zijn groen: "Rood" \(R/,
    );
    expect(message).not.toContain('"Groen"');
    expect(message).not.toContain('R13');
  });

  it('with every item green, interne toetsing is still refused: nog geen feedbackronde die aan R13 voldoet', async () => {
    const trajectId = await withItems([await design('Groen A', ['lu-1'], { green: true })]);
    await setTrajectStatus(trajectId, 'prototype');
    await expectError(
      await move(trajectId, owner, { to: 'interne-toetsing' }),
      400,
      'transition_refused',
      /nog geen feedbackronde die aan R13 voldoet voor "Groen A"/,
    );
    expect((await statusOf(trajectId)).status).toBe('prototype');
  });

  it('once every item has a valid feedback round (R13), the owner moves prototype → interne toetsing', async () => {
    const first = await design('Met ronde A', ['lu-1'], { green: true });
    const second = await design('Met ronde B', ['lu-2'], { green: true });
    const trajectId = await withItems([first, second]);
    await expectMoved(await move(trajectId, owner, { to: 'prototype' }), 'prototype');
    // R13 of each item: an empty closed round does not count; a valid one (a teacher's feedback,
    // every item triaged) does.
    await runValidRound(server, owner, first, { title: 'Lege ronde', perspective: null });
    await expectError(
      await move(trajectId, owner, { to: 'interne-toetsing' }),
      400,
      'transition_refused',
      /nog geen feedbackronde die aan R13 voldoet voor "Met ronde A", "Met ronde B"\.$/,
    );
    const closeRoundOn = (docId: string) => runValidRound(server, owner, docId);
    await closeRoundOn(first);
    // One item without a closed round still blocks, naming only that one.
    await expectError(
      await move(trajectId, owner, { to: 'interne-toetsing' }),
      400,
      'transition_refused',
      /nog geen feedbackronde die aan R13 voldoet voor "Met ronde B"\.$/,
    );
    await closeRoundOn(second);
    const view = await statusOf(trajectId);
    expect(view.allowed).toEqual([
      expect.objectContaining({ to: 'interne-toetsing', ok: true, reason: null }),
    ]);
    await expectMoved(await move(trajectId, owner, { to: 'interne-toetsing' }), 'interne-toetsing');
    expect((await versionsOf(trajectId)).map((version) => version.label)).toEqual([
      'Interne toetsing',
      'Prototype',
    ]);
  });

  it('interne toetsing: voldoet → aangemeld (withdraw back), opwerken → prototype, past niet parks (note required)', async () => {
    const trajectId = await withItems([await design('Toets', ['lu-1'])]);
    await setTrajectStatus(trajectId, 'interne-toetsing');
    await expectError(
      await move(trajectId, owner, { to: 'aangemeld-externe-toetsing' }),
      400,
      'transition_refused',
      /uitkomst "Voldoet"/,
    );
    await expectError(
      await move(trajectId, owner, { to: 'geparkeerd', outcome: 'past-niet' }),
      400,
      'transition_refused',
      /Licht toe waarom het traject/,
    );
    await expectMoved(
      await move(trajectId, owner, { to: 'geparkeerd', outcome: 'past-niet', note: 'Te smal.' }),
      'geparkeerd',
    );
    // Parked: read-only until its owner reopens it.
    await expectError(await setItems(trajectId, []), 409, 'read_only');
    await expectMoved(await move(trajectId, owner, { to: 'prototype' }), 'prototype');
    await setTrajectStatus(trajectId, 'interne-toetsing');
    await expectMoved(await move(trajectId, owner, { to: 'prototype', outcome: 'opwerken' }), 'prototype');
    await setTrajectStatus(trajectId, 'interne-toetsing');
    await expectMoved(
      await move(trajectId, owner, { to: 'aangemeld-externe-toetsing', outcome: 'voldoet' }),
      'aangemeld-externe-toetsing',
    );
    await expectMoved(await move(trajectId, owner, { to: 'interne-toetsing' }), 'interne-toetsing');
    const labels = (await versionsOf(trajectId)).map((version) => version.label);
    expect(labels).toEqual([
      'Interne toetsing',
      'Aangemeld voor externe toetsing (Voldoet)',
      'Prototype (Opwerken)',
      'Prototype',
      'Geparkeerd (past niet binnen de kaders)',
    ]);
  });

  it('during external review the items are frozen (409); after afkeuren (note required) they open again', async () => {
    const item = await design('Vast', ['lu-1']);
    const trajectId = await withItems([item]);
    await setTrajectStatus(trajectId, 'aangemeld-externe-toetsing');
    await expectError(await setItems(trajectId, []), 409, 'read_only', /externe toetsing/);
    expect((await versionsOf(trajectId)).length).toBe(0);
    await expectError(
      await move(trajectId, owner, { to: 'afgekeurd' }),
      400,
      'transition_refused',
      /toelichting van de beoordelaar/,
    );
    await expectError(await move(trajectId, editor, { to: 'afgekeurd', note: 'Nee' }), 403, 'forbidden');
    await expectMoved(
      await move(trajectId, owner, { to: 'afgekeurd', note: 'Dekking te dun.' }),
      'afgekeurd',
    );
    expect((await setItems(trajectId, [])).status).toBe(200);
    await expectMoved(await move(trajectId, owner, { to: 'prototype' }), 'prototype');
  });

  it('approval is refused while an included leerarrangement is not itself approved', async () => {
    const approved = await design('Goed', ['lu-1']);
    await approveDesign(approved);
    const draft = await design('Concept', ['lu-2']);
    const trajectId = await withItems([approved, draft]);
    await setTrajectStatus(trajectId, 'aangemeld-externe-toetsing');
    await expectError(
      await move(trajectId, owner, { to: 'goedgekeurd' }),
      400,
      'transition_refused',
      /Goedkeuren kan pas als elk leerarrangement zelf is goedgekeurd; nog niet: "Concept"\./,
    );
    expect((await statusOf(trajectId)).status).toBe('aangemeld-externe-toetsing');
    expect(await server.running.deps.stores.trajectLifecycle.publication(trajectId)).toBeUndefined();
  });

  it('approval is refused while R1 (every leeruitkomst covered) is red', async () => {
    const approved = await design('Alleen LU 1', ['lu-1']);
    await approveDesign(approved);
    const trajectId = await withItems([approved]);
    await setTrajectStatus(trajectId, 'aangemeld-externe-toetsing');
    await expectError(
      await move(trajectId, owner, { to: 'goedgekeurd' }),
      400,
      'transition_refused',
      /Goedkeuren kan nog niet: Nog niet gedekt: LU 2\./,
    );
  });
});

describe('approval, versions and the public catalog', () => {
  let ownItem: string;
  let foreignItem: string;
  let approvedTraject: string;
  let draftTraject: string;
  let forcedTraject: string;

  beforeAll(async () => {
    ownItem = await design('Klimaat in de klas', ['lu-1'], { green: true });
    await approveDesign(ownItem);
    foreignItem = await design('Feedback van Zuid', ['lu-2'], { teamId: otherLabId, user: otherOwner });
    await approveDesign(foreignItem, otherOwner);
    approvedTraject = await withItems([ownItem, foreignItem], 'Startbekwaam in vier stappen');
    // Zuid's arrangement inside Noord's traject: the agreement with Zuid is recorded (R9, 001 l.283).
    const agreed = await server.request('PUT', `/api/trajects/${approvedTraject}/agreements/${foreignItem}`, {
      cookie: owner.cookie,
      body: { confirmed: true },
    });
    expect(agreed.status, await agreed.text()).toBe(200);
    await setTrajectStatus(approvedTraject, 'aangemeld-externe-toetsing');
    await expectMoved(await move(approvedTraject, owner, { to: 'goedgekeurd' }), 'goedgekeurd');
    // Drafts: a traject in prototype with draft items, and one forced to goedgekeurd in the database
    // without ever being approved (so without a publication).
    draftTraject = await withItems([await design('Geheim concept', ['lu-1', 'lu-2'])], 'Geheim traject');
    await setTrajectStatus(draftTraject, 'prototype');
    forcedTraject = await withItems([await design('Ook geheim', ['lu-1', 'lu-2'])], 'Geforceerd traject');
    await setTrajectStatus(forcedTraject, 'goedgekeurd');
  });

  it('anonymous: only the approved traject, with ontwikkelpad, covered outcomes, sectors, team, size and license', async () => {
    const trajects = await catalogTrajects();
    expect(trajects.map((traject) => traject.id)).toEqual([approvedTraject]);
    expect(trajects[0]).toMatchObject({
      kind: 'traject',
      title: 'Startbekwaam in vier stappen',
      team: { name: 'Co-creatielab Noord' },
      template: { id: versionId },
      outcomes: [{ code: 'LU 1' }, { code: 'LU 2' }],
      sectors: ['vo'],
      license: 'CC BY-SA 4.0',
      // Size: the study load over its steps (4 ECTS, 112 hours + nothing); no alternatives, no range.
      ects: 4,
      ectsMax: 4,
      hours: 112,
      hoursMax: 112,
    });
    // Leerarrangementen stay in `items`; the traject is not one of them.
    const response = await server.request('GET', '/api/catalog');
    const body = (await response.json()) as { items: Array<{ id: string }> };
    const ids = body.items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([ownItem, foreignItem]));
    expect(ids).not.toContain(approvedTraject);
  });

  it('drafts never leak: not listed, not searchable, 404 in detail — anonymously and for their owner', async () => {
    for (const cookie of [undefined, owner.cookie]) {
      const listed = JSON.stringify(await catalogTrajects('', cookie));
      expect(listed).not.toContain(draftTraject);
      expect(listed).not.toContain(forcedTraject);
      expect(listed).not.toContain('Geheim');
      for (const id of [draftTraject, forcedTraject]) {
        const response = await server.request('GET', `/api/catalog/trajects/${id}`, cookie ? { cookie } : {});
        expect(response.status).toBe(404);
      }
    }
    expect(await catalogTrajects('?q=geheim')).toEqual([]);
    expect(await catalogTrajects('?q=geforceerd')).toEqual([]);
  });

  it.each([
    ['?q=vier stappen', true],
    ['?q=zuid', true],
    ['?q=onbekend', false],
    ['?sector=vo', true],
    ['?sector=po', false],
    ['?outcomeId=lu-2', true],
    ['?outcomeId=lu-9', false],
  ])('filter %s finds the approved traject: %s', async (query, found) => {
    expect((await catalogTrajects(query)).map((traject) => traject.id)).toEqual(
      found ? [approvedTraject] : [],
    );
  });

  it('filters by ontwikkelpad version and key', async () => {
    expect(await catalogTrajects(`?templateId=${versionId}`)).toHaveLength(1);
    expect(await catalogTrajects(`?templateId=${otherVersionId}`)).toHaveLength(0);
  });

  it('detail (anonymous) lists its leerarrangementen, each in the catalog, with their team', async () => {
    const response = await server.request('GET', `/api/catalog/trajects/${approvedTraject}`);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const body = JSON.parse(text) as {
      license: string;
      items: Array<{ id: string; title: string; team: { name: string }; inCatalog: boolean }>;
    };
    expect(body.license).toBe('CC BY-SA 4.0');
    expect(body.items).toEqual([
      expect.objectContaining({
        id: ownItem,
        title: 'Klimaat in de klas',
        team: expect.objectContaining({ name: 'Co-creatielab Noord' }),
        inCatalog: true,
      }),
      expect.objectContaining({
        id: foreignItem,
        title: 'Feedback van Zuid',
        team: expect.objectContaining({ name: 'Co-creatielab Zuid' }),
        inCatalog: true,
      }),
    ]);
    for (const item of body.items)
      expect((await server.request('GET', `/api/catalog/${item.id}`)).status).toBe(200);
  });

  it('approved: no further moves, items frozen (409), the approval version records the published state', async () => {
    const view = await statusOf(approvedTraject);
    expect(view.allowed).toEqual([]);
    await expectError(await setItems(approvedTraject, [ownItem]), 409, 'read_only', /goedgekeurd/);
    const [latest] = await versionsOf(approvedTraject);
    expect(latest).toMatchObject({ label: 'Goedgekeurd', status: 'goedgekeurd' });
    expect(latest?.snapshot.items.map((item) => [item.title, item.status, item.source])).toEqual([
      ['Klimaat in de klas', 'goedgekeurd', 'team'],
      ['Feedback van Zuid', 'goedgekeurd', 'catalog'],
    ]);
  });

  it('versions are immutable: UPDATE and DELETE are refused by the database, the JSON stays byte-identical', async () => {
    const db = server.running.deps.database.db;
    const versions = () =>
      db.selectFrom('traject_versions').selectAll().where('traject_id', '=', approvedTraject).execute();
    const before = await versions();
    expect(before.length).toBeGreaterThan(0);
    const update = db.updateTable('traject_versions').where('traject_id', '=', approvedTraject);
    await expect(update.set({ json: '{}' }).execute()).rejects.toThrow(/immutable/);
    await expect(update.set({ label: 'Anders' }).execute()).rejects.toThrow(/immutable/);
    await expect(
      db.deleteFrom('traject_versions').where('traject_id', '=', approvedTraject).execute(),
    ).rejects.toThrow(/immutable/);
    expect(await versions()).toEqual(before);
  });

  it('a later change to a traject leaves its earlier versions byte-identical', async () => {
    const first = await design('Eerste', ['lu-1']);
    const second = await design('Tweede', ['lu-2']);
    const trajectId = await withItems([first]);
    await expectMoved(await move(trajectId, owner, { to: 'prototype' }), 'prototype');
    const db = server.running.deps.database.db;
    const read = async () =>
      (
        await db
          .selectFrom('traject_versions')
          .select('json')
          .where('traject_id', '=', trajectId)
          .executeTakeFirstOrThrow()
      ).json;
    const before = await read();
    expect((await setItems(trajectId, [first, second])).status).toBe(200);
    await editDraft(server.wsUrl, first, owner, (doc) => toggleOutcome(doc, 'lu-2', true));
    expect(await read()).toBe(before);
    expect(JSON.parse(before).items).toHaveLength(1);
    // The one permitted rewrite: anonymising the author (account deletion) and nothing else.
    const update = db.updateTable('traject_versions').where('traject_id', '=', trajectId);
    await update.set({ author_id: null }).execute();
    expect(await read()).toBe(before);
    await expect(update.set({ author_id: null, note: 'x' }).execute()).rejects.toThrow(/immutable/);
  });
});

describe('items from other teams (through the catalog)', () => {
  let foreignApproved: string;
  let foreignDraft: string;
  let foreignOtherVersion: string;

  beforeAll(async () => {
    foreignApproved = await design('Zuid goedgekeurd', ['lu-2'], { teamId: otherLabId, user: otherOwner });
    await approveDesign(foreignApproved, otherOwner);
    foreignDraft = await design('Zuid concept', ['lu-1'], { teamId: otherLabId, user: otherOwner });
    foreignOtherVersion = await design('Zuid ander pad', [], {
      teamId: otherLabId,
      user: otherOwner,
      templateId: otherVersionId,
    });
    await approveDesign(foreignOtherVersion, otherOwner);
  });

  it("another team's approved design is included as a catalog reference, shown with its team", async () => {
    const trajectId = await withItems([foreignApproved]);
    const response = await server.request('GET', `/api/trajects/${trajectId}`, { cookie: viewer.cookie });
    const view = (await response.json()) as {
      items: Array<{ designId: string; title: string; source: string; teamName: string; status: string }>;
      matrix: Array<{ outcome: { id: string }; coveredBy: string[] }>;
    };
    expect(view.items).toEqual([
      expect.objectContaining({
        designId: foreignApproved,
        title: 'Zuid goedgekeurd',
        source: 'catalog',
        teamName: 'Co-creatielab Zuid',
        status: 'goedgekeurd',
      }),
    ]);
    expect(view.matrix.find((row) => row.outcome.id === 'lu-2')?.coveredBy).toEqual([foreignApproved]);
    const stored = await server.running.deps.database.db
      .selectFrom('traject_items')
      .select('publication_id')
      .where('traject_id', '=', trajectId)
      .execute();
    expect(stored).toEqual([{ publication_id: foreignApproved }]);
  });

  it("another team's draft is refused (403), even for someone who is a member of both teams", async () => {
    const trajectId = await newTraject();
    await expectError(
      await setItems(trajectId, [foreignDraft]),
      403,
      'forbidden',
      /goedgekeurd leerarrangement/,
    );
    await server.addMember(otherOwner, otherLabId, editor, 'editor');
    await expectError(await setItems(trajectId, [foreignDraft]), 403, 'forbidden');
    const response = await server.request('GET', `/api/trajects/${trajectId}`, { cookie: viewer.cookie });
    expect(((await response.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("another team's approved design on another ontwikkelpad version is refused (400)", async () => {
    const trajectId = await newTraject();
    await expectError(await setItems(trajectId, [foreignOtherVersion]), 400, 'other_version');
  });
});

describe('checkTrajectGates (pure): the R13 gate on its own', () => {
  const results = (rounds: number | null): RuleResult[] => [
    {
      ruleId: 'R3',
      kind: 'must',
      status: 'pass',
      message: '',
      target: { field: 'x' },
      gate: 'leaving-prototype',
    },
    {
      ruleId: 'R13',
      kind: 'must',
      status: rounds === null ? 'pending' : rounds >= 1 ? 'pass' : 'fail',
      message: '',
      target: { field: 'feedback' },
      gate: 'interne-toetsing',
    },
  ];

  it('interne toetsing opens once every item has a closed feedback round', () => {
    const input = (rounds: number | null) => ({
      items: [
        { title: 'A', results: results(1), published: false },
        { title: 'B', results: results(rounds), published: false },
      ],
      trajectResults: [],
    });
    expect(checkTrajectGates('prototype', 'interne-toetsing', input(1))).toEqual({ ok: true });
    expect(checkTrajectGates('prototype', 'interne-toetsing', input(0))).toEqual({
      ok: false,
      reason: 'Interne toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet voor "B".',
      code: 'traject_no_closed_round',
      params: { items: '"B"' },
    });
    expect(checkTrajectGates('prototype', 'interne-toetsing', input(null)).ok).toBe(false);
  });
});
