import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UpgradePlan } from '../../../shared/domain/template/upgrade';
import type { RuleResult } from '../../../shared/domain/design/rules';
import { projectDesign } from '../../../shared/editor/designDoc';
import { refusedUpgradeStatus } from '../../support/rawclient';
import {
  createLab,
  expectApiError as expectError,
  publishTemplateVersion,
} from '../../support/designFixtures';
import { createDesignAt, publishedAt, startTestServer } from '../../support/server';
import type { TestOwner, TestServer, TestUser } from '../../support/server';
import * as yclient from '../../support/yclient';

/**
 * Upgrading a design to a newer version of its ontwikkelpad: outcomes mapped by id, a removed one
 * stays targeted and is flagged by R4 (nothing dropped silently), a new template section reaches
 * the document live and durably.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let labOwner: TestUser;
let labEditor: TestUser;
let labViewer: TestUser;
let labId: string;
let draftId: string;
let v1: string;
let v2: string;
let otherLineVersion: string;
let designId: string;
const clients: yclient.TestClient[] = [];

const A = { id: 'lu-a', code: 'LU 1.1', title: 'Veilig leerklimaat', description: 'Bouwt een klimaat op.' };
const B = { id: 'lu-b', code: 'LU 1.2', title: 'Heldere instructie', description: 'Geeft instructie.' };
const C = { id: 'lu-c', code: 'LU 2.1', title: 'Feedback', description: 'Geeft feedback.' };
const S1 = { id: 's-doelgroep', heading: 'Doelgroep', guidance: 'Voor wie?' };
const S2 = { id: 's-opbouw', heading: 'Opbouw', guidance: 'In welke stappen?' };
const S3 = { id: 's-evaluatie', heading: 'Evaluatie', guidance: 'Hoe evalueert het team?' };

interface DesignInfo {
  template: { id: string; version: string };
  newerTemplate: { version: { id: string; version: string }; plan: UpgradePlan } | null;
}

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  [labOwner, labEditor, labViewer] = await Promise.all([
    server.signUp('Lotte Labeigenaar'),
    server.signUp('Eef Labbewerker'),
    server.signUp('Vik Lezer'),
  ]);
  labId = await createLab(server, labOwner, 'Co-creatielab Oost', [
    [labEditor, 'editor'],
    [labViewer, 'viewer'],
  ]);

  const first = await publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [
      { id: 't1', title: 'Pedagogisch handelen', outcomes: [A, B] },
      { id: 't2', title: 'Didactisch handelen', outcomes: [C] },
    ],
    edit: (doc) => yclient.setDraftSections(doc, [S1, S2]),
  });
  expect(first.version).toBe('1.0');
  ({ draftId, versionId: v1 } = first);

  designId = await createDesignAt(server.url, labEditor, { teamId: labId, templateId: v1, title: 'Klimaat' });
  await yclient.editDraft(server.wsUrl, designId, labEditor, (doc) =>
    doc.transact(() => {
      yclient.toggleOutcome(doc, A.id, true);
      yclient.toggleOutcome(doc, B.id, true);
    }),
  );

  await yclient.editDraft(server.wsUrl, draftId, atelierOwner, (doc) => {
    yclient.removeDraftOutcome(doc, A.id);
    yclient.editDraftOutcome(doc, B.id, { description: 'Geeft heldere, gestructureerde instructie.' });
    yclient.setDraftSections(doc, [S1, S2, S3]);
  });
  const second = await publishedAt(server.url, atelierOwner, draftId, {
    version: '2.0',
    changeNote: 'Herzien',
  });
  v2 = second.id;

  // Another ontwikkelpad altogether (its own line).
  ({ versionId: otherLineVersion } = await publishTemplateVersion(server, atelierOwner, {
    title: 'Ander pad',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [{ id: 't1', title: 'Thema', outcomes: [A, B, C] }],
    changeNote: 'Eerste',
  }));
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

async function info(docId: string): Promise<DesignInfo> {
  const response = await server.request('GET', `/api/designs/${docId}`, { cookie: labViewer.cookie });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as DesignInfo;
}

const upgrade = (docId: string, toVersionId: string, user: { cookie: string } = labEditor) =>
  server.request('POST', `/api/designs/${docId}/upgrade`, { cookie: user.cookie, body: { toVersionId } });

async function join(docId: string): Promise<yclient.TestClient> {
  const client = await yclient.connectSynced(server.wsUrl, docId, {
    cookie: labEditor.cookie,
    durable: true,
  });
  clients.push(client);
  return client;
}

describe('POST /api/designs/:id/upgrade', () => {
  it('401 without a session', async () => {
    await expectError(
      await server.request('POST', `/api/designs/${designId}/upgrade`, { body: { toVersionId: v2 } }),
      401,
      'unauthenticated',
    );
  });

  it('403 for a user without access (a viewer of the team; the atelier that published)', async () => {
    await expectError(await upgrade(designId, v2, labViewer), 403, 'forbidden');
    await expectError(await upgrade(designId, v2, atelierOwner), 403, 'forbidden');
    expect((await info(designId)).template.id).toBe(v1);
  });

  it('400 to a version of another ontwikkelpad; 404 to an unknown version', async () => {
    await expectError(await upgrade(designId, otherLineVersion), 400, 'other_template');
    await expectError(await upgrade(designId, 'bestaat-niet'), 404, 'not_found');
    expect((await info(designId)).template.id).toBe(v1);
  });

  it('shows the newer version with the outcome diff, upgrades, keeps A flagged, adds the section live', async () => {
    const before = await info(designId);
    expect(before.template).toMatchObject({ id: v1, version: '1.0' });
    expect(before.newerTemplate?.version).toMatchObject({ id: v2, version: '2.0' });
    const plan = before.newerTemplate!.plan;
    expect(plan.removed.map((outcome) => outcome.id)).toEqual([A.id]);
    expect(plan.changed.map((change) => [change.before.id, change.after.description])).toEqual([
      [B.id, 'Geeft heldere, gestructureerde instructie.'],
    ]);
    expect(plan.kept).toEqual([B.id]);

    const client = await join(designId);
    expect(yclient.sectionIds(client.doc)).toEqual([S1.id, S2.id]);

    const response = await upgrade(designId, v2);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const body = JSON.parse(text) as { plan: UpgradePlan; version: { id: string; version: string } };
    expect(body.version).toMatchObject({ id: v2, version: '2.0' });
    expect(body.version).not.toHaveProperty('content');
    expect(body.plan.removed.map((outcome) => outcome.code)).toEqual([A.code]);

    // The new section reaches the connected provider without a reload.
    await yclient.waitFor(
      () => yclient.sectionIds(client.doc).includes(S3.id),
      () => `sections on the provider: ${yclient.sectionIds(client.doc).join(', ')}`,
    );
    expect(yclient.sectionIds(client.doc)).toEqual([S1.id, S2.id, S3.id]);
    // Nothing dropped: A stays targeted for the team to resolve.
    expect(projectDesign(client.doc).targetedOutcomeIds.sort()).toEqual([A.id, B.id].sort());

    const after = await info(designId);
    expect(after.template).toMatchObject({ id: v2, version: '2.0' });
    expect(after.newerTemplate).toBeNull();

    const checks = await server.request('GET', `/api/designs/${designId}/checks`, {
      cookie: labViewer.cookie,
    });
    const { results } = (await checks.json()) as { results: RuleResult[] };
    const r4 = results.find((result) => result.ruleId === 'R4')!;
    expect(r4.status).toBe('fail');
    // Named by its code from the version that still had it, not by the internal id.
    expect(r4.message).toContain(A.code);
    expect(r4.message).not.toContain(A.id);
    expect(r4.target).toEqual({ field: 'outcomes', itemId: A.id });

    // After a reload (room unloaded, read back from SQLite) the section is still there, once.
    client.destroy();
    await yclient.waitFor(
      () => server.running.deps.rooms.peek(designId) === undefined,
      () => 'room did not unload',
    );
    const reloaded = await join(designId);
    expect(yclient.sectionIds(reloaded.doc)).toEqual([S1.id, S2.id, S3.id]);
    expect(projectDesign(reloaded.doc).targetedOutcomeIds.sort()).toEqual([A.id, B.id].sort());
  });

  it('a design on the newest version offers no upgrade, and refuses a move to an older one', async () => {
    const fresh = await createDesignAt(server.url, labEditor, {
      teamId: labId,
      templateId: v2,
      title: 'Nieuw',
    });
    expect((await info(fresh)).newerTemplate).toBeNull();
    for (const target of [v1, v2]) {
      const back = await server.request('POST', `/api/designs/${fresh}/upgrade`, {
        cookie: labEditor.cookie,
        body: { toVersionId: target },
      });
      await expectError(back, 400, 'not_newer');
    }
    const client = await join(fresh);
    expect(yclient.sectionIds(client.doc)).toEqual([S1.id, S2.id, S3.id]);
  });

  it('the socket of a user outside the team stays refused after an upgrade', async () => {
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${designId}`, { cookie: atelierOwner.cookie })).toBe(
      403,
    );
  });
});
