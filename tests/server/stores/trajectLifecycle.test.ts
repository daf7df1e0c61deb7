import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  createTrajectLifecycleStore,
  type TrajectPublishedProjection,
  type TrajectSnapshot,
} from '../../../server/stores/trajectLifecycle';
import { addTraject, addWorkspace, at, openTestDatabase } from './fixtures';

let t: Awaited<ReturnType<typeof openTestDatabase>>;
let store: ReturnType<typeof createTrajectLifecycleStore>;
beforeEach(async () => {
  t = await openTestDatabase();
  await addWorkspace(t.db);
  await addTraject(t.db, 'tr', 'team', 'tv');
  store = createTrajectLifecycleStore(t.db);
});
afterEach(() => t.close());

const snapshot = (title: string, status: TrajectSnapshot['status'] = 'globaal-ontwerp'): TrajectSnapshot => ({
  schema: 'werkplaats.traject/1',
  title,
  status,
  template: { id: 'tv', templateKey: 'tv', title: 'Ontwikkelpad', version: '1.0' },
  items: [],
  coverage: [],
  totals: { ects: 0, hours: 0 },
});

const updatedAt = async () =>
  (await t.db.selectFrom('trajects').select('updated_at').where('id', '=', 'tr').executeTakeFirstOrThrow())
    .updated_at;

it('moves the status, touches the traject and logs the move', async () => {
  expect(await store.status('tr')).toBe('globaal-ontwerp');
  expect(await store.status('missing')).toBeUndefined();

  await t.database.transaction(
    async (trx) =>
      await createTrajectLifecycleStore(trx).recordTransition(
        'tr',
        { from: 'globaal-ontwerp', to: 'prototype', outcome: null, note: null, actorId: 'u' },
        12_345,
      ),
  );
  expect(await store.status('tr')).toBe('prototype');
  expect(await updatedAt()).toBe(12_345);
  expect(await store.history('tr')).toEqual([
    {
      id: expect.any(Number),
      from: 'globaal-ontwerp',
      to: 'prototype',
      outcome: null,
      note: null,
      actorId: 'u',
      createdAt: '1970-01-01T00:00:12.345Z',
    },
  ]);
});

it('lists versions newest first, the later insert first within one millisecond', async () => {
  expect(await store.versions('tr')).toEqual([]);
  const versionOf = async (label: string, now: number) =>
    await store.insertVersion(
      'tr',
      { label, note: label === 'b' ? null : `notitie ${label}`, authorId: 'u', snapshot: snapshot(label) },
      now,
    );
  const a = await versionOf('a', 1_000);
  const c = await versionOf('c', 2_000);
  const b = await versionOf('b', 1_000);
  expect(a).toMatch(/^[0-9a-f-]{36}$/);

  const versions = await store.versions('tr');
  expect(versions.map((version) => version.id)).toEqual([c, b, a]);
  expect(versions[1]).toEqual({
    id: b,
    trajectId: 'tr',
    label: 'b',
    note: null,
    authorId: 'u',
    createdAt: '1970-01-01T00:00:01.000Z',
    status: 'globaal-ontwerp',
    snapshot: snapshot('b'),
  });
});

it('shows a publication only while the traject is goedgekeurd', async () => {
  await addTraject(t.db, 'tr2', 'team', 'tv');
  const projection = (title: string): TrajectPublishedProjection => ({
    ...snapshot(title, 'goedgekeurd'),
    teamId: 'team',
    teamName: 'Team team',
  });
  await at(5_000, async () => await store.publish('tr', projection('Eerste'), 'u'));
  await at(6_000, async () => await store.publish('tr2', projection('Tweede'), 'u'));
  expect(await store.publication('tr')).toBeUndefined();
  expect(await store.publications()).toEqual([]);

  for (const id of ['tr', 'tr2']) {
    await store.recordTransition(id, {
      from: 'globaal-ontwerp',
      to: 'goedgekeurd',
      outcome: null,
      note: null,
      actorId: 'u',
    });
  }
  expect(await store.publication('tr')).toEqual({
    trajectId: 'tr',
    projection: projection('Eerste'),
    approvedAt: '1970-01-01T00:00:05.000Z',
  });
  expect((await store.publications()).map((publication) => publication.trajectId)).toEqual(['tr2', 'tr']);
});
