import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TemplateChange } from '../../../shared/domain/template/diff';
import type { UpgradePlan } from '../../../shared/domain/template/upgrade';
import { TEMPLATE_KEYS, setText } from '../../../shared/editor/templateDoc';
import {
  createTemplateDraftAt,
  publishedAt,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';
import {
  addDraftOutcome,
  addDraftTheme,
  clearDraftThemes,
  editDraft,
  editDraftOutcome,
  moveDraftOutcome,
  moveDraftTheme,
  removeDraftOutcome,
  setDraftMeta,
} from '../../support/yclient';

/**
 * GET /api/templates/:id/diff and /upgrade (server/routes/templates) between real published
 * versions: every fixture is a revision of one base version, edited through a provider and
 * published into the same version line.
 */

let server: TestServer;
let owner: TestOwner;
/** A co-creatieteam member: reads published versions, has no role in the atelier. */
let reader: TestUser;
let baseId: string;

const A = {
  id: 'lu-a',
  code: 'LU 1.1',
  title: 'Leerklimaat',
  description: 'De leraar bouwt een leerklimaat op.',
};
const B = { id: 'lu-b', code: 'LU 1.2', title: 'Relaties', description: 'De leraar bouwt relaties op.' };
const C = {
  id: 'lu-c',
  code: 'LU 1.3',
  title: 'Verschillen',
  description: 'De leraar gaat om met verschillen.',
};
const D = {
  id: 'lu-d',
  code: 'LU 2.1',
  title: 'Instructie',
  description: 'De leraar geeft heldere instructie.',
};
const E = {
  id: 'lu-e',
  code: 'LU 2.2',
  title: 'Feedback',
  description: 'De leraar geeft gerichte feedback.',
};
const PED = 'Pedagogisch handelen';
const DID = 'Didactisch handelen';

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  reader = await server.signUp('Lab Lezer');
  await server.createTeam(reader, { name: 'Co-creatielab', kind: 'cocreatieteam' });
  const docId = await createTemplateDraftAt(server.url, owner, { teamId: owner.teamId });
  await editDraft(server.wsUrl, docId, owner, (doc) => {
    setDraftMeta(doc, { title: 'Basispad', sectors: ['po'], nlqfLevel: 5 });
    clearDraftThemes(doc);
    addDraftTheme(doc, 't1', PED, [A, B, C]);
    addDraftTheme(doc, 't2', DID, [D]);
  });
  baseId = (await publishedAt(server.url, owner, docId, { version: '1.0', changeNote: 'Basis' })).id;
});

afterAll(async () => {
  await server?.close();
});

/** A revision of the base version with `change` applied, published; resolves with its id. */
async function publishRevision(change: (doc: Y.Doc) => void): Promise<string> {
  const draft = await createTemplateDraftAt(server.url, owner, {
    teamId: owner.teamId,
    fromVersionId: baseId,
  });
  await editDraft(server.wsUrl, draft, owner, change);
  return (await publishedAt(server.url, owner, draft, { changeNote: 'Fixture' })).id;
}

async function getJson<T>(path: string, user: { cookie: string } = reader): Promise<T> {
  const response = await server.request('GET', path, { cookie: user.cookie });
  const text = await response.text();
  expect(response.status, `${path}: ${text}`).toBe(200);
  return JSON.parse(text) as T;
}

const section = (doc: Y.Doc, index: number) =>
  doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.templateSections).get(index);

const plan = (overrides: Partial<UpgradePlan>): UpgradePlan => ({
  kept: [A.id, B.id, C.id, D.id],
  removed: [],
  changed: [],
  added: [],
  ...overrides,
});

const A2 = { ...A, description: 'De leraar bouwt een veilig en uitdagend leerklimaat op.' };

interface Fixture {
  change: (doc: Y.Doc) => void;
  changes: TemplateChange[] | (() => TemplateChange[]);
  upgrade: UpgradePlan;
}

/** Captured while a fixture edits, for expectations that depend on generated ids. */
let sectionBefore: { id: string; heading: string; guidance: string } | undefined;

const fixtures: Record<string, Fixture> = {
  'an added outcome': {
    change: (doc) => addDraftOutcome(doc, 't2', E),
    changes: [{ kind: 'outcome-added', outcome: E }],
    upgrade: plan({ added: [E] }),
  },
  'a removed outcome': {
    change: (doc) => removeDraftOutcome(doc, B.id),
    changes: [{ kind: 'outcome-removed', outcome: B }],
    upgrade: plan({ kept: [A.id, C.id, D.id], removed: [B] }),
  },
  "an outcome's meaning changed": {
    change: (doc) => editDraftOutcome(doc, A.id, { description: A2.description }),
    changes: [{ kind: 'outcome-changed', before: A, after: A2, fields: ['description'] }],
    upgrade: plan({ changed: [{ before: A, after: A2 }] }),
  },
  "only an outcome's code changed (a label: nothing to re-read)": {
    change: (doc) => editDraftOutcome(doc, D.id, { code: 'LU 2.0' }),
    changes: [{ kind: 'outcome-changed', before: D, after: { ...D, code: 'LU 2.0' }, fields: ['code'] }],
    upgrade: plan({}),
  },
  'outcomes reordered within a theme': {
    change: (doc) => moveDraftOutcome(doc, C.id, 't1', 0),
    changes: [{ kind: 'outcomes-reordered', theme: PED }],
    upgrade: plan({}),
  },
  'an outcome moved to another theme': {
    change: (doc) => moveDraftOutcome(doc, A.id, 't2', 1),
    changes: [{ kind: 'outcome-moved', outcome: A, fromTheme: PED, toTheme: DID }],
    upgrade: plan({}),
  },
  'themes reordered': {
    change: (doc) => moveDraftTheme(doc, 't2', 0),
    changes: [{ kind: 'field-changed', field: 'themes' }],
    upgrade: plan({}),
  },
  'title and sectors changed': {
    change: (doc) => setDraftMeta(doc, { title: 'Basispad (herzien)', sectors: ['po', 'mbo'] }),
    changes: [
      { kind: 'field-changed', field: 'title' },
      { kind: 'field-changed', field: 'sectors' },
    ],
    upgrade: plan({}),
  },
  "a required section's guidance changed": {
    change: (doc) => {
      const first = section(doc, 0);
      sectionBefore = {
        id: String(first.get('id')),
        heading: String(first.get('heading')),
        guidance: String(first.get('guidance')),
      };
      setText(first.get('guidance') as Y.Text, 'Beschrijf de doelgroep.');
    },
    changes: () => [
      {
        kind: 'section-changed',
        before: sectionBefore!,
        after: { ...sectionBefore!, guidance: 'Beschrijf de doelgroep.' },
      },
    ],
    upgrade: plan({}),
  },
  'a rubric switched on': {
    change: (doc) => doc.getMap(TEMPLATE_KEYS.rubric).set('enabled', true),
    changes: [{ kind: 'rubric-changed' }],
    upgrade: plan({}),
  },
  'several at once (added, changed, removed, reordered)': {
    change: (doc) => {
      addDraftOutcome(doc, 't1', E, 0);
      editDraftOutcome(doc, A.id, { description: A2.description });
      removeDraftOutcome(doc, D.id);
      moveDraftOutcome(doc, C.id, 't1', 1);
    },
    // Outcomes in the new version's order, then removals, then order within themes.
    changes: [
      { kind: 'outcome-added', outcome: E },
      { kind: 'outcome-changed', before: A, after: A2, fields: ['description'] },
      { kind: 'outcome-removed', outcome: D },
      { kind: 'outcomes-reordered', theme: PED },
    ],
    upgrade: plan({
      kept: [A.id, B.id, C.id],
      removed: [D],
      changed: [{ before: A, after: A2 }],
      added: [E],
    }),
  },
};

describe('GET /api/templates/:id/diff', () => {
  it('401 without a session', async () => {
    const response = await server.request('GET', `/api/templates/${baseId}/diff?against=${baseId}`);
    expect(response.status).toBe(401);
  });

  it('no 403: any signed-in user reads it (a co-creatieteam member, no role in the atelier)', async () => {
    const same = await getJson<{ changes: TemplateChange[] }>(
      `/api/templates/${baseId}/diff?against=${baseId}`,
    );
    expect(same.changes).toEqual([]);
  });

  it.each(Object.keys(fixtures))(
    '%s: the diff lists exactly that, the upgrade plan maps it',
    async (name) => {
      const fixture = fixtures[name]!;
      const revisedId = await publishRevision(fixture.change);
      const diff = await getJson<{
        from: Record<string, unknown>;
        to: Record<string, unknown>;
        changes: unknown;
      }>(`/api/templates/${revisedId}/diff?against=${baseId}`);
      expect(diff.changes).toEqual(
        typeof fixture.changes === 'function' ? fixture.changes() : fixture.changes,
      );
      expect(diff.from).toMatchObject({ id: baseId, version: '1.0' });
      expect(diff.to).toMatchObject({ id: revisedId });
      expect(diff.from).not.toHaveProperty('content');
      const upgrade = await getJson<UpgradePlan>(`/api/templates/${baseId}/upgrade?to=${revisedId}`);
      expect(upgrade).toEqual(fixture.upgrade);
    },
  );

  it('reordering the required sections is a change: published, and listed in the diff', async () => {
    // First a plain copy of the base, so the latest version of the line has exactly the base content.
    const first = await createTemplateDraftAt(server.url, owner, {
      teamId: owner.teamId,
      fromVersionId: baseId,
    });
    const ownBaseId = (await publishedAt(server.url, owner, first, { changeNote: 'Kopie' })).id;
    const draft = await createTemplateDraftAt(server.url, owner, {
      teamId: owner.teamId,
      fromVersionId: ownBaseId,
    });
    let headings: string[] = [];
    await editDraft(server.wsUrl, draft, owner, (doc) => {
      const sections = doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.templateSections);
      const last = sections.get(sections.length - 1);
      const copy = new Y.Map<unknown>();
      copy.set('id', last.get('id'));
      copy.set('heading', last.get('heading'));
      copy.set('guidance', new Y.Text(String(last.get('guidance'))));
      sections.delete(sections.length - 1);
      sections.insert(0, [copy]);
      headings = sections.toArray().map((item) => String(item.get('heading')));
    });
    expect(headings[0]).toBe('Materialen');
    const response = await server.request('POST', `/api/templates/drafts/${draft}/publish`, {
      cookie: owner.cookie,
      body: { changeNote: 'Materialen eerst' },
    });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    const { id } = JSON.parse(text) as { id: string };
    const diff = await getJson<{ changes: TemplateChange[] }>(
      `/api/templates/${id}/diff?against=${ownBaseId}`,
    );
    expect(diff.changes.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown version', 404, 'not_found', () => `/api/templates/bestaat-niet/diff?against=${baseId}`],
    [
      'an unknown version to compare with',
      404,
      'not_found',
      () => `/api/templates/${baseId}/diff?against=bestaat-niet`,
    ],
    ['no version to compare with', 400, 'invalid_query', () => `/api/templates/${baseId}/diff`],
    [
      'an empty version to compare with',
      400,
      'invalid_query',
      () => `/api/templates/${baseId}/diff?against=`,
    ],
  ])('%s → %i', async (_name, status, code, path) => {
    const response = await server.request('GET', path(), { cookie: reader.cookie });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });
});

describe('GET /api/templates/:id/upgrade', () => {
  it('401 without a session', async () => {
    const response = await server.request('GET', `/api/templates/${baseId}/upgrade?to=${baseId}`);
    expect(response.status).toBe(401);
  });

  it('no 403: any signed-in user reads it; to the same version everything is kept', async () => {
    expect(await getJson<UpgradePlan>(`/api/templates/${baseId}/upgrade?to=${baseId}`)).toEqual(plan({}));
  });

  it.each([
    ['an unknown version', 404, 'not_found', () => `/api/templates/bestaat-niet/upgrade?to=${baseId}`],
    ['an unknown target version', 404, 'not_found', () => `/api/templates/${baseId}/upgrade?to=bestaat-niet`],
    ['no target version', 400, 'invalid_query', () => `/api/templates/${baseId}/upgrade`],
  ])('%s → %i', async (_name, status, code, path) => {
    const response = await server.request('GET', path(), { cookie: reader.cookie });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });
});
