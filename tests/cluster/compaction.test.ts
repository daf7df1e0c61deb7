import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/collabEngines';
import { createDocumentAt, createOwnerAt } from '../support/server';
import { connectSynced, type TestClient } from '../support/yclient';
import {
  ackedUpdates,
  differFromStored,
  missingFromStored,
  seqProblems,
  startWriters,
  waitSettled,
} from './support/checks';
import { clusterOfInstances } from './support/instances';

/**
 * Both instances write one document at once and both compact it often (every 5 rows): the two
 * compactions race each other and the commits, and still nothing acked is lost and the stored
 * document equals every client.
 */

const cluster = clusterOfInstances({ env: { COMPACT_EVERY: '5' } });
const clients: TestClient[] = [];
let stopWriting = () => {};

afterEach(async () => {
  stopWriting();
  for (const client of clients.splice(0)) client.destroy();
  expect((await cluster()).unexpectedExits.splice(0)).toEqual([]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Up to which seq the document's compacted state reaches (0: never compacted). */
async function compactedUpTo(databaseUrl: string, docId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ up_to_seq: string }>(
      'SELECT up_to_seq FROM doc_state WHERE doc_id = $1',
      [docId],
    );
    return Number(rows[0]?.up_to_seq ?? 0);
  } finally {
    await client.end();
  }
}

describe.runIf(ENGINES.includes('postgres'))(
  'two instances writing and compacting one document',
  { timeout: 60_000 },
  () => {
    it('converge; the stored document equals the clients; no acked update is lost', async () => {
      const c = await cluster();
      const [a, b] = c.instances;
      const owner = await createOwnerAt(a!.url);
      const docId = await createDocumentAt(a!.url, owner, { title: 'Samen compacteren' });
      for (const instance of [a!, a!, a!, b!, b!, b!]) {
        clients.push(await connectSynced(instance.wsUrl, docId, { cookie: owner.cookie, durable: true }));
      }

      stopWriting = startWriters(clients, 7);
      await sleep(3_000);
      stopWriting();
      await waitSettled(clients);

      const acked = ackedUpdates(clients);
      // Many compactions' worth: each instance compacted several times while the other wrote.
      expect(acked.length).toBeGreaterThan(100);
      expect(await compactedUpTo(c.databaseUrl, docId)).toBeGreaterThan(40);
      expect(await missingFromStored(c.documentsAt, docId, acked)).toBe(0);
      expect(await differFromStored(c.documentsAt, docId, clients)).toEqual([]);
      expect(await seqProblems(c.databaseUrl, docId)).toEqual([]);

      // A client joining now, on either instance, gets the same document.
      const fresh = await Promise.all(
        [a!, b!].map((instance) => connectSynced(instance.wsUrl, docId, { cookie: owner.cookie })),
      );
      clients.push(...fresh);
      await waitSettled(clients, 5_000);
    });
  },
);
