import { afterEach, beforeEach, expect, it } from 'vitest';
import { createVersionStore } from '../../../server/stores/versions';
import { addDocument, addUser, addWorkspace, at, openTestDatabase } from './fixtures';

let t: Awaited<ReturnType<typeof openTestDatabase>>;
let versions: ReturnType<typeof createVersionStore>;
beforeEach(async () => {
  t = await openTestDatabase();
  await addWorkspace(t.db);
  await addDocument(t.db, 'doc', 'team');
  await addDocument(t.db, 'other', 'team');
  versions = createVersionStore(t.db);
});
afterEach(() => t.close());

const save = (id: string, now: number, over: Partial<Parameters<typeof versions.insert>[0]> = {}) =>
  at(
    now,
    async () =>
      await versions.insert({
        id,
        docId: 'doc',
        label: `Versie ${id}`,
        note: null,
        authorId: 'u',
        status: null,
        state: new Uint8Array([0, 0]),
        json: { id },
        ...over,
      }),
  );

it('lists a document’s versions newest first, the later insert first within one millisecond', async () => {
  expect(await versions.list('doc')).toEqual([]);
  expect(await versions.listJson('doc')).toBe('[]');
  await addUser(t.db, 'anna', 'Anna “de” Vries');

  await save('old', 0, {
    authorId: null,
    note: 'regel 1\nregel 2\t"tab" \\ 😀',
    label: '</script><b>één</b>',
  });
  await save('tie-a', Date.UTC(2026, 10, 22, 9, 5, 7, 9), { status: 'concept', authorId: 'anna' });
  await save('tie-b', Date.UTC(2026, 10, 22, 9, 5, 7, 9), { status: 'in_review', note: '' });
  await save('newest', Date.UTC(9999, 11, 31, 23, 59, 59, 999));
  await save('elsewhere', 1, { docId: 'other' });

  const list = await versions.list('doc');
  expect(list.map((version) => version.id)).toEqual(['newest', 'tie-b', 'tie-a', 'old']);
  expect(list[1]).toEqual({
    id: 'tie-b',
    docId: 'doc',
    label: 'Versie tie-b',
    note: '',
    authorId: 'u',
    authorName: 'Gebruiker u',
    status: 'in_review',
    createdAt: '2026-11-22T09:05:07.009Z',
    auto: false,
    authors: [],
  });
  expect(list[2]).toMatchObject({ authorName: 'Anna “de” Vries', status: 'concept' });
  expect(list[3]).toMatchObject({ authorId: null, authorName: null, createdAt: '1970-01-01T00:00:00.000Z' });
  expect(list[0]!.createdAt).toBe('9999-12-31T23:59:59.999Z');

  // What GET …/versions sends: exactly the typed list, serialised, keys in this order.
  const text = await versions.listJson('doc');
  expect(text).toBe(JSON.stringify(list));
  expect(Object.keys(JSON.parse(text)[0])).toEqual([
    'id',
    'docId',
    'label',
    'note',
    'authorId',
    'authorName',
    'status',
    'createdAt',
    'auto',
    'authors',
  ]);
});

it('reads one version with its projection and its state, only through its own document', async () => {
  // A view into a larger buffer: only its own bytes are stored.
  const state = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
  await save('v', 1_000, { state, json: { blocks: [{ text: 'Hallo' }] }, status: 'prototype' });

  expect(await versions.get('doc', 'v')).toEqual({
    id: 'v',
    docId: 'doc',
    label: 'Versie v',
    note: null,
    authorId: 'u',
    authorName: 'Gebruiker u',
    status: 'prototype',
    createdAt: '1970-01-01T00:00:01.000Z',
    auto: false,
    authors: [],
    json: { blocks: [{ text: 'Hallo' }] },
  });
  const stored = await versions.state('doc', 'v');
  expect(stored).toBeInstanceOf(Uint8Array);
  expect([...stored!]).toEqual([1, 2, 3]);

  expect(await versions.get('other', 'v')).toBeUndefined();
  expect(await versions.state('other', 'v')).toBeUndefined();
  expect(await versions.get('doc', 'missing')).toBeUndefined();
});
