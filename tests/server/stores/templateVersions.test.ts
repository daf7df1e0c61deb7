import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../../server/db/portable';
import type { Executor } from '../../../server/db/database';
import { createTemplateVersionStore, type LibraryFilter } from '../../../server/stores/templateVersions';
import type { Sector, TemplateContent } from '../../../shared/domain/template/types';
import { addTeam, addUser, at, openTestDatabase, templateContent } from './fixtures';

let t: Awaited<ReturnType<typeof openTestDatabase>>;
let templates: ReturnType<typeof createTemplateVersionStore>;
beforeEach(async () => {
  t = await openTestDatabase();
  await addUser(t.db, 'u');
  await addTeam(t.db, 'atelier');
  templates = createTemplateVersionStore(t.db);
});
afterEach(() => t.close());

const publish = (
  id: string,
  spec: {
    key?: string;
    major?: number;
    minor?: number;
    at?: number;
    example?: boolean;
    content?: Partial<TemplateContent>;
  },
  db: Executor = t.db,
) =>
  at(
    spec.at ?? 0,
    async () =>
      await createTemplateVersionStore(db).insert({
        id,
        templateKey: spec.key ?? id,
        teamId: 'atelier',
        draftDocId: null,
        major: spec.major ?? 1,
        minor: spec.minor ?? 0,
        content: templateContent(spec.content),
        changeNote: `Notitie ${id}`,
        example: spec.example ?? false,
        publishedBy: 'u',
      }),
  );

it('stores a version and reads it back with its content', async () => {
  const content = templateContent({
    title: 'Rekenen',
    kind: 'vakbekwaam-expert',
    sectors: ['vo', 'mbo'],
    nlqfLevel: null,
  });
  await publish('v', { major: 2, minor: 3, at: Date.UTC(2026, 0, 2), example: true, content });
  await publish('w', {});

  expect(await templates.get('v')).toEqual({
    id: 'v',
    templateKey: 'v',
    teamId: 'atelier',
    title: 'Rekenen',
    kind: 'vakbekwaam-expert',
    sectors: ['vo', 'mbo'],
    nlqfLevel: null,
    version: '2.3',
    changeNote: 'Notitie v',
    example: true,
    publishedAt: '2026-01-02T00:00:00.000Z',
    // Seeded examples always count as vastgesteld (migration 018).
    established: true,
    establishedAt: null,
    publishedBy: 'u',
    content,
  });
  expect(await templates.get('w')).toMatchObject({ example: false, nlqfLevel: 5, sectors: ['po'] });
  expect(await templates.get('missing')).toBeUndefined();
});

it('refuses a second version with the same number', async () => {
  await publish('v1', { key: 'pad' });
  await expect(publish('v2', { key: 'pad' })).rejects.toSatisfy(isUniqueViolation);
});

it('lists the versions of one ontwikkelpad, highest number first', async () => {
  await publish('1.0', { key: 'pad', major: 1, minor: 0 });
  await publish('2.0', { key: 'pad', major: 2, minor: 0 });
  await publish('1.10', { key: 'pad', major: 1, minor: 10 });
  await publish('1.2', { key: 'pad', major: 1, minor: 2 });
  await publish('ander', { key: 'ander' });
  expect((await templates.versionsOf('pad')).map((version) => version.version)).toEqual([
    '2.0',
    '1.10',
    '1.2',
    '1.0',
  ]);
  expect(await templates.versionsOf('missing')).toEqual([]);
});

describe('library search', () => {
  beforeEach(async () => {
    await publish('rekenen-1.0', {
      key: 'rekenen',
      at: 1_000,
      content: { title: 'Rekenen in de onderbouw' },
    });
    await publish('rekenen-1.1', {
      key: 'rekenen',
      minor: 1,
      at: 1_000,
      content: { title: 'Rekenen in de onderbouw' },
    });
    await publish('taal', {
      at: 2_000,
      content: {
        title: 'Taal 100% beter',
        kind: 'vakbekwaam-expert',
        sectors: ['vo', 'mbo'],
        description: 'Feedback geven aan collega’s',
      },
    });
    await publish('burgerschap', {
      at: 3_000,
      content: {
        title: 'Burgerschap',
        sectors: ['mbo'],
        themes: [{ id: 'thema', title: 'Digitale_geletterdheid', outcomes: [] }],
      },
    });
  });

  const all = ['burgerschap', 'taal', 'rekenen-1.1', 'rekenen-1.0'];
  it.each<[string, LibraryFilter, string[]]>([
    ['no filter: newest first, then highest number', {}, all],
    ['a blank text is no filter', { q: '   ' }, all],
    ['kind', { kind: 'vakbekwaam-expert' }, ['taal']],
    ['sector, as a whole item of the list', { sector: 'mbo' }, ['burgerschap', 'taal']],
    ['another sector', { sector: 'po' }, ['rekenen-1.1', 'rekenen-1.0']],
    ['never part of a sector', { sector: 'bo' as Sector }, []],
    ['title, ignoring case', { q: 'REKENEN' }, ['rekenen-1.1', 'rekenen-1.0']],
    ['a text value of the content, trimmed', { q: '  feedback GEVEN ' }, ['taal']],
    ['a nested text value', { q: 'geletterdheid' }, ['burgerschap']],
    ['never a JSON key', { q: 'description' }, []],
    ['% matched literally', { q: '%' }, ['taal']],
    ['_ matched literally', { q: 'e_g' }, ['burgerschap']],
    ['\\ matched literally', { q: '\\' }, []],
    ['all filters together', { kind: 'start-vakbekwaam', sector: 'mbo', q: 'burger' }, ['burgerschap']],
    ['filters that exclude each other', { kind: 'vakbekwaam-expert', q: 'burger' }, []],
  ])('%s', async (_name, filter, ids) => {
    expect((await templates.search(filter)).map((version) => version.id)).toEqual(ids);
  });

  it('gives summaries without content', async () => {
    const [first] = await templates.search({ q: 'burger' });
    expect(first).toEqual({
      id: 'burgerschap',
      templateKey: 'burgerschap',
      teamId: 'atelier',
      title: 'Burgerschap',
      kind: 'start-vakbekwaam',
      sectors: ['mbo'],
      nlqfLevel: 5,
      version: '1.0',
      changeNote: 'Notitie burgerschap',
      example: false,
      publishedAt: '1970-01-01T00:00:03.000Z',
      established: false,
      establishedAt: null,
      publishedBy: 'u',
    });
  });
});

it('returns at most 200 versions, the newest', async () => {
  await t.database.transaction(async (trx) => {
    for (let i = 0; i < 201; i++) await publish(`v${i}`, { key: 'pad', minor: i, at: i }, trx);
  });
  const found = await templates.search({});
  expect(found).toHaveLength(200);
  expect(found[0]!.id).toBe('v200');
  expect(found.at(-1)!.id).toBe('v1');
});
