/**
 * Which team documents the search indexer picks up (createSearchStore().staleDocuments): one never
 * indexed at once; one indexed before only once it has been quiet, or once its entry is too far
 * behind while editing goes on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Executor } from '../../../server/db/database';
import { createSearchStore } from '../../../server/search/searchStore';
import { addDocument, addTeam, openTestDatabase } from './fixtures';

let db: Executor;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
  await addTeam(db, 'team');
  await addDocument(db, 'doc', 'team', 'leerarrangement');
});

afterEach(async () => {
  await close();
});

/** The document row as the rooms' refresh leaves it: changed at `updatedAt`. */
const changedAt = (updatedAt: number) =>
  db.updateTable('documents').set({ updated_at: updatedAt }).where('id', '=', 'doc').execute();

const indexedFrom = (sourceAt: number) =>
  createSearchStore(db).put({
    entryKey: 'doc:doc',
    kind: 'leerarrangement',
    refId: 'doc',
    docId: 'doc',
    visibility: 'team',
    teamId: 'team',
    title: 'Titel',
    body: 'tekst',
    sourceAt,
  });

/** Ids the indexer would take now (t = 100 s), with 3 s of quiet and 30 s of lag allowed. */
const stale = async () =>
  (await createSearchStore(db).staleDocuments(50, { quietBefore: 97_000, busyBefore: 70_000 })).map(
    (row) => row.id,
  );

describe('search index pace', () => {
  it('takes a document that was never indexed at once, even while it is being edited', async () => {
    await changedAt(99_500);
    expect(await stale()).toEqual(['doc']);
  });

  it('leaves a document being edited alone until it is quiet or its entry is 30 s behind', async () => {
    await indexedFrom(90_000);
    await changedAt(99_000);
    expect(await stale()).toEqual([]);
    await changedAt(96_000);
    expect(await stale()).toEqual(['doc']);
    await indexedFrom(70_000);
    await changedAt(99_000);
    expect(await stale()).toEqual(['doc']);
  });

  it('never takes a document whose entry is up to date', async () => {
    await changedAt(50_000);
    await indexedFrom(50_000);
    expect(await stale()).toEqual([]);
  });
});
