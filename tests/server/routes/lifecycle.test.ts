import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import {
  createLabWithRoles,
  expectApiError as expectError,
  getOk,
  LU_1,
  pedagogischHandelen,
  forceDesignStatus,
  makeDesignGreen,
  publishTemplateVersion,
} from '../../support/designFixtures';
import {
  closeARound,
  decide,
  forceSubmission,
  sharedCommittee,
  type Committee,
} from '../../support/externalReview';
import { countLogRows, createDesignAt, startTestServer } from '../../support/server';
import type { TestOwner, TestServer, TestUser } from '../../support/server';
import { connectSynced, editDraft, setDesignText, waitFor, type TestClient } from '../../support/yclient';

/**
 * GET/POST /api/designs/:id/status: the lifecycle by role and by gate, and the document frozen while
 * it is with external review. Statuses past interne toetsing cannot be reached through the API until
 * feedback rounds exist (R13), so `setStatus` writes them straight into the database.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let labId: string;
let versionId: string;
let committee: Committee;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  ({ labId, owner, editor, commenter, viewer, outsider } = await createLabWithRoles(
    server,
    'Co-creatielab Noord',
  ));
  ({ versionId } = await publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [pedagogischHandelen(LU_1)],
  }));
  committee = await sharedCommittee(server);
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

const newDesign = () =>
  createDesignAt(server.url, owner, { teamId: labId, templateId: versionId, title: 'Klimaat' });

/** Makes every leaving-prototype must-rule green. */
const makeGreen = (docId: string) =>
  editDraft(server.wsUrl, docId, editor, (doc) => makeDesignGreen(doc, ['lu-1']));

/** Test shortcut: puts a design in a status the API cannot reach yet (see the file comment). */
const setStatus = (docId: string, status: DesignStatus) => forceDesignStatus(server, docId, status);

const move = (docId: string, user: { cookie: string }, body: Record<string, unknown>) =>
  server.request('POST', `/api/designs/${docId}/status`, { cookie: user.cookie, body });

interface StatusView {
  status: DesignStatus;
  label: string;
  allowed: Array<{ to: DesignStatus; label: string; ok: boolean; reason: string | null }>;
  history: Array<{ from: string; to: string; outcome: string | null; note: string | null; actorId: string }>;
  basedOn: { id: string; title: string | null } | null;
}

async function statusOf(docId: string, user: { cookie: string } = viewer): Promise<StatusView> {
  return getOk<StatusView>(server, `/api/designs/${docId}/status`, user);
}

describe('GET /api/designs/:id/status', () => {
  it('401 without a session', async () => {
    const docId = await newDesign();
    expect((await server.request('GET', `/api/designs/${docId}/status`)).status).toBe(401);
  });

  it('403 for a user without access', async () => {
    const docId = await newDesign();
    await expectError(
      await server.request('GET', `/api/designs/${docId}/status`, { cookie: outsider.cookie }),
      403,
      'forbidden',
    );
  });

  it('a new design is a globaal ontwerp; every member reads its status, next steps and history', async () => {
    const docId = await newDesign();
    for (const user of [owner, editor, commenter, viewer]) {
      const view = await statusOf(docId, user);
      expect(view).toMatchObject({
        status: 'globaal-ontwerp',
        label: 'Globaal ontwerp',
        history: [],
        basedOn: null,
      });
      expect(view.allowed).toEqual([
        expect.objectContaining({ to: 'prototype', label: 'Prototype', ok: true, reason: null }),
      ]);
    }
  });
});

describe('POST /api/designs/:id/status', () => {
  it('401 without a session', async () => {
    const docId = await newDesign();
    expect(
      (await server.request('POST', `/api/designs/${docId}/status`, { body: { to: 'prototype' } })).status,
    ).toBe(401);
  });

  it.each([
    ['an editor', () => editor],
    ['a commenter', () => commenter],
    ['a viewer', () => viewer],
    ['an outsider', () => outsider],
  ])('403 for a user without access: %s cannot move the status', async (_name, user) => {
    const docId = await newDesign();
    await expectError(await move(docId, user(), { to: 'prototype' }), 403, 'forbidden');
    expect((await statusOf(docId)).status).toBe('globaal-ontwerp');
  });

  it('the owner moves globaal ontwerp → prototype: history, audit entry and a version', async () => {
    const docId = await newDesign();
    const response = await move(docId, owner, { to: 'prototype', note: 'Start prototype' });
    expect(response.status, await response.clone().text()).toBe(200);
    const view = await statusOf(docId);
    expect(view.status).toBe('prototype');
    expect(view.history).toEqual([
      expect.objectContaining({
        from: 'globaal-ontwerp',
        to: 'prototype',
        note: 'Start prototype',
        actorId: owner.id,
      }),
    ]);
    const audit = await server.running.deps.stores.audit.forTeam(labId);
    expect(audit.find((event) => event.action === 'design.status_changed')?.details).toMatchObject({
      documentId: docId,
      from: 'globaal-ontwerp',
      to: 'prototype',
    });
    const versions = await server.running.deps.database.db
      .selectFrom('document_versions')
      .select(['label', 'status'])
      .where('doc_id', '=', docId)
      .execute();
    expect(versions).toEqual([{ label: 'Prototype', status: 'prototype' }]);
  });

  it('leaving prototype with must-rules red is refused with the red rules named', async () => {
    const docId = await newDesign();
    await setStatus(docId, 'prototype');
    await expectError(
      await move(docId, owner, { to: 'interne-toetsing' }),
      400,
      'transition_refused',
      /R4.*R7/,
    );
    const view = await statusOf(docId);
    expect(view.status).toBe('prototype');
    expect(view.allowed[0]).toMatchObject({ to: 'interne-toetsing', ok: false });
  });

  it('with must-rules green, interne toetsing is still refused: nog geen feedbackronde die aan R13 voldoet', async () => {
    const docId = await newDesign();
    await setStatus(docId, 'prototype');
    await makeGreen(docId);
    await expectError(
      await move(docId, owner, { to: 'interne-toetsing' }),
      400,
      'transition_refused',
      /nog geen feedbackronde die aan R13 voldoet/,
    );
    expect((await statusOf(docId)).allowed[0]?.reason).toMatch(/nog geen feedbackronde die aan R13 voldoet/);
  });

  it('refuses a step outside the table and an unknown status', async () => {
    const docId = await newDesign();
    await expectError(
      await move(docId, owner, { to: 'goedgekeurd' }),
      400,
      'transition_refused',
      /niet naar/,
    );
    await expectError(await move(docId, owner, { to: 'klaar' }), 400, 'invalid_body');
  });

  it('interne toetsing: voldoet → aangemeld (needs R13), opwerken → prototype, past niet parks (note required)', async () => {
    const docId = await newDesign();
    await setStatus(docId, 'interne-toetsing');
    await expectError(
      await move(docId, owner, { to: 'aangemeld-externe-toetsing', outcome: 'voldoet' }),
      400,
      'transition_refused',
      /Aanmelden voor externe toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet/,
    );
    await closeARound(server, owner, docId);
    await expectError(
      await move(docId, owner, { to: 'aangemeld-externe-toetsing' }),
      400,
      'transition_refused',
    );
    await expectError(
      await move(docId, owner, { to: 'geparkeerd', outcome: 'past-niet' }),
      400,
      'transition_refused',
      /Licht toe/,
    );
    // The old record of "past niet" (a move to itself) is no longer in the table.
    await expectError(
      await move(docId, owner, { to: 'interne-toetsing', outcome: 'past-niet', note: 'Te breed.' }),
      400,
      'transition_refused',
    );
    expect(
      (await move(docId, owner, { to: 'geparkeerd', outcome: 'past-niet', note: 'Te breed.' })).status,
    ).toBe(200);
    expect((await statusOf(docId)).allowed).toEqual([expect.objectContaining({ to: 'prototype', ok: true })]);
    expect((await move(docId, editor, { to: 'prototype' })).status).toBe(403);
    expect((await move(docId, owner, { to: 'prototype' })).status).toBe(200);
    await setStatus(docId, 'interne-toetsing');
    expect((await move(docId, editor, { to: 'prototype', outcome: 'opwerken' })).status).toBe(403);
    expect((await move(docId, owner, { to: 'prototype', outcome: 'opwerken' })).status).toBe(200);
    await setStatus(docId, 'interne-toetsing');
    expect(
      (
        await move(docId, owner, {
          to: 'aangemeld-externe-toetsing',
          outcome: 'voldoet',
          note: 'Namens het Educatief Consortium: voldoet.',
        })
      ).status,
    ).toBe(200);
    const view = await statusOf(docId);
    expect(view.status).toBe('aangemeld-externe-toetsing');
    expect(view.history.map((entry) => [entry.to, entry.outcome])).toEqual([
      ['aangemeld-externe-toetsing', 'voldoet'],
      ['prototype', 'opwerken'],
      ['prototype', null],
      ['geparkeerd', 'past-niet'],
    ]);
    expect(view.history[0]?.note).toBe('Namens het Educatief Consortium: voldoet.');
  });

  it("aangemeld → afgekeurd is the committee's, with the reviewer's note; afgekeurd → prototype for rework", async () => {
    const docId = await newDesign();
    await forceSubmission(server, owner, docId);
    await expectError(await move(docId, owner, { to: 'afgekeurd', note: 'x' }), 403, 'review_team_only');
    await expectError(await move(docId, commenter, { to: 'afgekeurd', note: 'x' }), 403, 'review_team_only');
    await decide(server, committee, owner, docId, 'afgekeurd', 'Bewijzen te dun.');
    expect((await statusOf(docId)).history[0]).toMatchObject({
      to: 'afgekeurd',
      note: 'Bewijzen te dun.',
      actorId: committee.reviewer.id,
    });
    expect((await move(docId, owner, { to: 'prototype' })).status).toBe(200);
    expect((await statusOf(docId)).status).toBe('prototype');
  });

  it('aangemeld → goedgekeurd by the committee; nothing moves on from there', async () => {
    const docId = await newDesign();
    await forceSubmission(server, owner, docId);
    await expectError(await move(docId, viewer, { to: 'goedgekeurd' }), 403, 'review_team_only');
    await expectError(await move(docId, owner, { to: 'goedgekeurd' }), 403, 'review_team_only');
    await decide(server, committee, owner, docId, 'goedgekeurd');
    const view = await statusOf(docId);
    expect(view).toMatchObject({ status: 'goedgekeurd', allowed: [] });
    await expectError(await move(docId, owner, { to: 'prototype' }), 400, 'transition_refused');
  });
});

describe('read-only during external review', () => {
  it("an editor's open socket reconnects read-only: their update is dropped and the database is unchanged", async () => {
    const docId = await newDesign();
    await setStatus(docId, 'interne-toetsing');
    await closeARound(server, owner, docId);
    const client = await connectSynced(server.wsUrl, docId, { cookie: editor.cookie, durable: true });
    clients.push(client);
    expect((await move(docId, owner, { to: 'aangemeld-externe-toetsing', outcome: 'voldoet' })).status).toBe(
      200,
    );
    // refreshAccess closed the writable socket (4500); the provider reconnects read-only.
    await waitFor(
      () => client.sockets.length >= 2 && client.socket.readyState === client.socket.OPEN,
      'no reconnect',
    );
    expect(client.sockets[0]?.closeCode).toBe(4500);
    await waitFor(() => client.provider.synced, 'no resync');
    const before = await countLogRows(server.dataDir, docId);
    setDesignText(client.doc, 'trajectRelation', 'Stiekem gewijzigd.');
    // A second reader sees the committed state: the edit never arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await countLogRows(server.dataDir, docId)).toBe(before);
    const reader = await connectSynced(server.wsUrl, docId, { cookie: viewer.cookie });
    clients.push(reader);
    expect(reader.doc.getText('trajectRelation').toString()).toBe('');
  });

  it('a socket opened during external review is read-only, and HTTP edits are refused (409)', async () => {
    const docId = await newDesign();
    await setStatus(docId, 'aangemeld-externe-toetsing');
    const client = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie, durable: true });
    clients.push(client);
    const before = await countLogRows(server.dataDir, docId);
    setDesignText(client.doc, 'evcApproach', 'Niet toegestaan.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await countLogRows(server.dataDir, docId)).toBe(before);
    const upgrade = await server.request('POST', `/api/designs/${docId}/upgrade`, {
      cookie: owner.cookie,
      body: { toVersionId: versionId },
    });
    await expectError(upgrade, 409, 'read_only');
  });

  it('after afkeuren the editor can write again', async () => {
    const docId = await newDesign();
    await forceSubmission(server, owner, docId);
    const client = await connectSynced(server.wsUrl, docId, { cookie: editor.cookie, durable: true });
    clients.push(client);
    await decide(server, committee, owner, docId, 'afgekeurd', 'Opnieuw.');
    await waitFor(
      () => client.sockets.length >= 2 && client.socket.readyState === client.socket.OPEN,
      'no reconnect',
    );
    await waitFor(() => client.provider.synced, 'no resync');
    const before = await countLogRows(server.dataDir, docId);
    setDesignText(client.doc, 'evcApproach', 'Wel toegestaan.');
    await waitFor(async () => (await countLogRows(server.dataDir, docId)) > before, 'edit not stored');
  });
});
