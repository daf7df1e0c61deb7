import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTeamStore, type TeamStore } from '../../../server/stores/teams';
import { createUserStore } from '../../../server/stores/users';
import { openTestDatabase } from './fixtures';

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let teams: TeamStore;

beforeEach(async () => {
  opened = await openTestDatabase();
  teams = createTeamStore(opened.database.db);
});

afterEach(async () => {
  vi.useRealTimers();
  await opened.close();
});

async function addUser(id: string, name = id): Promise<string> {
  await createUserStore(opened.database.db).insert({
    id,
    email: `${id}@example.org`,
    name,
    passwordHash: 'x',
  });
  return id;
}

const addTeam = async (id: string, name = id, lab?: string) =>
  await teams.insert({ id, name, kind: 'atelier', lab });

describe('team rows', () => {
  it('stores empty lab and consortium as null and presents the creation time as ISO', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_700_000_000_000);
    await teams.insert({ id: 't1', name: 'Atelier', kind: 'cocreatieteam', lab: '', consortium: 'C' });
    expect(await teams.get('t1')).toEqual({
      id: 't1',
      name: 'Atelier',
      kind: 'cocreatieteam',
      lab: null,
      consortium: 'C',
      createdAt: '2023-11-14T22:13:20.000Z',
    });
    expect(await teams.get('missing')).toBeUndefined();
  });

  it.each([
    { fields: {}, name: 'A', lab: 'L', consortium: 'C' },
    { fields: { name: 'B', lab: undefined }, name: 'B', lab: 'L', consortium: 'C' },
    { fields: { name: '' }, name: '', lab: 'L', consortium: 'C' },
    { fields: { lab: '' }, name: 'A', lab: null, consortium: 'C' },
    { fields: { lab: 'M', consortium: '' }, name: 'A', lab: 'M', consortium: null },
  ])('update($fields) changes only the given fields; empty clears lab/consortium', async (row) => {
    await teams.insert({ id: 't', name: 'A', kind: 'atelier', lab: 'L', consortium: 'C' });
    await addTeam('other', 'Other', 'L');
    await teams.update('t', row.fields);
    expect(await teams.get('t')).toMatchObject({ name: row.name, lab: row.lab, consortium: row.consortium });
    expect(await teams.get('other')).toMatchObject({ name: 'Other', lab: 'L' });
  });

  it('works inside a transaction', async () => {
    await opened.database.transaction(
      async (trx) => await createTeamStore(trx).insert({ id: 't', name: 'T', kind: 'atelier' }),
    );
    expect((await teams.get('t'))?.name).toBe('T');
  });

  it('deletes a team with its memberships', async () => {
    await addTeam('t');
    await teams.setMember('t', await addUser('u'), 'owner');
    await teams.delete('t');
    expect(await teams.get('t')).toBeUndefined();
    expect(await teams.memberCount('t')).toBe(0);
    expect(await teams.forUser('u')).toEqual([]);
  });
});

describe('memberships', () => {
  it('lists a user’s teams by name ignoring case, with the role', async () => {
    const user = await addUser('u');
    for (const name of ['beta', 'Alpha', 'alpha', 'Gamma']) await addTeam(name);
    await addTeam('not-mine');
    await teams.setMember('beta', user, 'viewer');
    await teams.setMember('Alpha', user, 'owner');
    await teams.setMember('alpha', user, 'editor');
    await teams.setMember('Gamma', user, 'commenter');
    const listed = await teams.forUser(user);
    expect(listed.map((team) => [team.name, team.role])).toEqual([
      ['Alpha', 'owner'],
      ['alpha', 'editor'],
      ['beta', 'viewer'],
      ['Gamma', 'commenter'],
    ]);
    expect(listed[0]).toMatchObject({ id: 'Alpha', kind: 'atelier', lab: null });
  });

  it('adds, changes (keeping the join date) and removes members', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await addTeam('t');
    const user = await addUser('u');
    expect(await teams.role('t', user)).toBeUndefined();
    vi.setSystemTime(1_000);
    await teams.setMember('t', user, 'editor');
    vi.setSystemTime(2_000);
    await teams.setMember('t', user, 'owner');
    expect(await teams.role('t', user)).toBe('owner');
    expect((await teams.members('t'))[0]?.since).toBe('1970-01-01T00:00:01.000Z');
    await teams.removeMember('t', user);
    expect(await teams.role('t', user)).toBeUndefined();
  });

  it('lists members by name ignoring case', async () => {
    await addTeam('t');
    await addTeam('other');
    await teams.setMember('t', await addUser('b', 'bob'), 'editor');
    await teams.setMember('t', await addUser('a', 'Alice'), 'owner');
    await teams.setMember('t', await addUser('c', 'Carol'), 'viewer');
    await teams.setMember('other', await addUser('d', 'Dave'), 'owner');
    expect(await teams.members('t')).toEqual([
      { userId: 'a', name: 'Alice', email: 'a@example.org', role: 'owner', since: expect.any(String) },
      { userId: 'b', name: 'bob', email: 'b@example.org', role: 'editor', since: expect.any(String) },
      { userId: 'c', name: 'Carol', email: 'c@example.org', role: 'viewer', since: expect.any(String) },
    ]);
  });

  it('counts owners and members as numbers', async () => {
    await addTeam('t');
    expect(await teams.ownerCount('t')).toBe(0);
    expect(await teams.memberCount('t')).toBe(0);
    await teams.setMember('t', await addUser('a'), 'owner');
    await teams.setMember('t', await addUser('b'), 'owner');
    await teams.setMember('t', await addUser('c'), 'editor');
    expect(await teams.ownerCount('t')).toBe(2);
    expect(await teams.memberCount('t')).toBe(3);
  });
});

describe('directory', () => {
  beforeEach(async () => {
    await addTeam('1', 'Zuid Atelier', 'FabLab Noord');
    await addTeam('2', 'atelier west');
    await addTeam('3', '100% team_a');
    await addTeam('4', '100 teamXa', 'Back\\slash');
  });

  it.each([
    { query: '  ATELIER ', ids: ['1', '2'] },
    { query: 'noord', ids: ['1'] },
    { query: '100%', ids: ['3'] },
    { query: 'team_', ids: ['3'] },
    { query: 'k\\s', ids: ['4'] },
    { query: 'nothing', ids: [] },
    { query: '', ids: ['4', '3', '1', '2'] },
  ])('finds “$query” in names and labs, ignoring case, literally, by name', async ({ query, ids }) => {
    const found = await teams.directory(query);
    expect(found.map((team) => team.id)).toEqual(ids);
  });

  it('presents id, name, kind and lab, at most 50', async () => {
    expect((await teams.directory('noord'))[0]).toEqual({
      id: '1',
      name: 'Zuid Atelier',
      kind: 'atelier',
      labName: 'FabLab Noord',
    });
    for (let i = 0; i < 55; i++) await addTeam(`many-${i}`, `Veel ${String(i).padStart(2, '0')}`);
    const found = await teams.directory('veel');
    expect(found).toHaveLength(50);
    expect(found[0]?.name).toBe('Veel 00');
  });
});
