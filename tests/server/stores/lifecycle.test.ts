import { afterEach, beforeEach, expect, it } from 'vitest';
import { isUniqueViolation } from '../../../server/db/portable';
import { createLifecycleStore, type PublishedProjection } from '../../../server/stores/lifecycle';
import { addDesign, addDocument, addWorkspace, at, openTestDatabase } from './fixtures';

let t: Awaited<ReturnType<typeof openTestDatabase>>;
let lifecycle: ReturnType<typeof createLifecycleStore>;
beforeEach(async () => {
  t = await openTestDatabase();
  await addWorkspace(t.db);
  await addDesign(t.db, 'd', 'team', 'tv');
  lifecycle = createLifecycleStore(t.db);
});
afterEach(() => t.close());

const projection = (title: string): PublishedProjection => ({
  title,
  teamId: 'team',
  teamName: 'Team team',
  template: { id: 'tv', templateKey: 'tv', title: 'Ontwikkelpad', version: '1.0' },
  outcomes: [{ id: 'lu-1', code: 'LU 1', title: 'Veilig leerklimaat' }],
  content: {} as PublishedProjection['content'],
});

it('reads status and lineage of a design, nothing for a document that is no design', async () => {
  await addDocument(t.db, 'source', 'team');
  await addDocument(t.db, 'plain', 'team');
  expect(await lifecycle.get('d')).toEqual({ status: 'globaal-ontwerp', basedOn: null, origin: 'nieuw' });
  await lifecycle.setBasedOn('d', 'source');
  expect(await lifecycle.get('d')).toEqual({ status: 'globaal-ontwerp', basedOn: 'source', origin: 'nieuw' });
  expect(await lifecycle.get('plain')).toBeUndefined();
});

it('moves the status and logs the move in one transaction', async () => {
  await t.database.transaction(
    async (trx) =>
      await createLifecycleStore(trx).recordTransition(
        'd',
        { from: 'globaal-ontwerp', to: 'prototype', outcome: null, note: 'klaar', actorId: 'u' },
        Date.UTC(2026, 4, 1),
      ),
  );
  expect((await lifecycle.get('d'))?.status).toBe('prototype');
  expect(await lifecycle.history('d')).toEqual([
    {
      id: expect.any(Number),
      from: 'globaal-ontwerp',
      to: 'prototype',
      outcome: null,
      note: 'klaar',
      actorId: 'u',
      createdAt: '2026-05-01T00:00:00.000Z',
    },
  ]);
});

it('shows a publication and its state only while the design is goedgekeurd', async () => {
  await addDesign(t.db, 'e', 'team', 'tv');
  // A view into a larger buffer: only its own bytes are stored.
  const state = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
  await at(2_000, async () => await lifecycle.publish('d', projection('Ontwerp d'), state, 'u'));
  await at(
    3_000,
    async () => await lifecycle.publish('e', projection('Ontwerp e'), new Uint8Array([7]), 'u'),
  );

  expect(await lifecycle.publication('d')).toBeUndefined();
  expect(await lifecycle.publishedState('d')).toBeUndefined();
  expect(await lifecycle.publications()).toEqual([]);

  for (const docId of ['d', 'e']) {
    await lifecycle.recordTransition(docId, {
      from: 'globaal-ontwerp',
      to: 'goedgekeurd',
      outcome: null,
      note: null,
      actorId: 'u',
    });
  }
  expect(await lifecycle.publication('d')).toEqual({
    docId: 'd',
    projection: projection('Ontwerp d'),
    approvedAt: '1970-01-01T00:00:02.000Z',
  });
  const stored = await lifecycle.publishedState('d');
  expect(stored).toBeInstanceOf(Uint8Array);
  expect([...stored!]).toEqual([1, 2, 3]);
  expect((await lifecycle.publications()).map((publication) => publication.docId)).toEqual(['e', 'd']);
  expect(await lifecycle.publishedState('missing')).toBeUndefined();
});

it('publishes a design once', async () => {
  await lifecycle.publish('d', projection('Ontwerp d'), new Uint8Array([1]), 'u');
  await expect(lifecycle.publish('d', projection('Ontwerp d'), new Uint8Array([1]), 'u')).rejects.toSatisfy(
    isUniqueViolation,
  );
});
