import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDesignStore, type TrajectItem } from '../../../server/stores/designs';
import {
  addDesign,
  addDocument,
  addTeam,
  addTemplateVersion,
  addWorkspace,
  at,
  openTestDatabase,
} from './fixtures';

let t: Awaited<ReturnType<typeof openTestDatabase>>;
let designs: ReturnType<typeof createDesignStore>;
beforeEach(async () => {
  t = await openTestDatabase();
  await addWorkspace(t.db);
  designs = createDesignStore(t.db);
});
afterEach(() => t.close());

const traject = (id: string, teamId = 'team') => ({
  id,
  teamId,
  templateVersionId: 'tv',
  title: `Traject ${id}`,
  createdBy: 'u',
});
const item = (designId: string, position: number, over: Partial<TrajectItem> = {}): TrajectItem => ({
  designId,
  position,
  alternativeGroup: null,
  publicationId: null,
  ...over,
});

it('pins a design to a template version and repins it', async () => {
  await addTemplateVersion(t.db, 'tv2', 'team');
  await addDocument(t.db, 'd', 'team', 'leerarrangement');
  await designs.insertDesign('d', 'tv');
  expect(await designs.getDesign('d')).toEqual({ docId: 'd', templateVersionId: 'tv' });
  expect(await designs.repin('d', 'tv2', 'tv')).toBe(true);
  expect(await designs.getDesign('d')).toEqual({ docId: 'd', templateVersionId: 'tv2' });
  expect(await designs.getDesign('missing')).toBeUndefined();
});

it('reads trajects by id and per team, last changed first', async () => {
  await addTeam(t.db, 'other');
  await at(Date.UTC(2026, 2, 1), async () => await designs.insertTraject(traject('first')));
  await at(Date.UTC(2026, 2, 2), async () => await designs.insertTraject(traject('second')));
  await at(Date.UTC(2026, 2, 3), async () => await designs.insertTraject(traject('elsewhere', 'other')));

  expect(await designs.getTraject('first')).toEqual({
    id: 'first',
    teamId: 'team',
    templateVersionId: 'tv',
    title: 'Traject first',
    status: 'globaal-ontwerp',
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
  expect(await designs.getTraject('missing')).toBeUndefined();
  expect((await designs.trajectsOfTeam('team')).map((row) => row.id)).toEqual(['second', 'first']);

  // Changing the items touches the traject: it moves to the top.
  await at(Date.UTC(2026, 2, 4), async () => await designs.setItems('first', []));
  expect((await designs.trajectsOfTeam('team')).map((row) => [row.id, row.updatedAt])).toEqual([
    ['first', '2026-03-04T00:00:00.000Z'],
    ['second', '2026-03-02T00:00:00.000Z'],
  ]);
  expect(await designs.trajectsOfTeam('nobody')).toEqual([]);
});

it('replaces the items of a traject, ordered by position then design', async () => {
  await designs.insertTraject(traject('tr'));
  for (const id of ['a', 'b', 'c', 'old']) await addDesign(t.db, id, 'team', 'tv');
  // Another team's design comes in through its publication (same id).
  await t.db
    .insertInto('design_publications')
    .values({ doc_id: 'c', projection: '{}', state: new Uint8Array([1]), approved_by: 'u', approved_at: 0 })
    .execute();
  expect(await designs.items('tr')).toEqual([]);

  await designs.setItems('tr', [item('old', 1)]);
  await t.database.transaction(
    async (trx) =>
      await createDesignStore(trx).setItems('tr', [
        item('b', 1, { alternativeGroup: 'keuze' }),
        item('c', 0, { publicationId: 'c' }),
        item('a', 1, { alternativeGroup: 'keuze' }),
      ]),
  );
  expect(await designs.items('tr')).toEqual([
    item('c', 0, { publicationId: 'c' }),
    item('a', 1, { alternativeGroup: 'keuze' }),
    item('b', 1, { alternativeGroup: 'keuze' }),
  ]);

  // A failing replacement inside the caller's transaction leaves the items as they were.
  await expect(
    t.database.transaction(
      async (trx) => await createDesignStore(trx).setItems('tr', [item('a', 1), item('a', 2)]),
    ),
  ).rejects.toThrow();
  expect((await designs.items('tr')).map((row) => row.designId)).toEqual(['c', 'a', 'b']);

  await designs.setItems('tr', []);
  expect(await designs.items('tr')).toEqual([]);
});
