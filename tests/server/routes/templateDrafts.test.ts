import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { TemplateVersion, TemplateVersionSummary } from '../../../server/stores/templateVersions';
import type { TemplateContent } from '../../../shared/domain/template/types';
import { refusedUpgradeStatus } from '../../support/rawclient';
import {
  createTemplateDraftAt,
  publishedAt,
  publishPreviewAt,
  publishTemplateAt,
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
  draftThemeIds,
  editDraft,
  editDraftOutcome,
  roundTrip,
  setDraftMeta,
  type TestClient,
} from '../../support/yclient';

/**
 * Ontwikkelpad drafts and publishing: an atelier's owners and editors write a draft (a
 * collaborative document) and publish it as immutable numbered versions; its commenters and
 * viewers read the draft; nobody outside the atelier does; everyone signed in reads what is
 * published.
 */

let server: TestServer;
/** Owner of the atelier (the default owner's team is an atelier). */
let owner: TestOwner;
let atelierId: string;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;
/** Owner of a co-creatieteam: signed in, no role in the atelier. */
let labMember: TestUser;
let labTeamId: string;
/** Signed in, in no team at all. */
let outsider: TestUser;
/** Owner of a second atelier. */
let otherOwner: TestUser;
let otherAtelierId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  atelierId = owner.teamId;
  [editor, commenter, viewer, labMember, outsider, otherOwner] = await Promise.all([
    server.signUp('Eva Bewerker'),
    server.signUp('Cor Commentator'),
    server.signUp('Vera Lezer'),
    server.signUp('Lab Lid'),
    server.signUp('Bo Buitenstaander'),
    server.signUp('Ottje Ander Atelier'),
  ]);
  await server.addMember(owner, atelierId, editor, 'editor');
  await server.addMember(owner, atelierId, commenter, 'commenter');
  await server.addMember(owner, atelierId, viewer, 'viewer');
  labTeamId = await server.createTeam(labMember, { name: 'Co-creatielab Noord', kind: 'cocreatieteam' });
  otherAtelierId = await server.createTeam(otherOwner, { name: 'Ander atelier', kind: 'atelier' });
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

interface ErrorBody {
  error: { code: string; message: string };
}

type DraftInfo = {
  id: string;
  teamId: string;
  title: string;
  templateKey: string;
  basedOnVersionId: string | null;
  versions: TemplateVersionSummary[];
  role: string;
  capabilities: string[];
};

async function expectError(response: Response, status: number, code: string): Promise<string> {
  const body = (await response.json()) as ErrorBody;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

const newDraft = (user: { cookie: string } = editor, body: { title?: string; fromVersionId?: string } = {}) =>
  createTemplateDraftAt(server.url, user, { teamId: atelierId, ...body });

const preview = (docId: string, user: { cookie: string } = editor) =>
  publishPreviewAt(server.url, user, docId);

const edit = (docId: string, change: (doc: Y.Doc) => void, user: { cookie: string } = editor) =>
  editDraft(server.wsUrl, docId, user, change);

async function getVersion(id: string, user: { cookie: string } = editor) {
  const response = await server.request('GET', `/api/templates/${id}`, { cookie: user.cookie });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { text, version: JSON.parse(text) as TemplateVersion & { versions: TemplateVersionSummary[] } };
}

const LU1 = {
  id: 'lu-klimaat',
  code: 'LU 1.1',
  title: 'Veilig leerklimaat',
  description: 'De leraar bouwt een veilig en uitdagend leerklimaat op.',
};
const LU2 = {
  id: 'lu-instructie',
  code: 'LU 1.2',
  title: 'Heldere instructie',
  description: 'De leraar geeft heldere, gestructureerde instructie.',
};

/** What the editor fills in: every field publishing needs, one theme with one outcome. */
function fill(doc: Y.Doc): void {
  doc.transact(() => {
    setDraftMeta(doc, {
      title: 'Startende leraren in het mbo',
      kind: 'start-vakbekwaam',
      sectors: ['mbo', 'vo'],
      nlqfLevel: 5,
    });
    clearDraftThemes(doc);
    addDraftTheme(doc, 'thema-ped', 'Pedagogisch handelen', [LU1]);
  });
}

/** A new draft of the atelier, filled and published as 1.0. */
async function publishNewLine(): Promise<{ docId: string; versionId: string }> {
  const docId = await newDraft();
  await edit(docId, fill);
  const { id } = await publishedAt(server.url, editor, docId, { changeNote: 'Eerste versie' });
  return { docId, versionId: id };
}

async function draftInfo(docId: string, user: { cookie: string }): Promise<DraftInfo> {
  const response = await server.request('GET', `/api/templates/drafts/${docId}`, { cookie: user.cookie });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as DraftInfo;
}

const collabUrl = (docId: string) => `${server.wsUrl}/${docId}`;

describe('POST /api/templates/drafts', () => {
  it('401 without a session', async () => {
    const response = await server.request('POST', '/api/templates/drafts', { body: { teamId: atelierId } });
    await expectError(response, 401, 'unauthenticated');
  });

  it.each([
    ['an outsider', () => outsider, () => atelierId],
    ['a commenter of the atelier', () => commenter, () => atelierId],
    ['a viewer of the atelier', () => viewer, () => atelierId],
    ['a co-creatieteam member, into the atelier', () => labMember, () => atelierId],
    ['a co-creatieteam owner, into their own co-creatieteam', () => labMember, () => labTeamId],
  ])('403 for a user without access: %s', async (_name, user, teamId) => {
    const response = await server.request('POST', '/api/templates/drafts', {
      cookie: user().cookie,
      body: { teamId: teamId() },
    });
    await expectError(response, 403, 'forbidden');
  });

  it('an atelier editor creates an empty draft with the default sections', async () => {
    const docId = await newDraft(editor, { title: 'Mijn ontwikkelpad' });
    const info = await draftInfo(docId, editor);
    expect(info).toMatchObject({
      id: docId,
      teamId: atelierId,
      title: 'Mijn ontwikkelpad',
      templateKey: docId,
      basedOnVersionId: null,
      versions: [],
      role: 'editor',
    });
    expect(info.capabilities).toContain('template.publish');
    const { content } = await preview(docId);
    expect(content.title).toBe('Mijn ontwikkelpad');
    expect(content.sections.map((section) => section.heading)).toEqual([
      'Doelgroep en aanleiding',
      'Leeruitkomsten en opbouw',
      'Leeractiviteiten',
      'Toetsing en bewijzen',
      'Erkenning eerder verworven competenties',
      'Relatie tot het professionaliseringstraject',
      'Materialen',
    ]);
  });

  it.each([
    ['no team', () => ({}), 'invalid_body', 400],
    ['an unknown field', () => ({ teamId: atelierId, extra: 1 }), 'invalid_body', 400],
    ['an unknown team', () => ({ teamId: '00000000-0000-4000-8000-000000000000' }), 'not_found', 404],
    [
      'an unknown version to revise',
      () => ({ teamId: atelierId, fromVersionId: 'bestaat-niet' }),
      'not_found',
      404,
    ],
  ])('refuses %s', async (_name, body, code, status) => {
    const response = await server.request('POST', '/api/templates/drafts', {
      cookie: editor.cookie,
      body: body(),
    });
    await expectError(response, status, code);
  });
});

describe('GET /api/templates/drafts/:docId and the draft socket', () => {
  let docId: string;
  beforeAll(async () => {
    docId = await newDraft();
  });

  it('401 without a session', async () => {
    await expectError(await server.request('GET', `/api/templates/drafts/${docId}`), 401, 'unauthenticated');
    expect(await refusedUpgradeStatus(collabUrl(docId))).toBe(401);
  });

  it.each([
    ['a co-creatieteam member', () => labMember],
    ['an outsider', () => outsider],
  ])('403 for a user without access: %s (HTTP and WebSocket upgrade)', async (_name, user) => {
    const response = await server.request('GET', `/api/templates/drafts/${docId}`, { cookie: user().cookie });
    await expectError(response, 403, 'forbidden');
    expect(await refusedUpgradeStatus(collabUrl(docId), { cookie: user().cookie })).toBe(403);
    // Nor through the generic document route: a draft is a document of the atelier.
    const asDocument = await server.request('GET', `/api/documents/${docId}`, { cookie: user().cookie });
    await expectError(asDocument, 403, 'forbidden');
  });

  it.each([
    ['owner', true, () => owner],
    ['editor', true, () => editor],
    ['commenter', false, () => commenter],
    ['viewer', false, () => viewer],
  ])('every atelier member reads it: %s (may publish: %s)', async (role, mayPublish, user) => {
    const info = await draftInfo(docId, user());
    expect(info.role).toBe(role);
    expect(info.capabilities.includes('template.publish')).toBe(mayPublish);
    const client = await connectSynced(server.wsUrl, docId, { cookie: user().cookie });
    clients.push(client);
    expect(draftThemeIds(client.doc)).toHaveLength(1);
  });

  it("a viewer's or commenter's socket is read-only: their edits never reach the draft", async () => {
    for (const user of [viewer, commenter]) {
      const client = await connectSynced(server.wsUrl, docId, { cookie: user.cookie });
      clients.push(client);
      setDraftMeta(client.doc, { title: `Gekaapt door ${user.name}`, nlqfLevel: 8 });
      // The server has handled (and dropped) the edit once it answers the next message.
      await roundTrip(client.socket);
    }
    const { content } = await preview(docId);
    expect(content.title).toBe('Nieuw ontwikkelpad');
    expect(content.nlqfLevel).toBeNull();
  });

  it('404 for an unknown document and for a document that is not an ontwikkelpad draft', async () => {
    const unknown = await server.request(
      'GET',
      '/api/templates/drafts/00000000-0000-4000-8000-000000000000',
      {
        cookie: editor.cookie,
      },
    );
    await expectError(unknown, 404, 'not_found');
    const plainDoc = await server.createDocument({ title: 'Gewoon document' });
    const plain = await server.request('GET', `/api/templates/drafts/${plainDoc}`, { cookie: editor.cookie });
    expect(await expectError(plain, 404, 'not_found')).toMatch(/geen concept/);
    const publish = await publishTemplateAt(server.url, owner, plainDoc, { changeNote: 'x' });
    await expectError(publish, 404, 'not_found');
  });
});

describe('GET /api/templates/drafts/:docId/publish (preview)', () => {
  let docId: string;
  beforeAll(async () => {
    docId = await newDraft();
  });

  it('401 without a session', async () => {
    const response = await server.request('GET', `/api/templates/drafts/${docId}/publish`);
    await expectError(response, 401, 'unauthenticated');
  });

  it.each([
    ['a commenter of the atelier', () => commenter],
    ['a viewer of the atelier', () => viewer],
    ['a co-creatieteam member', () => labMember],
    ['an outsider', () => outsider],
  ])('403 for a user without access: %s', async (_name, user) => {
    const response = await server.request('GET', `/api/templates/drafts/${docId}/publish`, {
      cookie: user().cookie,
    });
    await expectError(response, 403, 'forbidden');
  });

  it('lists every problem of the collaborative state with its path, in Dutch', async () => {
    const draft = await newDraft();
    await edit(draft, (doc) => {
      setDraftMeta(doc, { kind: 'vakbekwaam-expert', sectors: ['po'], nlqfLevel: 6 });
      addDraftOutcome(doc, draftThemeIds(doc)[0]!, {
        id: 'x1',
        code: 'LU 1',
        title: 'Eerste',
        description: '',
      });
      addDraftOutcome(doc, draftThemeIds(doc)[0]!, { id: 'x2', code: 'lu 1', title: '', description: '' });
    });
    expect((await preview(draft)).problems).toEqual([
      {
        path: 'specialisation',
        message: 'Noem de specialisatie (bijv. Specialist Curriculumontwikkeling).',
      },
      { path: 'outcomes.x2.code', message: 'De code lu 1 komt meer dan eens voor; codes moeten uniek zijn.' },
      { path: 'outcomes.x2.title', message: 'Leeruitkomst lu 1 heeft geen titel.' },
    ]);
  });
});

describe('POST /api/templates/drafts/:docId/publish', () => {
  it('401 without a session', async () => {
    const docId = await newDraft();
    const response = await server.request('POST', `/api/templates/drafts/${docId}/publish`, {
      body: { changeNote: 'x' },
    });
    await expectError(response, 401, 'unauthenticated');
  });

  it('403 for a user without access (commenter, viewer, co-creatieteam member, outsider)', async () => {
    const docId = await newDraft();
    await edit(docId, fill);
    for (const user of [commenter, viewer, labMember, outsider]) {
      const response = await publishTemplateAt(server.url, user, docId, { changeNote: 'Toch publiceren' });
      await expectError(response, 403, 'forbidden');
    }
    expect((await draftInfo(docId, editor)).versions).toEqual([]);
    // The draft was publishable all along: the refusals were about access.
    expect((await publishedAt(server.url, owner, docId, { changeNote: 'Eerste versie' })).version).toBe(
      '1.0',
    );
  });

  it('an empty draft: 400 invalid_template listing every problem, the same ones the preview shows', async () => {
    const docId = await newDraft();
    const { problems, proposedVersion, previous, changes } = await preview(docId);
    expect(problems).toEqual([
      { path: 'sectors', message: 'Kies minstens één sector (po, vo, mbo).' },
      { path: 'nlqfLevel', message: 'Kies het NLQF-niveau (1–8).' },
      { path: 'themes', message: 'Voeg minstens één leeruitkomst toe.' },
    ]);
    expect({ proposedVersion, previous, changes }).toEqual({
      proposedVersion: '1.0',
      previous: null,
      changes: [],
    });
    const message = await expectError(
      await publishTemplateAt(server.url, editor, docId, { changeNote: 'Eerste versie' }),
      400,
      'invalid_template',
    );
    expect(message).toMatch(/^Publiceren kan nog niet: /);
    for (const problem of problems) expect(message).toContain(problem.message);
  });

  it('numbers versions: 1.0, no change refused, immutable after later edits, 1.1 for an addition, major for a changed meaning', async () => {
    const docId = await newDraft(editor, { title: 'Startende leraren' });

    // Filled through a provider: publishable, first version proposed as 1.0.
    await edit(docId, fill);
    const first = await preview(docId);
    expect(first).toMatchObject({ problems: [], proposedVersion: '1.0', previous: null, changes: [] });
    const expectedContent: Partial<TemplateContent> = {
      title: 'Startende leraren in het mbo',
      kind: 'start-vakbekwaam',
      sectors: ['vo', 'mbo'],
      nlqfLevel: 5,
      themes: [{ id: 'thema-ped', title: 'Pedagogisch handelen', outcomes: [LU1] }],
    };
    expect(first.content).toMatchObject(expectedContent);
    const v1 = await publishedAt(server.url, editor, docId, { version: '1.0', changeNote: 'Eerste versie' });
    expect(v1.version).toBe('1.0');

    // Unchanged: nothing to publish.
    const again = await publishTemplateAt(server.url, editor, docId, { changeNote: 'Nog eens' });
    expect(await expectError(again, 400, 'no_changes')).toMatch(/sinds versie 1\.0/);

    // Editing the draft afterwards leaves the published version exactly as it was.
    const published = await getVersion(v1.id, labMember);
    expect(published.version).toMatchObject({
      version: '1.0',
      changeNote: 'Eerste versie',
      example: false,
      teamId: atelierId,
      templateKey: docId,
    });
    expect(published.version.content).toEqual(first.content);
    await edit(docId, (doc) => {
      setDraftMeta(doc, { title: 'Iets anders', sectors: ['po'], nlqfLevel: 7 });
      editDraftOutcome(doc, LU1.id, { code: 'LU 9', description: 'Een heel andere betekenis.' });
    });
    expect((await getVersion(v1.id, labMember)).text).toBe(published.text);
    const edited = await preview(docId);
    expect(edited.requiresMajor).toBe(true);
    expect(edited.proposedVersion).toBe('2.0');
    // Back to the published text and metadata; the new code alone is not breaking.
    await edit(docId, (doc) => {
      setDraftMeta(doc, { title: 'Startende leraren in het mbo', sectors: ['mbo', 'vo'], nlqfLevel: 5 });
      editDraftOutcome(doc, LU1.id, { code: 'LU 1.1', description: LU1.description });
    });
    expect((await preview(docId)).changes).toEqual([]);

    // An added outcome: a minor version, proposed and used when no number is given.
    await edit(docId, (doc) => addDraftOutcome(doc, 'thema-ped', LU2));
    const addition = await preview(docId);
    expect(addition).toMatchObject({
      proposedVersion: '1.1',
      requiresMajor: false,
      previous: { id: v1.id, version: '1.0' },
      changes: [{ kind: 'outcome-added', outcome: LU2 }],
    });
    const v11 = await publishedAt(server.url, editor, docId, { changeNote: 'Instructie toegevoegd' });
    expect(v11.version).toBe('1.1');

    // A changed meaning: a new major version is proposed and required.
    await edit(docId, (doc) =>
      editDraftOutcome(doc, LU2.id, {
        description: 'De leraar geeft instructie die aansluit bij verschillen.',
      }),
    );
    const breaking = await preview(docId);
    expect(breaking).toMatchObject({ proposedVersion: '2.0', requiresMajor: true });
    const refusals: Array<[string, string, RegExp]> = [
      ['1.2', 'invalid_version', /hoofdversie/],
      ['1.1', 'invalid_version', /hoger zijn dan 1\.1/],
      ['1.0', 'invalid_version', /hoger zijn dan 1\.1/],
      ['0.9', 'invalid_version', /hoger zijn dan 1\.1/],
      ['twee', 'invalid_body', /versienummer/],
      ['2', 'invalid_body', /versienummer/],
    ];
    for (const [version, code, message] of refusals) {
      const response = await publishTemplateAt(server.url, editor, docId, {
        version,
        changeNote: 'Betekenis',
      });
      expect(await expectError(response, 400, code), `version ${version}`).toMatch(message);
    }
    const v2 = await publishedAt(server.url, owner, docId, { version: '2.0', changeNote: 'Betekenis' });
    expect(v2.version).toBe('2.0');

    // The line, newest first; the earlier versions kept their content.
    const latest = await getVersion(v2.id, labMember);
    expect(latest.version.versions.map((version) => version.version)).toEqual(['2.0', '1.1', '1.0']);
    const { versions: _versions, ...firstNow } = (await getVersion(v1.id)).version;
    const { versions: _before, ...firstThen } = published.version;
    expect(firstNow).toEqual(firstThen);
    expect((await draftInfo(docId, viewer)).versions.map((version) => version.id)).toEqual([
      v2.id,
      v11.id,
      v1.id,
    ]);
  });

  it('a revision draft of the same atelier continues the version line and keeps every outcome id', async () => {
    const { docId: original, versionId } = await publishNewLine();
    const revision = await newDraft(owner, { fromVersionId: versionId });
    expect(await draftInfo(revision, commenter)).toMatchObject({
      templateKey: original,
      basedOnVersionId: versionId,
      versions: [{ id: versionId, version: '1.0' }],
    });
    const start = await preview(revision);
    expect(start).toMatchObject({ problems: [], changes: [], previous: { id: versionId } });
    expect(start.content).toEqual((await getVersion(versionId)).version.content);
    await expectError(
      await publishTemplateAt(server.url, owner, revision, { changeNote: 'Ongewijzigd' }),
      400,
      'no_changes',
    );
    await edit(revision, (doc) => addDraftOutcome(doc, 'thema-ped', LU2));
    expect((await preview(revision)).proposedVersion).toBe('1.1');
    const next = await publishedAt(server.url, owner, revision, { changeNote: 'Herziening' });
    expect(next.version).toBe('1.1');
    const { version } = await getVersion(next.id);
    expect(version.templateKey).toBe(original);
    expect(version.versions.map((summary) => summary.version)).toEqual(['1.1', '1.0']);
  });

  it("a draft from another atelier's version or from an example starts a new line at 1.0", async () => {
    const { versionId } = await publishNewLine();
    const example = (await server.running.deps.stores.templateVersions.search({ q: 'Specialist' }))[0]!;
    expect(example.example).toBe(true);
    const cases: Array<[string, TestUser, string, string]> = [
      ["another atelier's version", otherOwner, otherAtelierId, versionId],
      ['an example version', editor, atelierId, example.id],
    ];
    for (const [name, user, teamId, fromVersionId] of cases) {
      const copy = await createTemplateDraftAt(server.url, user, { teamId, fromVersionId });
      const info = await draftInfo(copy, user);
      expect(info, name).toMatchObject({ templateKey: copy, basedOnVersionId: fromVersionId, versions: [] });
      expect(await preview(copy, user), name).toMatchObject({
        problems: [],
        previous: null,
        changes: [],
        proposedVersion: '1.0',
      });
      const published = await publishedAt(server.url, user, copy, { changeNote: 'Eigen versie' });
      expect(published.version, name).toBe('1.0');
      const { version } = await getVersion(published.id);
      expect(version, name).toMatchObject({ teamId, templateKey: copy, example: false });
      expect(version.versions).toHaveLength(1);
    }
  });

  it('every signed-in user reads published versions: a co-creatieteam member finds it in the library', async () => {
    const { versionId } = await publishNewLine();
    const { version } = await getVersion(versionId, labMember);
    expect(version.content.themes[0]!.outcomes).toEqual([LU1]);
    const library = await server.request('GET', '/api/templates?sector=mbo&q=Startende', {
      cookie: outsider.cookie,
    });
    expect(library.status).toBe(200);
    expect(((await library.json()) as TemplateVersionSummary[]).map((summary) => summary.id)).toContain(
      versionId,
    );
  });

  it('the audit trail records template.draft_created and template.published', async () => {
    const { docId, versionId } = await publishNewLine();
    const response = await server.request('GET', `/api/teams/${atelierId}/audit`, { cookie: owner.cookie });
    expect(response.status).toBe(200);
    const events = (await response.json()) as Array<{
      action: string;
      actorId: string | null;
      actorName: string | null;
      details: Record<string, unknown>;
    }>;
    const ofDraft = events.filter((event) => event.details.documentId === docId);
    expect(ofDraft.map((event) => event.action)).toEqual(['template.published', 'template.draft_created']);
    expect(ofDraft[1]).toMatchObject({
      actorId: editor.id,
      actorName: editor.name,
      details: { documentId: docId, title: 'Nieuw ontwikkelpad', basedOn: null },
    });
    expect(ofDraft[0]).toMatchObject({
      actorId: editor.id,
      details: { documentId: docId, versionId, version: '1.0', title: 'Startende leraren in het mbo' },
    });
  });
});
