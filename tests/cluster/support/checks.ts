import pg from 'pg';
import * as Y from 'yjs';
import { withStoredDocuments, type DocumentsAt } from '../../support/collabEngines';
import { seededRandom, stateVector, waitFor, type TestClient } from '../../support/yclient';

/**
 * What is wrong with a document's log numbering (empty when nothing): the rows after the compacted
 * state (`seq > doc_state.up_to_seq`) must be exactly up_to_seq+1 … doc_heads.seq.
 */
export async function seqProblems(databaseUrl: string, docId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const head = Number(
      (await client.query<{ seq: string }>('SELECT seq FROM doc_heads WHERE doc_id = $1', [docId])).rows[0]
        ?.seq ?? 0,
    );
    const upTo = Number(
      (
        await client.query<{ up_to_seq: string }>('SELECT up_to_seq FROM doc_state WHERE doc_id = $1', [
          docId,
        ])
      ).rows[0]?.up_to_seq ?? 0,
    );
    const seqs = (
      await client.query<{ seq: string }>(
        'SELECT seq FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
        [docId, upTo],
      )
    ).rows.map((row) => Number(row.seq));
    const problems: string[] = [];
    if (head === 0) problems.push('no head');
    if (upTo > head) problems.push(`compacted up to ${upTo}, past the head ${head}`);
    seqs.forEach((seq, index) => {
      if (seq !== upTo + 1 + index && problems.length < 10)
        problems.push(`seq ${seq} where ${upTo + 1 + index} belongs`);
    });
    if (seqs.length !== Math.max(head - upTo, 0))
      problems.push(`${seqs.length} rows after ${upTo}, head ${head}`);
    return problems;
  } finally {
    await client.end();
  }
}

/** Every update the server durably acked on any socket of these clients. */
export function ackedUpdates(clients: readonly TestClient[]): Uint8Array[] {
  return clients.flatMap((client) =>
    client.sockets.flatMap((socket) => socket.sentUpdates.slice(0, socket.ackedUpdates)),
  );
}

/** How many of `updates` the stored document does not contain (must be 0 for acked ones). */
export function missingFromStored(
  where: DocumentsAt,
  docId: string,
  updates: readonly Uint8Array[],
): Promise<number> {
  return withStoredDocuments(where, async (documents) => {
    const doc = await documents.doc(docId);
    const snapshot = Y.snapshot(doc);
    doc.destroy();
    return updates.filter((update) => !Y.snapshotContainsUpdate(snapshot, update)).length;
  });
}

/** How many of `updates` a client's document does not contain. */
export function missingFrom(doc: Y.Doc, updates: readonly Uint8Array[]): number {
  const snapshot = Y.snapshot(doc);
  return updates.filter((update) => !Y.snapshotContainsUpdate(snapshot, update)).length;
}

function picture(doc: Y.Doc): string {
  return JSON.stringify({ text: doc.getText('t').toString(), sv: stateVector(doc) });
}

/** Clients whose document differs from the stored one (text and state vector), by index. */
export function differFromStored(
  where: DocumentsAt,
  docId: string,
  clients: readonly TestClient[],
): Promise<number[]> {
  return withStoredDocuments(where, async (documents) => {
    const doc = await documents.doc(docId);
    const expected = picture(doc);
    doc.destroy();
    return clients.flatMap((client, index) => (picture(client.doc) === expected ? [] : [index]));
  });
}

/**
 * Waits until every client is connected and synced, has every frame of its current socket acked
 * (durable ones) and holds the same state.
 */
export async function waitSettled(clients: readonly TestClient[], timeoutMs = 20_000): Promise<void> {
  const durable = (client: TestClient) => client.provider.url.includes('durable=1');
  await waitFor(
    () =>
      clients.every(
        (client) =>
          client.provider.wsconnected &&
          client.provider.synced &&
          (!durable(client) || client.socket.ackedUpdates === client.socket.sentUpdates.length),
      ) && new Set(clients.map((client) => picture(client.doc))).size === 1,
    () =>
      `clients did not settle: ${clients
        .map(
          (client, index) =>
            `#${index} connected ${client.provider.wsconnected} acked ${client.socket.ackedUpdates}/${client.socket.sentUpdates.length} sv ${JSON.stringify(stateVector(client.doc))}`,
        )
        .join('; ')}`,
    timeoutMs,
  );
}

/**
 * Each client appends a short labelled word to the text `t` every 40–120 ms, online or not (offline
 * edits go out on reconnect), until the answer is called.
 */
export function startWriters(clients: readonly TestClient[], seed = 1): () => void {
  const timers = new Set<NodeJS.Timeout>();
  let writing = true;
  clients.forEach((client, index) => {
    const random = seededRandom(seed * 1000 + index);
    let step = 0;
    const tick = () => {
      timers.delete(timer);
      if (!writing) return;
      const text = client.doc.getText('t');
      text.insert(Math.floor(random() * (text.length + 1)), `c${index}.${step++} `);
      timer = setTimeout(tick, 40 + Math.floor(random() * 80));
      timers.add(timer);
    };
    let timer = setTimeout(tick, Math.floor(random() * 40));
    timers.add(timer);
  });
  return () => {
    writing = false;
    for (const timer of timers) clearTimeout(timer);
  };
}

/** `GET /api/ready` of an instance: its status code and body. */
export async function readiness(
  url: string,
): Promise<{ status: number; body: { status?: string } & Record<string, unknown> }> {
  const response = await fetch(`${url}/api/ready`);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as { status?: string } };
}
