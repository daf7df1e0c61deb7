/**
 * GET /api/search on the real server and engine (SQLite FTS5 or PostgreSQL full-text): text typed a
 * moment ago is found by a teammate, never by someone outside the team; published ontwikkelpaden are
 * found by everyone; comments and trajecten by the team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SearchResult } from '../../../shared/schemas/search';
import { createDesignAt, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { editDraft, sectionFragment, sectionIds, setDesignMeta } from '../../support/yclient';

let server: TestServer;
let owner: TestUser;
let teammate: TestUser;
let outsider: TestUser;
let labId: string;
let designId: string;

async function searchAs(user: TestUser, q: string): Promise<SearchResult[]> {
  const response = await server.request('GET', `/api/search?q=${encodeURIComponent(q)}`, {
    cookie: user.cookie,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResult[];
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

beforeAll(async () => {
  server = await startTestServer({ SEARCH_INDEX_INTERVAL_MS: '100' });
  [owner, teammate, outsider] = await Promise.all([
    server.signUp('Olga Eigenaar'),
    server.signUp('Tim Teamlid'),
    server.signUp('Bo Buiten'),
  ]);
  labId = await server.createTeam(owner, { name: 'Lab Zoeken', kind: 'cocreatieteam' });
  await server.addMember(owner, labId, teammate, 'editor');
  await server.createTeam(outsider, { name: 'Ander lab', kind: 'cocreatieteam' });
  const templates = (await (
    await server.request('GET', '/api/templates', { cookie: owner.cookie })
  ).json()) as Array<{ id: string }>;
  designId = await createDesignAt(server.url, owner, {
    teamId: labId,
    templateId: templates[0]!.id,
    title: 'Klimaat in de klas',
  });
});

afterAll(async () => {
  await server.close();
});

describe('GET /api/search', () => {
  it('finds text a teammate typed a moment ago, with the match highlighted, and never for an outsider', async () => {
    await editDraft(server.wsUrl, designId, owner, (doc) => {
      setDesignMeta(doc, { title: 'Klimaat in de klas' });
      sectionFragment(doc, sectionIds(doc)[0]!).insert(0, [
        paragraph('Leraren oefenen met de kringgesprekmethode tijdens intervisie.'),
      ]);
    });
    await expect.poll(async () => (await searchAs(teammate, 'kringgesprek')).length).toBeGreaterThan(0);
    const [hit] = await searchAs(teammate, 'kringgesprek');
    expect(hit).toMatchObject({
      kind: 'leerarrangement',
      id: designId,
      title: 'Klimaat in de klas',
      url: `/ontwerpen/${designId}`,
    });
    const [start, end] = hit!.highlights[0]!;
    expect(hit!.snippet.slice(start, end).toLowerCase()).toContain('kringgesprek');
    // Several words narrow: all must occur (each as a prefix).
    expect(await searchAs(teammate, 'kringgesprekmethode interv')).toHaveLength(1);
    expect(await searchAs(teammate, 'kringgesprekmethode zwembad')).toHaveLength(0);
    expect(await searchAs(outsider, 'kringgesprek')).toEqual([]);
  });

  it('follows later edits: removed text is no longer found, new text is', async () => {
    await editDraft(server.wsUrl, designId, owner, (doc) => {
      const fragment = sectionFragment(doc, sectionIds(doc)[0]!);
      fragment.delete(0, fragment.length);
      fragment.insert(0, [paragraph('Nu over de zeepkistrace.')]);
    });
    await expect.poll(async () => (await searchAs(owner, 'zeepkist')).length, { timeout: 15_000 }).toBe(1);
    expect(await searchAs(owner, 'kringgesprek')).toEqual([]);
  });

  it('finds published ontwikkelpaden for everyone, and team comments and trajecten for the team only', async () => {
    const template = (await searchAs(outsider, 'startbekwaam vakbekwaam leraar')).concat(
      await searchAs(outsider, 'leraar'),
    );
    expect(
      template.some((result) => result.kind === 'template' && result.url.startsWith('/bibliotheek/')),
    ).toBe(true);
    const posted = await server.request('POST', `/api/documents/${designId}/comments`, {
      cookie: teammate.cookie,
      body: { anchor: null, body: 'Kunnen we de fietsenstalling als voorbeeld nemen?' },
    });
    expect(posted.status).toBe(201);
    const [comment] = await searchAs(owner, 'fietsenstalling');
    expect(comment).toMatchObject({ kind: 'comment', title: 'Klimaat in de klas' });
    expect(comment!.url).toMatch(new RegExp(`^/ontwerpen/${designId}\\?reactie=`));
    expect(await searchAs(outsider, 'fietsenstalling')).toEqual([]);
  });

  it('answers an empty query with nothing, refuses a query over 200 characters, and needs a session', async () => {
    expect(await searchAs(owner, '  ')).toEqual([]);
    expect(await searchAs(owner, '"*:& ) NEAR(')).toEqual(expect.any(Array));
    const long = await server.request('GET', `/api/search?q=${'a'.repeat(201)}`, { cookie: owner.cookie });
    expect(long.status).toBe(400);
    expect((await server.request('GET', '/api/search?q=klimaat')).status).toBe(401);
  });
});
