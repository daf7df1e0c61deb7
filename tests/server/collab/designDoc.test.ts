import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TemplateVersion } from '../../../server/stores/templateVersions';
import { checkDesign, type RuleResult } from '../../../shared/domain/design/rules';
import { addActivity, evidenceText, projectDesign } from '../../../shared/editor/designDoc';
import { createLab, fetchTemplate, publishTemplateVersion } from '../../support/designFixtures';
import { createDesignAt, startTestServer } from '../../support/server';
import type { TestOwner, TestServer, TestUser } from '../../support/server';
import * as yclient from '../../support/yclient';

/**
 * Two editors of a co-creatieteam work on one leerarrangement through real providers. Every field
 * of an activity is its own key (or Y.Text), lists are Y.Arrays and Y.Maps, so concurrent edits
 * merge; the rules computed on both clients and on the server agree afterwards.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let anna: TestUser;
let bram: TestUser;
let labId: string;
let template: TemplateVersion;
let docId: string;
let a: yclient.TestClient;
let b: yclient.TestClient;
const clients: yclient.TestClient[] = [];

const OUTCOMES = [
  { id: 'o1', code: 'LU 1.1', title: 'Leerklimaat', description: 'a' },
  { id: 'o2', code: 'LU 1.2', title: 'Instructie', description: 'b' },
  { id: 'o3', code: 'LU 2.1', title: 'Feedback', description: 'c' },
];

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  [anna, bram] = await Promise.all([server.signUp('Anna Ontwerper'), server.signUp('Bram Ontwerper')]);
  labId = await createLab(server, anna, 'Co-creatielab Samen', [[bram, 'editor']]);
  const { versionId } = await publishTemplateVersion(server, atelierOwner, {
    title: 'Pad',
    sectors: ['mbo'],
    nlqfLevel: 4,
    themes: [{ id: 't1', title: 'Thema', outcomes: OUTCOMES }],
    changeNote: 'Eerste',
  });
  template = await fetchTemplate(server, anna, versionId);
});

afterAll(async () => {
  await server?.close();
});

/** A fresh design with one activity, open in two providers. */
beforeEach(async () => {
  docId = await createDesignAt(server.url, anna, { teamId: labId, templateId: template.id, title: 'Samen' });
  a = await join(anna);
  b = await join(bram);
  addActivity(a.doc, { id: 'act-1', title: 'Intervisie', kind: 'intervisie' });
  await yclient.waitForAllAcked(a);
  await converged();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

async function join(user: TestUser): Promise<yclient.TestClient> {
  const client = await yclient.connectSynced(server.wsUrl, docId, { cookie: user.cookie, durable: true });
  clients.push(client);
  return client;
}

const sameVector = (x: Y.Doc, y: Y.Doc) =>
  Buffer.compare(Buffer.from(Y.encodeStateVector(x)), Buffer.from(Y.encodeStateVector(y))) === 0;

/** Waits until both providers and the server's room hold exactly the same updates. */
async function converged(): Promise<void> {
  await yclient.waitFor(
    () => {
      const room = server.running.deps.rooms.peek(docId)?.doc;
      return room !== undefined && sameVector(a.doc, room) && sameVector(b.doc, room);
    },
    () => 'providers and server did not converge',
  );
}

const project = (client: yclient.TestClient) => projectDesign(client.doc, template.content);
const checksOn = (client: yclient.TestClient) =>
  checkDesign(project(client), template.content, { feedback: [] });

async function serverChecks(): Promise<RuleResult[]> {
  const response = await server.request('GET', `/api/designs/${docId}/checks`, { cookie: bram.cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: RuleResult[] }).results;
}

/** Both clients and the server compute the same rule results. */
async function expectChecksAgree(): Promise<RuleResult[]> {
  const onServer = await serverChecks();
  expect(checksOn(a)).toEqual(onServer);
  expect(checksOn(b)).toEqual(onServer);
  return onServer;
}

describe('concurrent edits on a leerarrangement', () => {
  it('offline edits to one activity’s fields and to the same lists all survive the reconnect', async () => {
    a.provider.disconnect();
    b.provider.disconnect();
    // Anna: the title (start), the hours, a new activity, outcome o1 with evidence, placement.
    a.doc.transact(() => {
      const activity = yclient.designActivity(a.doc, 'act-1');
      (activity.get('title') as Y.Text).insert(0, 'Maandelijkse ');
      activity.set('hours', 20);
      yclient.toggleOutcome(a.doc, 'o1', true);
      evidenceText(a.doc, 'o1').insert(0, 'Lesobservatie.');
      yclient.setDesignMeta(a.doc, { placementType: 'horizontaal', learningForm: 'team' });
    });
    addActivity(a.doc, {
      id: 'act-a',
      title: 'Coaching',
      kind: 'coaching',
      hours: 8,
      materialStatus: 'nieuw',
    });
    // Bram: the title (end), material status, provider, a new activity, outcome o3, free text.
    b.doc.transact(() => {
      const activity = yclient.designActivity(b.doc, 'act-1');
      const title = activity.get('title') as Y.Text;
      title.insert(title.length, ' met collega’s');
      activity.set('materialStatus', 'omgezet-opgewerkt');
      activity.set('providerType', 'derde');
      (activity.get('providerName') as Y.Text).insert(0, 'Hogeschool Utrecht');
      yclient.toggleOutcome(b.doc, 'o3', true);
      yclient.setDesignText(b.doc, 'trajectRelation', 'Alternatief voor de collectieve variant.');
    });
    addActivity(b.doc, {
      id: 'act-b',
      title: 'Zelfstudie',
      kind: 'zelfstudie',
      hours: 12,
      materialStatus: 'bestaand',
    });

    a.provider.connect();
    b.provider.connect();
    await converged();

    const onA = project(a);
    expect(project(b)).toEqual(onA);
    expect(onA.activities.map((activity) => activity.id).sort()).toEqual(['act-1', 'act-a', 'act-b']);
    expect(onA.activities.find((activity) => activity.id === 'act-1')).toEqual({
      id: 'act-1',
      title: 'Maandelijkse Intervisie met collega’s',
      kind: 'intervisie',
      mode: 'non-formeel',
      hours: 20,
      materialStatus: 'omgezet-opgewerkt',
      provider: { type: 'derde', name: 'Hogeschool Utrecht' },
    });
    expect(onA.targetedOutcomeIds).toEqual(['o1', 'o3']);
    expect(onA.evidence).toEqual({ o1: 'Lesobservatie.' });
    expect(onA.placement).toEqual({ type: 'horizontaal', learningForm: 'team' });
    expect(onA.trajectRelation).toBe('Alternatief voor de collectieve variant.');

    const results = await expectChecksAgree();
    // o3 has no evidence yet: R7 names it, on all three.
    expect(results.find((result) => result.ruleId === 'R7')).toMatchObject({
      status: 'fail',
      target: { itemId: 'o3' },
    });
  });

  it('interleaved online edits from both clients converge, and so do the checks', async () => {
    for (let round = 0; round < 10; round++) {
      const activityId = `act-${round % 2 === 0 ? 'x' : 'y'}${round}`;
      addActivity(a.doc, { id: `${activityId}-a`, title: `A${round}`, hours: round });
      addActivity(b.doc, { id: `${activityId}-b`, title: `B${round}`, materialStatus: 'bestaand' });
      const titleA = yclient.designActivity(a.doc, 'act-1').get('title') as Y.Text;
      titleA.insert(0, 'a');
      const titleB = yclient.designActivity(b.doc, 'act-1').get('title') as Y.Text;
      titleB.insert(titleB.length, 'b');
      // Each toggles a different outcome, back and forth.
      yclient.toggleOutcome(a.doc, 'o1', round % 2 === 0);
      yclient.toggleOutcome(b.doc, 'o2', round % 2 === 0);
    }
    evidenceText(a.doc, 'o1').insert(0, 'Portfolio.');
    evidenceText(b.doc, 'o2').insert(0, 'Gesprek.');
    await yclient.waitForAllAcked(a);
    await yclient.waitForAllAcked(b);
    await converged();

    const onA = project(a);
    expect(project(b)).toEqual(onA);
    expect(onA.activities).toHaveLength(21);
    expect(onA.activities.find((activity) => activity.id === 'act-1')!.title).toBe(
      `${'a'.repeat(10)}Intervisie${'b'.repeat(10)}`,
    );
    // Round 9 (odd) untoggled both.
    expect(onA.targetedOutcomeIds).toEqual([]);
    const results = await expectChecksAgree();
    expect(results.find((result) => result.ruleId === 'R4')).toMatchObject({ status: 'fail' });
    // R11: the activities without a material status are named.
    expect(results.find((result) => result.ruleId === 'R11')).toMatchObject({ status: 'warn' });
  });
});
