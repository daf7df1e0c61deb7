import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DESIGN_KEYS, addActivity } from '../../../shared/editor/designDoc';
import {
  createDesignAt,
  createTemplateDraftAt,
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
  sectionFragment,
  sectionIds,
  setDesignMeta,
  setDraftMeta,
  setDraftSections,
  toggleOutcome,
} from '../../support/yclient';
import { unzip } from '../../support/unzip';

/** The parts of the JSON export these tests read. */
interface ExportedJson {
  schema: string;
  kind: string;
  design: {
    targetedOutcomeIds: string[];
    ects: number | null;
    activities: Array<{ id: string; title: string; hours: number | null }>;
  };
  checks: unknown[];
  sections: Array<{ text: string }>;
  version?: { id: string; label: string };
}

/** Exports of a design (current state or a version) as Markdown, HTML, print HTML, JSON and DOCX; no format runs user text. */

const XSS = '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1)';

let server: TestServer;
let atelierOwner: TestOwner;
let labOwner: TestUser;
let outsider: TestUser;
let designId: string;
let versionId: string;

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  [labOwner, outsider] = await Promise.all([server.signUp('Lotte Lab'), server.signUp('Otto Buiten')]);
  const labId = await server.createTeam(labOwner, { name: 'Lab', kind: 'cocreatieteam' });
  const draftId = await createTemplateDraftAt(server.url, atelierOwner, { teamId: atelierOwner.teamId });
  await editDraft(server.wsUrl, draftId, atelierOwner, (doc) => {
    setDraftMeta(doc, {
      title: 'Startende leraren',
      kind: 'start-vakbekwaam',
      sectors: ['vo'],
      nlqfLevel: 5,
    });
    clearDraftThemes(doc);
    addDraftTheme(doc, 't1', 'Pedagogisch', [
      { id: 'lu-a', code: 'LU 1.1', title: 'Veilig klimaat', description: 'Bouwt een klimaat op.' },
    ]);
    setDraftSections(doc, [{ id: 's-doel', heading: 'Doelgroep', guidance: 'Voor wie?' }]);
  });
  const template = await publishedAt(server.url, atelierOwner, draftId, { changeNote: 'Eerste versie' });
  designId = await createDesignAt(server.url, labOwner, {
    teamId: labId,
    templateId: template.id,
    title: 'Klimaat',
  });
  await editDraft(server.wsUrl, designId, labOwner, (doc) => {
    setDesignMeta(doc, { title: `Klimaat ${XSS}`, ects: 3, mode: 'formeel' });
    toggleOutcome(doc, 'lu-a', true);
    addActivity(doc, { id: 'act-1', title: XSS, hours: 4 });
    doc.getMap<Y.Text>(DESIGN_KEYS.evidence).set('lu-a', new Y.Text(XSS));
    const [sectionId] = sectionIds(doc);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(XSS)]);
    sectionFragment(doc, sectionId!).insert(0, [paragraph]);
  });
  const saved = await server.request('POST', `/api/designs/${designId}/versions`, {
    cookie: labOwner.cookie,
    body: { label: 'Prototype <b>1</b>' },
  });
  versionId = ((await saved.json()) as { id: string }).id;
});

afterAll(async () => {
  await server.close();
});

const exportOf = (query: string, cookie = labOwner.cookie) =>
  server.request('GET', `/api/designs/${designId}/export?${query}`, { cookie });

/** The escaping guarantees of both HTML exports. */
function expectEscaped(html: string): void {
  expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  expect(html.toLowerCase()).not.toContain('<script');
  expect(html.toLowerCase()).not.toContain('<img');
  expect(html).not.toMatch(/onerror\s*=/i);
  expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
}

/** The only tags in an HTML export are ours. */
function expectOnlyOurTags(html: string): void {
  const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((match) => match[1]!.toLowerCase()));
  expect([...tags].sort()).toEqual(
    [
      'body',
      'dd',
      'dl',
      'dt',
      'em',
      'h1',
      'h2',
      'h3',
      'head',
      'html',
      'li',
      'main',
      'meta',
      'p',
      'section',
      'style',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'title',
      'tr',
      'ul',
    ].sort(),
  );
}

describe('GET /api/designs/:id/export', () => {
  it('401 without a session, 403 without access, 400 for an unknown format', async () => {
    expect((await server.request('GET', `/api/designs/${designId}/export?format=md`)).status).toBe(401);
    expect((await exportOf('format=md', outsider.cookie)).status).toBe(403);
    expect((await exportOf('format=pdf')).status).toBe(400);
    expect((await exportOf('format=DOCX')).status).toBe(400);
    expect((await exportOf('')).status).toBe(400);
  });

  it('Markdown: title, metadata, sections, outcomes, activities, evidence and checks as an attachment', async () => {
    const response = await exportOf('format=md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.md"$/);
    const text = await response.text();
    expect(text).toMatch(/^# Klimaat/);
    for (const heading of [
      '## Doelgroep',
      '## Leeruitkomsten',
      '## Leeractiviteiten',
      '## Bewijzen',
      '## Controles',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('LU 1.1 Veilig klimaat');
    expect(text).not.toContain('<script>');
  });

  it('HTML: a full page where every user text is escaped', async () => {
    const response = await exportOf('format=html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[A-Za-z0-9-]+\.html"$/,
    );
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('</html>');
    expectEscaped(html);
    expectOnlyOurTags(html);
  });
  it('print: the HTML export laid out for A4, shown inline, with the same escaping', async () => {
    const response = await exportOf('format=print');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="[A-Za-z0-9-]+\.html"$/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4[^}]*margin:/);
    expect(html).toMatch(/section\s*\{[^}]*break-before:\s*page/);
    expect(html).toContain('<h2>Doelgroep</h2>');
    expect(html).toContain('<h2>Leeractiviteiten</h2>');
    expectEscaped(html);
    // Nothing to click or fill in on paper.
    expect(html).not.toMatch(/<(a|button|input|select|textarea|form|details|script)\b/i);
    expectOnlyOurTags(html);
  });

  it('DOCX: a Word document with the Markdown content where user text stays text', async () => {
    const response = await exportOf('format=docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[A-Za-z0-9-]+\.docx"$/,
    );
    const zip = Buffer.from(await response.arrayBuffer());
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('\n');
    for (const expected of [
      'Klimaat',
      'Doelgroep',
      'Leeruitkomsten',
      'LU 1.1 Veilig klimaat',
      'Leeractiviteiten',
      'Aanbieder',
      'Bewijzen',
      'Controles',
      'ECTS: ',
    ])
      expect(text).toContain(expected);
    // The activities are a real Word table: a header row and the activity.
    expect(xml).toMatch(/<w:tbl>/);
    expect(xml.match(/<w:tr[ >]/g)?.length).toBe(2);
    // The payload is escaped text (title, section, activity, evidence), never markup.
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text.split('&lt;script&gt;').length - 1).toBeGreaterThanOrEqual(4);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    expect(xml).not.toMatch(/<w:hyperlink/);
    expect(files.get('docProps/core.xml')?.toString('utf8')).toContain('&lt;script&gt;');
  });

  it('DOCX of a version names the version', async () => {
    const response = await exportOf(`format=docx&version=${versionId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Klimaat-[A-Za-z0-9-]+\.docx"$/,
    );
    const xml = unzip(Buffer.from(await response.arrayBuffer()))
      .get('word/document.xml')!
      .toString('utf8');
    expect(xml).toContain('Prototype &lt;b&gt;1&lt;/b&gt;');
  });

  it('JSON: the full projection with a versioned schema', async () => {
    const response = await exportOf('format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as ExportedJson;
    expect(body).toMatchObject({ schema: 'werkplaats.design/1', kind: 'leerarrangement' });
    expect(body.design.targetedOutcomeIds).toEqual(['lu-a']);
    expect(body.design.activities[0]).toMatchObject({ id: 'act-1', title: XSS, hours: 4 });
    expect(body.checks.length).toBeGreaterThan(0);
    expect(body.sections[0]?.text).toBe(XSS);
  });

  it('Markdown: a line break or pipe in an activity keeps its table row whole', async () => {
    await editDraft(server.wsUrl, designId, labOwner, (doc) =>
      addActivity(doc, {
        id: 'act-2',
        title: 'Stage\nwerkplek | dag 2',
        providerType: 'derde',
        providerName: 'Hogeschool\r\nNoord',
      }),
    );
    const text = await (await exportOf('format=md')).text();
    const table = text.split('\n').filter((line) => line.startsWith('|'));
    expect(table).toContain(
      '| Stage<br>werkplek \\| dag 2 | Workshop | Non-formeel | — | Hogeschool<br>Noord | — |',
    );
    // Every row has the header's seven unescaped pipes.
    for (const row of table) expect(row.match(/(?<!\\)\|/g)).toHaveLength(7);
  });

  it('exports a version rather than the current state when asked', async () => {
    await editDraft(server.wsUrl, designId, labOwner, (doc) => setDesignMeta(doc, { ects: 5 }));
    const current = (await (await exportOf('format=json')).json()) as ExportedJson;
    const version = (await (await exportOf(`format=json&version=${versionId}`)).json()) as ExportedJson;
    expect(current.design.ects).toBe(5);
    expect(version.design.ects).toBe(3);
    expect(version.version).toMatchObject({ id: versionId, label: 'Prototype <b>1</b>' });
    expect((await exportOf('format=json&version=unknown')).status).toBe(404);
  });
});
