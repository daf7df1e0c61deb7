import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allOutcomes, type TemplateContent } from '../../../shared/domain/template/types';
import { projectTemplate } from '../../../shared/editor/templateContent';
import {
  createTemplateDraftAt,
  publishPreviewAt,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';
import {
  addDraftOutcome,
  addDraftTheme,
  clearDraftThemes,
  connectSynced,
  draftOutcome,
  draftThemeIds,
  editDraftOutcome,
  moveDraftOutcome,
  moveDraftTheme,
  themeOutcomeIds,
  waitFor,
  waitForAllAcked,
  type OutcomeFields,
  type TestClient,
} from '../../support/yclient';

/**
 * Two editors of an atelier work on one ontwikkelpad draft through real providers. The draft keeps
 * outcomes in a Y.Map and their order in per-theme Y.Arrays of ids, so edits to different outcomes
 * and to the order never overwrite each other.
 */

let server: TestServer;
let owner: TestOwner;
let anna: TestUser;
let bram: TestUser;
let docId: string;
let a: TestClient;
let b: TestClient;
const clients: TestClient[] = [];

const outcome = (id: string, code: string): OutcomeFields => ({
  id,
  code,
  title: `Titel ${id}`,
  description: `De leraar doet ${id}.`,
});

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  [anna, bram] = await Promise.all([server.signUp('Anna Bewerker'), server.signUp('Bram Bewerker')]);
  await server.addMember(owner, owner.teamId, anna, 'editor');
  await server.addMember(owner, owner.teamId, bram, 'editor');
});

afterAll(async () => {
  await server?.close();
});

/** A new draft with themes t1 [o1 o2 o3], t2 [o4 o5 o6] and an empty t3, open in two providers. */
beforeEach(async () => {
  docId = await createTemplateDraftAt(server.url, owner, { teamId: owner.teamId, title: 'Samen schrijven' });
  a = await join(anna);
  b = await join(bram);
  a.doc.transact(() => {
    clearDraftThemes(a.doc);
    addDraftTheme(a.doc, 't1', 'Pedagogisch handelen', [
      outcome('o1', 'LU 1.1'),
      outcome('o2', 'LU 1.2'),
      outcome('o3', 'LU 1.3'),
    ]);
    addDraftTheme(a.doc, 't2', 'Didactisch handelen', [
      outcome('o4', 'LU 2.1'),
      outcome('o5', 'LU 2.2'),
      outcome('o6', 'LU 2.3'),
    ]);
    addDraftTheme(a.doc, 't3', 'Klassenmanagement');
  });
  await waitForAllAcked(a);
  await converged();
  expect(draftThemeIds(b.doc)).toEqual(['t1', 't2', 't3']);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

async function join(user: TestUser): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: user.cookie, durable: true });
  clients.push(client);
  return client;
}

/** The server's live copy of the draft. */
function roomDoc(): Y.Doc | undefined {
  return server.running.deps.rooms.peek(docId)?.doc;
}

const sameVector = (x: Y.Doc, y: Y.Doc) =>
  Buffer.compare(Buffer.from(Y.encodeStateVector(x)), Buffer.from(Y.encodeStateVector(y))) === 0;

/** Waits until both providers and the server hold exactly the same updates. */
async function converged(): Promise<void> {
  await waitFor(
    () => {
      const room = roomDoc();
      return room !== undefined && sameVector(a.doc, room) && sameVector(b.doc, room);
    },
    () =>
      `not converged: a ${JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(a.doc))])}, ` +
      `b ${JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(b.doc))])}`,
  );
}

function themeOf(content: TemplateContent, themeId: string) {
  const theme = content.themes.find((candidate) => candidate.id === themeId);
  if (!theme) throw new Error(`no theme ${themeId} in the projection`);
  return theme;
}

/** How often an outcome id is listed in the raw theme arrays (before the projection dedupes). */
function listings(doc: Y.Doc, outcomeId: string): number {
  return draftThemeIds(doc)
    .flatMap((themeId) => themeOutcomeIds(doc, themeId).toArray())
    .filter((id) => id === outcomeId).length;
}

const descriptionOf = (client: TestClient, id: string) =>
  (draftOutcome(client.doc, id).get('description') as Y.Text).toString();

describe('concurrent structured edits on an ontwikkelpad draft', () => {
  it('edits to different outcomes and reorders made at the same time all survive', async () => {
    // Both work offline, so every operation below is concurrent with every operation of the other.
    a.provider.disconnect();
    b.provider.disconnect();
    for (let round = 0; round < 12; round++) {
      const mine = `o${1 + (round % 3)}`;
      const theirs = `o${4 + (round % 3)}`;
      editDraftOutcome(a.doc, mine, {
        title: `Anna's titel ${round}`,
        description: `${descriptionOf(a, mine)} A${round}`,
      });
      editDraftOutcome(b.doc, theirs, {
        title: `Brams titel ${round}`,
        description: `B${round} ${descriptionOf(b, theirs)}`,
        code: `LU 2.${round}`,
      });
      if (round === 2) addDraftOutcome(a.doc, 't1', outcome('o8', 'LU 1.8'));
      if (round === 3) moveDraftOutcome(a.doc, 'o3', 't1', 0);
      if (round === 4) editDraftOutcome(a.doc, 'o2', { code: 'LU 1.9' });
      if (round === 5) moveDraftOutcome(b.doc, 'o6', 't2', 0);
      if (round === 6) addDraftOutcome(b.doc, 't2', outcome('o7', 'LU 2.7'), 1);
      if (round === 7) moveDraftTheme(b.doc, 't3', 0);
      if (round === 9) moveDraftTheme(a.doc, 't1', 2);
      if (round === 11) moveDraftOutcome(a.doc, 'o1', 't1', 3);
    }
    // What each of them sees of their own part, before hearing from the other.
    const annasT1 = themeOf(projectTemplate(a.doc), 't1');
    const bramsT2 = themeOf(projectTemplate(b.doc), 't2');
    expect(annasT1.outcomes.map((o) => o.id)).toEqual(['o3', 'o2', 'o8', 'o1']);
    expect(bramsT2.outcomes.map((o) => o.id)).toEqual(['o6', 'o7', 'o4', 'o5']);
    expect(annasT1.outcomes.find((o) => o.id === 'o3')?.description).toBe('De leraar doet o3. A2 A5 A8 A11');
    expect(bramsT2.outcomes.find((o) => o.id === 'o4')?.description).toBe('B9 B6 B3 B0 De leraar doet o4.');

    a.provider.connect();
    b.provider.connect();
    await converged();

    const merged = projectTemplate(a.doc);
    expect(projectTemplate(b.doc)).toEqual(merged);
    expect(themeOf(merged, 't1')).toEqual(annasT1);
    expect(themeOf(merged, 't2')).toEqual(bramsT2);
    // Both moved a theme: each theme is still there exactly once, with its title.
    expect(merged.themes.map((theme) => theme.id).sort()).toEqual(['t1', 't2', 't3']);
    expect(themeOf(merged, 't3')).toEqual({ id: 't3', title: 'Klassenmanagement', outcomes: [] });
    expect(allOutcomes(merged)).toHaveLength(8);
    // The server committed the merged state: the publish preview reads exactly this.
    expect((await publishPreviewAt(server.url, owner, docId)).content).toEqual(merged);
  });

  it.each([
    [
      'the description (start and end)',
      { description: 'Kern: De leraar doet o1.' },
      { description: 'De leraar doet o1. Ook in het mbo.' },
      { description: 'Kern: De leraar doet o1. Ook in het mbo.', title: 'Titel o1', code: 'LU 1.1' },
    ],
    [
      'the description (the same spot)',
      { description: 'De leraar doet o1 goed.' },
      { description: 'De leraar doet o1 samen.' },
      {
        // Two insertions at one position: both survive, in an order Yjs decides (by client id).
        description: expect.stringMatching(/^De leraar doet o1 (goed samen|samen goed)\.$/),
        title: 'Titel o1',
        code: 'LU 1.1',
      },
    ],
    [
      'title and code',
      { title: 'Veilig leerklimaat' },
      { code: 'LU 1.0' },
      { description: 'De leraar doet o1.', title: 'Veilig leerklimaat', code: 'LU 1.0' },
    ],
  ])('concurrent typing in one outcome merges: %s', async (_name, byAnna, byBram, expected) => {
    // No await in between: neither has received the other's edit when making their own.
    editDraftOutcome(a.doc, 'o1', byAnna);
    editDraftOutcome(b.doc, 'o1', byBram);
    await converged();
    for (const client of [a, b]) {
      const o1 = themeOf(projectTemplate(client.doc), 't1').outcomes.find((o) => o.id === 'o1');
      expect(o1).toEqual({ id: 'o1', ...expected });
    }
    expect(projectTemplate(a.doc)).toEqual(projectTemplate(b.doc));
  });

  it.each([
    ['into two different themes', ['t2', 0], ['t3', 0], 't2'],
    ['within its own theme to two places', ['t1', 2], ['t1', 1], 't1'],
  ] as const)(
    'the same outcome moved by both at once (%s) is projected exactly once',
    async (_name, [annaTheme, annaIndex], [bramTheme, bramIndex], expectedTheme) => {
      moveDraftOutcome(a.doc, 'o1', annaTheme, annaIndex);
      moveDraftOutcome(b.doc, 'o1', bramTheme, bramIndex);
      await converged();
      // Both insertions survive in the raw arrays: the projection is what keeps it single.
      expect(listings(a.doc, 'o1')).toBe(2);
      const merged = projectTemplate(a.doc);
      expect(projectTemplate(b.doc)).toEqual(merged);
      const ids = allOutcomes(merged).map((o) => o.id);
      expect(ids.filter((id) => id === 'o1')).toHaveLength(1);
      expect(ids.sort()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
      expect(themeOf(merged, expectedTheme).outcomes.map((o) => o.id)).toContain('o1');
      // What the server would publish: once, so no "code occurs twice" problem either.
      const preview = await publishPreviewAt(server.url, owner, docId);
      expect(allOutcomes(preview.content).filter((o) => o.id === 'o1')).toHaveLength(1);
      expect(preview.problems.filter((problem) => problem.path.startsWith('outcomes.'))).toEqual([]);
    },
  );

  it('an outcome added to a theme while someone else moves that theme is not lost', async () => {
    addDraftOutcome(a.doc, 't2', outcome('o9', 'LU 2.9'));
    moveDraftTheme(b.doc, 't2', 0);
    await converged();
    const merged = projectTemplate(a.doc);
    expect(merged.themes.map((theme) => theme.id)).toEqual(['t2', 't1', 't3']);
    expect(allOutcomes(merged).map((o) => o.id)).toContain('o9');
  });
});
