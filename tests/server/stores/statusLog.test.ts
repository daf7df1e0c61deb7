import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Executor } from '../../../server/db/database';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import {
  createPublicationReader,
  createTransitionLog,
  type StatusMove,
} from '../../../server/stores/statusLog';
import { addDesign, addTraject, addWorkspace, openTestDatabase } from './fixtures';

/** The design and the traject variant of the shared log and catalog reader, with their own rows. */
const variants = [
  {
    name: 'design',
    log: { table: 'design_transitions', key: 'doc_id' },
    reader: { table: 'design_publications', key: 'doc_id', owner: 'designs', ownerKey: 'doc_id' },
    add: (db: Executor, id: string) => addDesign(db, id, 'team', 'tv'),
    setStatus: (db: Executor, id: string, status: DesignStatus) =>
      db.updateTable('designs').set({ status }).where('doc_id', '=', id).execute(),
    publish: (db: Executor, id: string, approvedAt: number) =>
      db
        .insertInto('design_publications')
        .values({
          doc_id: id,
          projection: JSON.stringify({ title: id }),
          state: new Uint8Array([1]),
          approved_by: 'u',
          approved_at: approvedAt,
        })
        .execute(),
  },
  {
    name: 'traject',
    log: { table: 'traject_transitions', key: 'traject_id' },
    reader: { table: 'traject_publications', key: 'traject_id', owner: 'trajects', ownerKey: 'id' },
    add: (db: Executor, id: string) => addTraject(db, id, 'team', 'tv'),
    setStatus: (db: Executor, id: string, status: DesignStatus) =>
      db.updateTable('trajects').set({ status }).where('id', '=', id).execute(),
    publish: (db: Executor, id: string, approvedAt: number) =>
      db
        .insertInto('traject_publications')
        .values({
          traject_id: id,
          projection: JSON.stringify({ title: id }),
          approved_by: 'u',
          approved_at: approvedAt,
        })
        .execute(),
  },
] as const;

let t: Awaited<ReturnType<typeof openTestDatabase>>;
beforeEach(async () => {
  t = await openTestDatabase();
  await addWorkspace(t.db);
});
afterEach(() => t.close());

describe.each(variants)('$name transition log', ({ log, add }) => {
  const move = (over: Partial<StatusMove>): StatusMove => ({
    from: 'globaal-ontwerp',
    to: 'prototype',
    outcome: null,
    note: null,
    actorId: 'u',
    ...over,
  });

  it('lists the moves of one subject, newest first, with numeric ids and ISO times', async () => {
    for (const id of ['a', 'b']) await add(t.db, id);
    const transitions = createTransitionLog(t.db, log);
    expect(await transitions.history('a')).toEqual([]);

    await transitions.record('a', move({}), Date.UTC(2026, 0, 1));
    await transitions.record('b', move({ note: 'ander' }), Date.UTC(2026, 0, 2));
    await transitions.record(
      'a',
      move({ from: 'interne-toetsing', to: 'interne-toetsing', outcome: 'past-niet', note: 'nog niet' }),
      // The same millisecond as the first: the id orders them.
      Date.UTC(2026, 0, 1),
    );

    const history = await transitions.history('a');
    expect(history).toEqual([
      {
        id: expect.any(Number),
        from: 'interne-toetsing',
        to: 'interne-toetsing',
        outcome: 'past-niet',
        note: 'nog niet',
        actorId: 'u',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      {
        id: expect.any(Number),
        from: 'globaal-ontwerp',
        to: 'prototype',
        outcome: null,
        note: null,
        actorId: 'u',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(history[0]!.id).toBeGreaterThan(history[1]!.id);
    expect((await transitions.history('b')).map((row) => row.note)).toEqual(['ander']);
  });
});

describe.each(variants)('$name publication reader', ({ reader, add, setStatus, publish }) => {
  it('shows only subjects still goedgekeurd, newest approval first', async () => {
    for (const [id, approvedAt, status] of [
      ['old', 1_000, 'goedgekeurd'],
      ['new', 3_000, 'goedgekeurd'],
      ['withdrawn', 2_000, 'afgekeurd'],
    ] as const) {
      await add(t.db, id);
      await publish(t.db, id, approvedAt);
      await setStatus(t.db, id, status);
    }
    await add(t.db, 'unpublished');
    await setStatus(t.db, 'unpublished', 'goedgekeurd');
    const published = createPublicationReader<{ title: string }>(t.db, reader);

    expect(await published.get('old')).toEqual({
      subjectId: 'old',
      projection: { title: 'old' },
      approvedAt: '1970-01-01T00:00:01.000Z',
    });
    for (const hidden of ['withdrawn', 'unpublished', 'missing'])
      expect(await published.get(hidden)).toBeUndefined();
    expect((await published.all()).map((record) => record.subjectId)).toEqual(['new', 'old']);
  });
});
