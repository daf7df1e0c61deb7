import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestOwner, type TestServer } from '../../support/server';

/**
 * GET …/versions sends a JSON array that SQLite builds (no row objects in JS). It must be exactly
 * what the typed store list gives, serialized: same keys, values, order and date format.
 */

let server: TestServer;
let owner: TestOwner;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
});

afterAll(async () => {
  await server.close();
});

describe('GET /api/documents/:id/versions (JSON built by SQLite)', () => {
  it('is byte-identical to JSON.stringify of the store list: odd labels, notes, ties, deleted authors', async () => {
    const docId = await server.createDocument({ title: 'Lijst' });
    const leaving = await server.signUp('Vertrekkende Auteur');
    await server.addMember(owner, owner.teamId, leaving, 'editor');
    const save = async (cookie: string, body: { label: string; note?: string }) => {
      // A change first: a version of an unchanged state is not stored again.
      const change = new Y.Doc();
      change.getMap('probe').set('label', body.label);
      await server.running.deps.rooms.applyServerUpdate(docId, Y.encodeStateAsUpdate(change));
      const response = await server.request('POST', `/api/documents/${docId}/versions`, { cookie, body });
      expect(response.status).toBe(201);
    };
    await save(owner.cookie, { label: 'Eerste “versie” — één' });
    await save(leaving.cookie, { label: 'Van iemand die vertrekt', note: 'regel 1\nregel 2\t"tab" \\ 😀' });
    await save(owner.cookie, { label: '</script><b>geen html</b>', note: '' });

    // Versions in the same millisecond (a status change saves one): the later insert comes first.
    const { versions } = server.running.deps.stores;
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 22, 9, 5, 7, 9));
    try {
      for (const [id, status] of [
        ['tie-a', 'concept'],
        ['tie-b', 'in_review'],
        ['tie-c', null],
      ] as const) {
        await versions.insert({
          id,
          docId,
          label: `Gelijk ${id}`,
          note: null,
          authorId: owner.id,
          status,
          state: new Uint8Array([0, 0]),
          json: {},
        });
      }
    } finally {
      now.mockRestore();
    }

    const deleted = await server.request('DELETE', '/api/me', {
      cookie: leaving.cookie,
      body: { password: leaving.password },
    });
    expect(deleted.status).toBeLessThan(300);

    const response = await server.request('GET', `/api/documents/${docId}/versions`, {
      cookie: owner.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    const reference = await versions.list(docId);
    expect(text).toBe(JSON.stringify(reference));

    const list = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(6);
    // The tied versions are older than the ones saved through the API (their clock is in the past).
    expect(list.slice(3).map((version) => version.id)).toEqual(['tie-c', 'tie-b', 'tie-a']);
    expect(list[3]).toMatchObject({ createdAt: '2026-11-22T09:05:07.009Z', status: null });
    expect(list[4]).toMatchObject({ status: 'in_review', authorName: owner.name });
    const anonymised = list.find((version) => version.label === 'Van iemand die vertrekt');
    // Deleting the account anonymises the author (the user row is kept without a name or e-mail).
    expect(anonymised).toMatchObject({ note: 'regel 1\nregel 2\t"tab" \\ 😀' });
    expect(anonymised!.authorName).not.toBe(leaving.name);
    for (const version of list) {
      expect(Object.keys(version)).toEqual([
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
      expect(new Date(version.createdAt as string).toISOString()).toBe(version.createdAt);
    }
  });

  it('is an empty array for a document without versions', async () => {
    const docId = await server.createDocument({ title: 'Leeg' });
    const response = await server.request('GET', `/api/documents/${docId}/versions`, {
      cookie: owner.cookie,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('[]');
  });

  it('gives every millisecond value the toISOString format', async () => {
    const docId = await server.createDocument({ title: 'Tijden' });
    const { versions } = server.running.deps.stores;
    const moments = [
      0,
      1,
      999,
      1_000,
      59_999,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31),
    ];
    for (const [i, moment] of moments.entries()) {
      const now = vi.spyOn(Date, 'now').mockReturnValue(moment);
      try {
        await versions.insert({
          id: `t-${i}`,
          docId,
          label: String(moment),
          note: null,
          // No author (e.g. made by the lifecycle): authorId and authorName null.
          authorId: null,
          status: null,
          state: new Uint8Array([0, 0]),
          json: {},
        });
      } finally {
        now.mockRestore();
      }
    }
    const text = await versions.listJson(docId);
    expect(text).toBe(JSON.stringify(await versions.list(docId)));
    const byLabel = new Map(
      (JSON.parse(text) as Array<{ label: string; createdAt: string }>).map((v) => [v.label, v.createdAt]),
    );
    for (const moment of moments) expect(byLabel.get(String(moment))).toBe(new Date(moment).toISOString());
    expect(JSON.parse(text)[0]).toMatchObject({ authorId: null, authorName: null });
  });
});
