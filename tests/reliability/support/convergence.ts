import * as Y from 'yjs';
import { documentsOf, withStoredDocuments } from '../../support/collabEngines';
import { startTestServer } from '../../support/server';
import {
  connectClient,
  nextTurn,
  seededRandom,
  stateVector,
  waitFor,
  type TestClient,
} from '../../support/yclient';
import { sleep } from './stderr';

/** What one seeded run did. */
export interface ConvergenceResult {
  seed: number;
  steps: number;
  edits: number;
  disconnects: number;
  /** Every client and the stored document identical (JSON and state vector). */
  converged: boolean;
  detail?: string;
}

/** JSON of a doc's shared data with map keys sorted (a Y.Map iterates in arrival order). */
export function canonical(doc: Y.Doc): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, inner]) => [key, sort(inner)]),
      );
    return value;
  };
  return JSON.stringify(
    sort({
      text: doc.getText('text').toDelta(),
      map: doc.getMap('map').toJSON(),
      rows: doc.getArray('rows').toJSON(),
      xml: doc.getXmlFragment('xml').toString(),
    }),
  );
}

function randomEdit(doc: Y.Doc, random: () => number, label: string): void {
  const int = (max: number) => Math.floor(random() * max);
  const pick = int(8);
  const text = doc.getText('text');
  const rows = doc.getArray<Y.Map<unknown>>('rows');
  if (pick === 0 || pick === 1) {
    text.insert(int(text.length + 1), label, int(4) === 0 ? { bold: true } : undefined);
  } else if (pick === 2 && text.length > 0) {
    const at = int(text.length);
    text.delete(at, Math.min(text.length - at, 1 + int(5)));
  } else if (pick === 3) {
    const row = new Y.Map<unknown>();
    row.set('id', label);
    row.set('title', new Y.Text(label));
    rows.insert(int(rows.length + 1), [row]);
  } else if (pick === 4 && rows.length > 0) {
    const row = rows.get(int(rows.length));
    if (int(2) === 0) row.set('status', label);
    else {
      const title = row.get('title') as Y.Text;
      title.insert(int(title.length + 1), label);
    }
  } else if (pick === 5 && rows.length > 0) {
    rows.delete(int(rows.length), 1);
  } else if (pick === 6) {
    const map = doc.getMap('map');
    if (int(3) === 0) map.delete(`k${int(6)}`);
    else map.set(`k${int(6)}`, int(2) === 0 ? label : { nested: label, n: int(100) });
  } else {
    const xml = doc.getXmlFragment('xml');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(label)]);
    if (xml.length > 8 && int(2) === 0) xml.delete(int(xml.length), 1);
    else xml.insert(int(xml.length + 1), [paragraph]);
  }
}

/**
 * Yjs's random-test idea through the real server: 5 y-websocket clients on one document make
 * seeded random edits to text (with formatting), a map, an array of maps with nested text and an
 * XML fragment, while randomly going offline and online. At the end every client and the stored
 * document must be identical (JSON and state vector).
 */
export async function runConvergence(
  seed: number,
  steps: number,
  clientCount = 5,
): Promise<ConvergenceResult> {
  const random = seededRandom(seed);
  const server = await startTestServer();
  const clients: TestClient[] = [];
  let edits = 0;
  let disconnects = 0;
  try {
    const docId = await server.createDocument({ title: `Convergentie ${seed}` });
    for (let i = 0; i < clientCount; i++) {
      const client = connectClient(server.wsUrl, docId, {
        durable: true,
        cookie: server.cookie,
        clientID: seed * 100 + i + 1,
      });
      clients.push(client);
    }
    await Promise.all(clients.map((client) => client.synced));
    for (let step = 0; step < steps; step++) {
      const client = clients[Math.floor(random() * clients.length)]!;
      const action = random();
      if (action < 0.06) {
        if (client.provider.shouldConnect) {
          client.provider.disconnect();
          disconnects++;
        } else client.provider.connect();
      } else {
        randomEdit(client.doc, random, `s${step}`);
        edits++;
      }
      // Let the network move at random moments: sometimes a burst, sometimes a pause.
      const wait = random();
      if (wait < 0.3) await nextTurn();
      else if (wait < 0.35) await sleep(Math.floor(random() * 30));
    }
    for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();
    const vectors = () => clients.map((client) => JSON.stringify(stateVector(client.doc)));
    try {
      await waitFor(
        () =>
          clients.every(
            (client) =>
              client.provider.synced &&
              client.provider.wsconnected &&
              client.socket.ackedUpdates === client.socket.sentUpdates.length,
          ) && new Set(vectors()).size === 1,
        () => `not settled: ${vectors().join(' | ')}`,
        30_000,
      );
    } catch (error) {
      return { seed, steps, edits, disconnects, converged: false, detail: String(error) };
    }
    const stored = await withStoredDocuments(documentsOf(server), (documents) => documents.doc(docId));
    const expected = canonical(stored) + JSON.stringify(stateVector(stored));
    stored.destroy();
    const differing = clients.filter(
      (client) => canonical(client.doc) + JSON.stringify(stateVector(client.doc)) !== expected,
    );
    return {
      seed,
      steps,
      edits,
      disconnects,
      converged: differing.length === 0,
      detail: differing.length ? `${differing.length} clients differ from the stored document` : undefined,
    };
  } finally {
    for (const client of clients) client.destroy();
    await server.close();
  }
}
