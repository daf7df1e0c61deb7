import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, USERS, type RoundsTestDatabase } from './fixtures';

const NOW = 1_700_000_000_000;
let t: RoundsTestDatabase;
const post = async (
  id: string,
  fields: { threadId?: string; docId?: string; roundId?: string | null } = {},
) =>
  await t.store.insertComment({
    id,
    threadId: fields.threadId ?? id,
    docId: fields.docId ?? 'd1',
    roundId: fields.roundId ?? null,
    authorId: USERS.bob,
    body: `Tekst ${id}`,
    anchor: null,
  });
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  t = await openTestDatabase();
  await t.addRound('r1');
});
afterEach(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('comments', () => {
  it('stores a message with its anchor as JSON and reads it back with the author’s name', async () => {
    await t.store.insertComment({
      ...{ id: 'c1', threadId: 'c1', docId: 'd1', roundId: 'r1', authorId: USERS.bob, body: 'Hoi' },
      ...{ anchor: { from: 1, to: 2 }, createdAt: NOW - 5, carriedFromRound: 'r0', carriedFromThread: 't0' },
    });
    await t.store.insertComment({
      ...{ id: 'c2', threadId: 'c1', docId: 'd1', roundId: 'r1', authorId: USERS.ann, body: 'Ja' },
      ...{ anchor: undefined },
    });
    expect(await t.store.comment('c1')).toEqual({
      ...{
        id: 'c1',
        thread_id: 'c1',
        doc_id: 'd1',
        round_id: 'r1',
        author_id: USERS.bob,
        author_name: 'Bob',
      },
      ...{ body: 'Hoi', anchor: '{"from":1,"to":2}', created_at: NOW - 5, edited_at: null, deleted_at: null },
      ...{ resolved_at: null, resolved_by: null, resolved_by_name: null },
      ...{ carried_from_round: 'r0', carried_from_thread: 't0' },
    });
    expect(await t.store.comment('c2')).toMatchObject({
      ...{
        author_name: 'Ann',
        anchor: null,
        created_at: NOW,
        carried_from_round: null,
        carried_from_thread: null,
      },
    });
    expect(await t.store.comment('nope')).toBeUndefined();
  });

  it('lists live, round and thread messages oldest first, one moment in insertion order', async () => {
    for (const id of ['m-b', 'm-c', 'm-a']) await post(id);
    vi.setSystemTime(NOW - 1);
    await post('m-early');
    await post('reply-b', { threadId: 'm-b' });
    vi.setSystemTime(NOW);
    await post('in-round-b', { roundId: 'r1' });
    await post('in-round-a', { roundId: 'r1' });
    await post('other-doc', { docId: 'd2' });
    expect(ids(await t.store.liveComments('d1'))).toEqual(['m-early', 'reply-b', 'm-b', 'm-c', 'm-a']);
    expect(ids(await t.store.roundComments('r1'))).toEqual(['in-round-b', 'in-round-a']);
    expect(ids(await t.store.threadMessages('m-b'))).toEqual(['reply-b', 'm-b']);
  });

  it('edits and deletes a live message only', async () => {
    await post('c1');
    vi.setSystemTime(NOW + 1);
    expect(await t.store.editComment('c1', 'Beter')).toBe(true);
    expect(await t.store.comment('c1')).toMatchObject({
      body: 'Beter',
      edited_at: NOW + 1,
      deleted_at: null,
    });
    vi.setSystemTime(NOW + 2);
    expect(await t.store.deleteComment('c1')).toBe(true);
    expect(await t.store.comment('c1')).toMatchObject({ body: '', deleted_at: NOW + 2 });
    expect(await t.store.deleteComment('c1')).toBe(false);
    expect(await t.store.editComment('c1', 'Terug')).toBe(false);
    expect(await t.store.editComment('nope', 'x')).toBe(false);
  });

  it('resolves and reopens a thread root, never a reply', async () => {
    await post('root');
    await post('reply', { threadId: 'root' });
    expect(await t.store.setResolved('reply', USERS.ann)).toBe(false);
    expect(await t.store.setResolved('root', USERS.ann)).toBe(true);
    expect(await t.store.comment('root')).toMatchObject({
      ...{ resolved_at: NOW, resolved_by: USERS.ann, resolved_by_name: 'Ann' },
    });
    expect(await t.store.setResolved('root', null)).toBe(true);
    expect(await t.store.comment('root')).toMatchObject({
      resolved_at: null,
      resolved_by: null,
      resolved_by_name: null,
    });
  });
});
