import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextSchema } from '../../../shared/editor/extensions';
import * as fixtures from '../../support/designFixtures';
import {
  approveDesign,
  createLab,
  getOk,
  LU_1,
  LU_2,
  pedagogischHandelen,
} from '../../support/designFixtures';
import { createDesignAt, startTestServer } from '../../support/server';
import type { TestOwner, TestServer, TestUser } from '../../support/server';
import {
  connectSynced,
  editDraft,
  sectionFragment,
  sectionIds,
  setDesignText,
  toggleOutcome,
} from '../../support/yclient';
import { RICH_SECTION } from '../render/designFixture';

/**
 * The public catalog: approved designs only, anonymous, searchable; drafts never leak; reuse copies
 * an approved design into the caller's co-creatieteam with lineage. Designs reach
 * aangemeld-externe-toetsing by a direct database write (the API cannot pass R13 yet), then are
 * approved through the API, which freezes the catalog copy.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let owner: TestUser;
let viewer: TestUser;
let otherOwner: TestUser;
let labId: string;
let otherLabId: string;
let versionId: string;
let approvedId: string;
let draftId: string;

const approve = (docId: string) => approveDesign(server, owner, docId);

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  [owner, viewer, otherOwner] = await Promise.all([
    server.signUp('Olga Eigenaar'),
    server.signUp('Vik Lezer'),
    server.signUp('Ander Lab'),
  ]);
  labId = await createLab(server, owner, 'Co-creatielab Oost', [[viewer, 'viewer']]);
  otherLabId = await createLab(server, otherOwner, 'Co-creatielab West');
  ({ versionId } = await fixtures.publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo', 'mbo'],
    nlqfLevel: 5,
    themes: [pedagogischHandelen(LU_1, LU_2)],
  }));
  approvedId = await createDesignAt(server.url, owner, {
    teamId: labId,
    templateId: versionId,
    title: 'Klimaat',
  });
  draftId = await createDesignAt(server.url, owner, {
    teamId: labId,
    templateId: versionId,
    title: 'Geheim concept',
  });
  await editDraft(server.wsUrl, approvedId, owner, (doc) => {
    toggleOutcome(doc, 'lu-1', true);
    setDesignText(doc, 'trajectRelation', 'Eerste stap met intervisie.');
    const fragment = sectionFragment(doc, sectionIds(doc)[0]!);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(richTextSchema(), RICH_SECTION, fragment);
  });
  await editDraft(server.wsUrl, draftId, owner, (doc) => toggleOutcome(doc, 'lu-2', true));
  await approve(approvedId);
});

afterAll(async () => {
  await server?.close();
});

interface Item {
  id: string;
  title: string;
  team: { name: string };
  template: { id: string; title: string; version: string };
  outcomes: Array<{ code: string; title: string }>;
  sectors: string[];
  license: string;
  approvedAt: string;
}

async function list(query = '', cookie?: string): Promise<Item[]> {
  const body = await getOk<{ items: Item[] }>(
    server,
    `/api/catalog${query}`,
    cookie ? { cookie } : undefined,
  );
  return body.items;
}

describe('GET /api/catalog', () => {
  it('anonymous: only the approved design, with team, ontwikkelpad, outcomes, sectors and license', async () => {
    const items = await list();
    expect(items.map((item) => item.id)).toEqual([approvedId]);
    expect(items[0]).toMatchObject({
      title: 'Klimaat',
      team: { name: 'Co-creatielab Oost' },
      template: { id: versionId, title: 'Startende leraren', version: '1.0' },
      outcomes: [{ code: 'LU 1', title: 'Veilig leerklimaat' }],
      license: 'CC BY-SA 4.0',
    });
    expect(items[0]?.approvedAt).toMatch(/^\d{4}-/);
  });

  it('drafts never leak, not even to signed-in members', async () => {
    expect((await list('', owner.cookie)).map((item) => item.id)).toEqual([approvedId]);
    expect(JSON.stringify(await list('?q=geheim'))).not.toContain(draftId);
  });

  it.each([
    ['?q=intervisie', true],
    ['?q=KLIMAAT oost', true],
    ['?q=onbekend', false],
    ['?sector=vo', true],
    ['?sector=po', false],
    [`?outcomeId=lu-1`, true],
    [`?outcomeId=lu-2`, false],
  ])('filter %s finds the approved design: %s', async (query, found) => {
    expect((await list(query)).map((item) => item.id)).toEqual(found ? [approvedId] : []);
  });

  it('filters by ontwikkelpad version', async () => {
    expect((await list(`?templateId=${versionId}`)).length).toBe(1);
    expect((await list('?templateId=iets-anders')).length).toBe(0);
  });
});

describe('GET /api/catalog/:id', () => {
  it('anonymous: the approved design with its plain projection', async () => {
    const response = await server.request('GET', `/api/catalog/${approvedId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Item & {
      content: { targetedOutcomeIds: string[]; trajectRelation: string };
    };
    expect(body).toMatchObject({ id: approvedId, license: 'CC BY-SA 4.0' });
    expect(body.content).toMatchObject({
      targetedOutcomeIds: ['lu-1'],
      trajectRelation: 'Eerste stap met intervisie.',
    });
  });

  it('anonymous: every written section, its formatting as HTML, with the field it asks about', async () => {
    const body = (await (await server.request('GET', `/api/catalog/${approvedId}`)).json()) as {
      sections: Array<{ heading: string; html: string; field: string | null }>;
    };
    const headings = body.sections.map((section) => section.heading);
    expect(headings[0]).toBe('Doelgroep en aanleiding');
    expect(new Set(headings).size).toBe(headings.length);
    const first = body.sections[0]!.html;
    expect(first).toContain('<h3>Aanleiding</h3>');
    expect(first).toContain('<strong>vet</strong>');
    expect(first).toContain('<em>schuin</em>');
    expect(first).toMatch(/<a [^>]*href="https:\/\/example.org\/a"[^>]*>de site<\/a>/);
    expect(first).not.toContain('javascript:');
    expect(first).toMatch(/<ul><li><p>Starters<\/p><\/li><li><p>Zij-instromers<\/p><\/li><\/ul>/);
    expect(first).toMatch(/<ol[^>]*><li><p>Eerst<\/p><\/li>/);
    const fields = Object.fromEntries(body.sections.map((section) => [section.heading, section.field]));
    expect(fields).toMatchObject({
      Leeractiviteiten: 'activities',
      'Relatie tot het professionaliseringstraject': 'trajectRelation',
    });
  });

  it('a draft is 404, anonymously and for its own owner', async () => {
    expect((await server.request('GET', `/api/catalog/${draftId}`)).status).toBe(404);
    expect((await server.request('GET', `/api/catalog/${draftId}`, { cookie: owner.cookie })).status).toBe(
      404,
    );
    expect((await server.request('GET', '/api/catalog/bestaat-niet')).status).toBe(404);
  });
});

describe('POST /api/catalog/:id/reuse', () => {
  it('401 without a session', async () => {
    const response = await server.request('POST', `/api/catalog/${approvedId}/reuse`, {
      body: { teamId: otherLabId },
    });
    expect(response.status).toBe(401);
  });

  it('403 for a user without access: a viewer, or someone outside the target team', async () => {
    for (const [user, teamId] of [
      [viewer, labId],
      [owner, otherLabId],
    ] as const) {
      const response = await server.request('POST', `/api/catalog/${approvedId}/reuse`, {
        cookie: user.cookie,
        body: { teamId },
      });
      expect(response.status).toBe(403);
    }
  });

  it('a draft cannot be reused (404)', async () => {
    const response = await server.request('POST', `/api/catalog/${draftId}/reuse`, {
      cookie: otherOwner.cookie,
      body: { teamId: otherLabId },
    });
    expect(response.status).toBe(404);
  });

  it("copies the approved content into a new draft of the caller's team, with lineage", async () => {
    const response = await server.request('POST', `/api/catalog/${approvedId}/reuse`, {
      cookie: otherOwner.cookie,
      body: { teamId: otherLabId },
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(id).not.toBe(approvedId);
    const status = await server.request('GET', `/api/designs/${id}/status`, { cookie: otherOwner.cookie });
    expect(await status.json()).toMatchObject({
      status: 'globaal-ontwerp',
      basedOn: { id: approvedId, title: 'Klimaat', teamName: 'Co-creatielab Oost', license: 'CC BY-SA 4.0' },
    });
    const exported = await server.request('GET', `/api/designs/${id}/export?format=md`, {
      cookie: otherOwner.cookie,
    });
    expect(await exported.text()).toContain('- Gebaseerd op: Klimaat — Co-creatielab Oost (CC BY-SA 4.0)');
    const document = await server.running.deps.stores.documents.get(id);
    expect(document).toMatchObject({ teamId: otherLabId, kind: 'leerarrangement' });
    const client = await connectSynced(server.wsUrl, id, { cookie: otherOwner.cookie });
    try {
      expect(client.doc.getText('trajectRelation').toString()).toBe('Eerste stap met intervisie.');
    } finally {
      client.destroy();
    }
    // The copy is a draft: not in the catalog.
    expect((await list()).map((item) => item.id)).toEqual([approvedId]);
  });
});
