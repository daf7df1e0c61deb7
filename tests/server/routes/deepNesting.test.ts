import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDocument } from '../../../server/collab/readDocument';
import { fragmentToPlainText } from '../../../shared/editor/templateDoc';
import { xmlDepth } from '../../../shared/editor/xmlTree';
import { nestLists } from '../../support/deepDoc';
import {
  createLabWithRoles,
  LU_1,
  makeDesignGreen,
  pedagogischHandelen,
  publishTemplateVersion,
} from '../../support/designFixtures';
import { createDesignAt, startTestServer, type TestServer, type TestUser } from '../../support/server';
import {
  connectSynced,
  editDraft,
  sectionFragment,
  sectionIds,
  waitFor,
  type TestClient,
} from '../../support/yclient';

/**
 * A leerarrangement whose section holds a 30,000-level nested list (element depth 60,001: what one
 * crafted 0.6 MiB update used to make permanently unusable) stays usable on a real server: it loads
 * from storage and syncs, every export, saving a version, the diff and a status move answer 2xx,
 * and restoring the earlier version brings the document back, also after a restart.
 */

const LEVELS = 30_000;
/** Restoring 60,000 levels deletes them in 60 updates of 1,000 levels: seconds. */
const SLOW = { timeout: 180_000 };

let server: TestServer;
let owner: TestUser;
let docId: string;
let sectionId: string;
let earlierId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  // Compaction after every few updates: it also has to encode the deep document.
  server = await startTestServer({ COMPACT_EVERY: '4' });
  const atelierOwner = await server.owner();
  const lab = await createLabWithRoles(server, 'Lab Diep');
  owner = lab.owner;
  const { versionId } = await publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [pedagogischHandelen(LU_1)],
  });
  docId = await createDesignAt(server.url, owner, {
    teamId: lab.labId,
    templateId: versionId,
    title: 'Diep',
  });
  await editDraft(server.wsUrl, docId, lab.editor, (doc) => {
    makeDesignGreen(doc, ['lu-1']);
    sectionId = sectionIds(doc)[0]!;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Vóór de diepe lijst.')]);
    const fragment = sectionFragment(doc, sectionId);
    fragment.delete(0, fragment.length);
    fragment.insert(0, [paragraph]);
  });
  earlierId = await expectJson<{ id: string }>(
    await server.request('POST', `/api/designs/${docId}/versions`, {
      cookie: owner.cookie,
      body: { label: 'Vóór' },
    }),
    201,
  ).then((body) => body.id);

  // The deep list, committed to storage as a server-side update (the socket may refuse such updates
  // today; what is already stored must work), then a restart so the document loads cold.
  const deps = server.running.deps;
  const update = await readDocument(deps, docId, (doc) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    nestLists(sectionFragment(copy, sectionId), LEVELS);
    return Y.encodeStateAsUpdate(copy, before);
  });
  await deps.rooms.applyServerUpdate(docId, update);
  await server.restart();
}, 180_000);

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server?.close();
});

async function expectJson<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function ok(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await server.request(method, path, { cookie: owner.cookie, ...(body ? { body } : {}) });
  expect(response.status, `${method} ${path}: ${response.status}`).toBeLessThan(300);
  return response;
}

describe('a stored document with a 30,000-level list', () => {
  it('loads and syncs to a socket client with all its levels', SLOW, async () => {
    const client = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie });
    clients.push(client);
    expect(xmlDepth(sectionFragment(client.doc, sectionId))).toBe(2 * LEVELS + 1);
  });

  it('exports as md, html, print, json and docx, with every line of the list', SLOW, async () => {
    const markdown = await (await ok('GET', `/api/designs/${docId}/export?format=md`)).text();
    expect(markdown).toContain('- regel 0\n- regel 1\n');
    expect(markdown).toContain(`- regel ${LEVELS - 1}\n`);
    const html = await (await ok('GET', `/api/designs/${docId}/export?format=html`)).text();
    expect(html).toContain(`<p>- regel ${LEVELS - 1}</p>`);
    await ok('GET', `/api/designs/${docId}/export?format=print`);
    const json = (await (await ok('GET', `/api/designs/${docId}/export?format=json`)).json()) as {
      sections: Array<{ text: string }>;
    };
    expect(json.sections[0]!.text.split('\n')).toHaveLength(LEVELS + 1);
    const docx = await ok('GET', `/api/designs/${docId}/export?format=docx`);
    expect((await docx.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });

  it('saves a version, diffs it with the earlier one, and moves status', SLOW, async () => {
    await ok('POST', `/api/designs/${docId}/versions`, { label: 'Met lijst' });
    const diff = await (await ok('GET', `/api/designs/${docId}/diff?from=${earlierId}`)).text();
    expect(diff).toContain('regel 29999');
    await ok('POST', `/api/designs/${docId}/status`, { to: 'prototype' });
  });

  it('restores the earlier version: live for a connected client, and after a restart', SLOW, async () => {
    const client = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie });
    clients.push(client);
    await ok('POST', `/api/designs/${docId}/versions/${earlierId}/restore`);
    const plain = () => fragmentToPlainText(sectionFragment(client.doc, sectionId));
    await waitFor(
      () => plain() === 'Vóór de diepe lijst.',
      () => `still ${plain().length} characters`,
      30_000,
    );
    for (const open of clients.splice(0)) open.destroy();

    await server.restart();
    const again = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie });
    clients.push(again);
    expect(xmlDepth(sectionFragment(again.doc, sectionId))).toBe(1);
    const markdown = await (await ok('GET', `/api/designs/${docId}/export?format=md`)).text();
    expect(markdown).toContain('Vóór de diepe lijst.');
    expect(markdown).not.toContain('regel');
  });
});
