import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentStore, type DocumentStore } from '../../../server/stores/documents';
import { createTeamStore } from '../../../server/stores/teams';
import { createUserStore } from '../../../server/stores/users';
import { openTestDatabase } from './fixtures';

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let documents: DocumentStore;

beforeEach(async () => {
  opened = await openTestDatabase();
  const db = opened.database.db;
  documents = createDocumentStore(db);
  await createUserStore(db).insert({ id: 'u', email: 'u@example.org', name: 'U', passwordHash: 'x' });
  const teams = createTeamStore(db);
  for (const id of ['a', 'b', 'c']) await teams.insert({ id, name: id, kind: 'atelier' });
  await teams.setMember('a', 'u', 'owner');
  await teams.setMember('b', 'u', 'viewer');
});

afterEach(async () => {
  vi.useRealTimers();
  await opened.close();
});

const addDocument = async (id: string, teamId: string, now: number) =>
  await documents.insert({ id, teamId, createdBy: 'u', title: `Titel ${id}` }, now);

async function storedState(docId: string) {
  return opened.database.db
    .selectFrom('doc_state')
    .selectAll()
    .where('doc_id', '=', docId)
    .executeTakeFirst();
}

describe('document store', () => {
  it('inserts a document (kind "document" unless given) and presents it', async () => {
    await addDocument('d', 'a', 1_000);
    await documents.insert(
      { id: 'op', teamId: 'a', createdBy: 'u', title: 'OP', kind: 'ontwikkelpad' },
      2_000,
    );
    expect(await documents.get('d')).toEqual({
      id: 'd',
      teamId: 'a',
      kind: 'document',
      title: 'Titel d',
      createdAt: '1970-01-01T00:00:01.000Z',
      updatedAt: '1970-01-01T00:00:01.000Z',
    });
    expect((await documents.get('op'))?.kind).toBe('ontwikkelpad');
    expect(await documents.get('missing')).toBeUndefined();
    expect(await documents.exists('d')).toBe(true);
    expect(await documents.exists('missing')).toBe(false);
  });

  it('lists the documents of the user’s teams and of one team, latest change first, then by id', async () => {
    await addDocument('a1', 'a', 1_000);
    await addDocument('a3', 'a', 3_000);
    await addDocument('a2', 'a', 3_000);
    await addDocument('b1', 'b', 2_000);
    await addDocument('c1', 'c', 9_000);
    expect((await documents.listForUser('u')).map((d) => d.id)).toEqual(['a2', 'a3', 'b1', 'a1']);
    expect((await documents.listForTeam('a')).map((d) => d.id)).toEqual(['a2', 'a3', 'a1']);
    expect(await documents.listForUser('nobody')).toEqual([]);
  });

  it('lists at most 500 documents', async () => {
    await opened.database.transaction(async (trx) => {
      const inTransaction = createDocumentStore(trx);
      for (let i = 0; i < 501; i++) {
        await inTransaction.insert(
          { id: `d${String(i).padStart(3, '0')}`, teamId: 'a', createdBy: 'u', title: 'T' },
          i,
        );
      }
    });
    const forTeam = await documents.listForTeam('a');
    expect(forTeam).toHaveLength(500);
    expect([forTeam[0]?.id, forTeam.at(-1)?.id]).toEqual(['d500', 'd001']);
    expect(await documents.listForUser('u')).toEqual(forTeam);
  });

  it('touches and renames, moving the document to the top', async () => {
    await addDocument('old', 'a', 1_000);
    await addDocument('new', 'a', 2_000);
    await documents.touch('old', 3_000);
    expect((await documents.listForTeam('a')).map((d) => d.id)).toEqual(['old', 'new']);
    await documents.rename('new', 'Nieuwe titel', 4_000);
    expect(await documents.get('new')).toMatchObject({
      title: 'Nieuwe titel',
      createdAt: '1970-01-01T00:00:02.000Z',
      updatedAt: '1970-01-01T00:00:04.000Z',
    });
    expect((await documents.get('old'))?.updatedAt).toBe('1970-01-01T00:00:03.000Z');
  });

  it('writes the initial state as bytes, replacing an earlier one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await addDocument('d', 'a', 1_000);
    vi.setSystemTime(5_000);
    await documents.writeInitialState('d', new Uint8Array([1, 2, 3]), new Uint8Array([4]));
    vi.setSystemTime(6_000);
    await opened.database.transaction(
      async (trx) =>
        await createDocumentStore(trx).writeInitialState(
          'd',
          new Uint8Array([7, 8]),
          new Uint8Array([9, 10]),
        ),
    );
    const row = await storedState('d');
    expect(row?.state).toBeInstanceOf(Uint8Array);
    expect([...row!.state]).toEqual([7, 8]);
    expect([...row!.state_vector]).toEqual([9, 10]);
    expect(row?.updated_at).toBe(6_000);
  });

  it('refuses an initial state for a document that does not exist', async () => {
    await expect(
      documents.writeInitialState('missing', new Uint8Array([1]), new Uint8Array([1])),
    ).rejects.toThrow(/foreign key/i);
    expect(await storedState('missing')).toBeUndefined();
  });
});
