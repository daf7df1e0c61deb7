import * as Y from 'yjs';
import { withStoredDocuments, type DocumentsAt } from '../../support/collabEngines';
import {
  addMemberAt,
  createDocumentAt,
  createOwnerAt,
  makeDataDir,
  removeDataDir,
  signUpAt,
  startChildServer,
  type ChildServer,
  type TestUser,
} from '../../support/server';
import {
  connectClient,
  seededRandom,
  stateVector,
  waitFor,
  type CountingWebSocket,
  type TestClient,
} from '../../support/yclient';
import { sleep } from './stderr';
import { freePort } from '../../support/freePort';

/** Settings of one kill -9 run. */
export interface KillOptions {
  cycles: number;
  clients?: number;
  documents?: number;
  /** The kill comes at a random moment in [minMs, maxMs] after half of the clients reconnected. */
  minMs?: number;
  maxMs?: number;
  seed?: number;
  /** The server's PostgreSQL database; SQLite in a fresh DATA_DIR when absent. */
  databaseUrl?: string;
  /** Progress lines (soak prints them). */
  onCycle?: (line: string) => void;
}

/** What a run did and found. */
export interface KillSummary {
  cycles: number;
  clients: number;
  /** Document-update frames the clients sent (sync step 2 included). */
  updatesSent: number;
  /** Frames the server reported durable (durable-acks). */
  updatesAcked: number;
  /** Of those, acked on sockets opened after the first kill (the restarts really served edits). */
  ackedAfterRestarts: number;
  /** Sockets open at the moment of each kill (how many clients the kill hit), summed. */
  openAtKills: number;
  /** Acked updates missing from the stored document after a kill (must be 0). */
  losses: number;
  /** Server exits that were not our SIGKILL/SIGTERM (must be 0). */
  crashes: number;
  /** Every client and the stored document identical at the end (JSON and state vector). */
  converged: boolean;
  /** Milliseconds from first start to the converged end. */
  ms: number;
  /** Human-readable problems (empty when all is well). */
  problems: string[];
}

/** A random edit of text, a map and an array (the three kinds of shared data). */
function randomEdit(doc: Y.Doc, random: () => number, label: string): void {
  const pick = random();
  if (pick < 0.5) {
    const text = doc.getText('t');
    if (text.length > 1500 && random() < 0.6) {
      const at = Math.floor(random() * (text.length - 20));
      text.delete(at, 1 + Math.floor(random() * 20));
    } else {
      text.insert(Math.floor(random() * (text.length + 1)), `${label} `);
    }
  } else if (pick < 0.8) {
    doc.getMap('m').set(`k${Math.floor(random() * 12)}`, `${label}`);
  } else {
    const array = doc.getArray<string>('a');
    if (array.length > 60 && random() < 0.5) array.delete(Math.floor(random() * array.length), 1);
    else array.insert(Math.floor(random() * (array.length + 1)), [label]);
  }
}

function contentOf(doc: Y.Doc): unknown {
  // A Y.Map iterates in the order its keys reached this replica: compare sorted.
  const map = Object.entries(doc.getMap('m').toJSON()).sort(([a], [b]) => a.localeCompare(b));
  return { t: doc.getText('t').toString(), m: map, a: doc.getArray('a').toJSON() };
}

/**
 * kill -9 at random moments under many clients editing at random: a child-process server on a
 * fixed port (clients reconnect by themselves), restarted after every kill. After each kill the
 * database is read as the crash left it and every update the server had acked must be in
 * the stored document. At the end, edits stop and every client and the stored document must be
 * identical.
 */
export async function runKillCycles(options: KillOptions): Promise<KillSummary> {
  const clientCount = options.clients ?? 50;
  const documentCount = options.documents ?? 2;
  const minMs = options.minMs ?? 500;
  const maxMs = options.maxMs ?? 5000;
  const random = seededRandom(options.seed ?? 1);
  const started = Date.now();
  // y-websocket adds a process 'exit' listener per provider.
  process.setMaxListeners(Math.max(process.getMaxListeners(), clientCount + 20));
  const dataDir = makeDataDir();
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    LOG_LEVEL: 'error',
    BACKUP_INTERVAL_MINUTES: '0',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const documentsAt: DocumentsAt = { dataDir, databaseUrl: options.databaseUrl };
  const problems: string[] = [];
  let crashes = 0;
  let losses = 0;
  let child: ChildServer | undefined;
  const clients: Array<{ client: TestClient; docId: string; random: () => number }> = [];
  const beforeFirstKill = new Set<CountingWebSocket>();
  let openAtKills = 0;
  let editing = true;
  const timers = new Set<NodeJS.Timeout>();

  const stopped = new Set<ChildServer>();
  const start = async () => {
    // A loaded machine can need more than startChildServer's 30 s to boot tsx: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        child = await startChildServer(dataDir, env);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    const current = child;
    void current.exited.then(() => {
      if (!stopped.has(current)) {
        crashes++;
        problems.push(`server exited by itself: ${current.stderr().slice(-2000)}`);
      }
    });
  };

  /** Checks every ack received since the last check against the stored documents. */
  const verified = new Map<CountingWebSocket, number>();
  const verify = (cycle: number) =>
    withStoredDocuments(documentsAt, async (documents) => {
      const stored = new Map<string, Y.Snapshot>();
      for (const { docId } of clients) {
        if (stored.has(docId)) continue;
        const doc = await documents.doc(docId);
        stored.set(docId, Y.snapshot(doc));
        doc.destroy();
      }
      for (const { client, docId } of clients) {
        const snapshot = stored.get(docId)!;
        for (const socket of client.sockets) {
          const from = verified.get(socket) ?? 0;
          const upTo = socket.ackedUpdates;
          for (let index = from; index < upTo; index++) {
            if (!Y.snapshotContainsUpdate(snapshot, socket.sentUpdates[index]!)) {
              losses++;
              if (problems.length < 20)
                problems.push(`cycle ${cycle}: acked update ${index} of a socket missing from ${docId}`);
            }
          }
          verified.set(socket, upTo);
        }
      }
    });

  try {
    await start();
    const url = child!.url;
    const owner = await createOwnerAt(url);
    const users: TestUser[] = [owner];
    // Ten sockets per user stays under the default MAX_SOCKETS_PER_USER.
    for (let i = 1; i < Math.ceil(clientCount / 10); i++) {
      const user = await signUpAt(url, `Kill Tester ${i}`);
      await addMemberAt(url, owner, owner.teamId, user, 'editor');
      users.push(user);
    }
    const docIds: string[] = [];
    for (let i = 0; i < documentCount; i++)
      docIds.push(await createDocumentAt(url, owner, { title: `Kill ${i}` }));
    for (let i = 0; i < clientCount; i++) {
      const docId = docIds[i % documentCount]!;
      const client = connectClient(child!.wsUrl, docId, {
        durable: true,
        cookie: users[Math.floor(i / 10) % users.length]!.cookie,
      });
      clients.push({ client, docId, random: seededRandom(Math.floor(random() * 2 ** 31)) });
    }
    await Promise.all(clients.map(({ client }) => client.synced));

    // Every client edits at random intervals, online or not (offline edits sync on reconnect).
    clients.forEach(({ client, random: own }, index) => {
      let step = 0;
      const tick = () => {
        if (!editing) return;
        randomEdit(client.doc, own, `c${index}.${step++}`);
        const timer = setTimeout(tick, 100 + Math.floor(own() * 300));
        timers.add(timer);
      };
      tick();
    });

    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      // The random moment counts from when most clients are back (on a loaded machine 50
      // reconnects take seconds, and a kill before that would hit an idle server).
      await waitFor(
        () => clients.filter(({ client }) => client.provider.wsconnected).length >= clientCount / 2,
        'clients did not reconnect',
        15_000,
      ).catch(() => problems.push(`cycle ${cycle}: fewer than half of the clients reconnected within 15 s`));
      await sleep(minMs + Math.floor(random() * (maxMs - minMs)));
      const victim = child!;
      if (cycle === 1)
        for (const { client } of clients) for (const socket of client.sockets) beforeFirstKill.add(socket);
      openAtKills += clients.filter(({ client }) => client.provider.wsconnected).length;
      stopped.add(victim);
      victim.kill('SIGKILL');
      const exit = await victim.exited;
      if (exit.signal !== 'SIGKILL') {
        crashes++;
        problems.push(`cycle ${cycle}: server had already exited (${JSON.stringify(exit)})`);
      }
      await verify(cycle);
      await start();
      const acked = clients.reduce(
        (sum, { client }) => sum + client.sockets.reduce((n, socket) => n + socket.ackedUpdates, 0),
        0,
      );
      const codes: Record<string, number> = {};
      for (const { client } of clients)
        for (const socket of client.sockets)
          codes[String(socket.closeCode)] = (codes[String(socket.closeCode)] ?? 0) + 1;
      options.onCycle?.(
        `cycle ${cycle}/${options.cycles}: acked so far ${acked}, losses ${losses}, socket ends ${JSON.stringify(codes)}`,
      );
    }

    // Quiesce: no more edits, everyone reconnected and everything acked, then a clean stop.
    editing = false;
    for (const timer of timers) clearTimeout(timer);
    const settled = () =>
      clients.every(
        ({ client }) =>
          client.provider.wsconnected &&
          client.provider.synced &&
          client.socket.ackedUpdates === client.socket.sentUpdates.length,
      );
    const sameVectors = () =>
      docIds.every((docId) => {
        const vectors = clients
          .filter((entry) => entry.docId === docId)
          .map(({ client }) => JSON.stringify(stateVector(client.doc)));
        return vectors.every((vector) => vector === vectors[0]);
      });
    let converged = true;
    try {
      await waitFor(() => settled() && sameVectors(), 'clients did not settle', 60_000);
    } catch (error) {
      converged = false;
      problems.push(String(error));
    }
    await verify(options.cycles + 1);
    const last = child!;
    stopped.add(last);
    last.kill('SIGTERM');
    const exit = await last.exited;
    if (exit.code !== 0) {
      crashes++;
      problems.push(`graceful stop exited with ${JSON.stringify(exit)}: ${last.stderr().slice(-2000)}`);
    }

    // The stored document equals every client (JSON and state vector).
    await withStoredDocuments(documentsAt, async (documents) => {
      for (const docId of docIds) {
        const doc = await documents.doc(docId);
        const expected = JSON.stringify({ content: contentOf(doc), sv: stateVector(doc) });
        doc.destroy();
        for (const { client } of clients.filter((entry) => entry.docId === docId)) {
          const actual = JSON.stringify({ content: contentOf(client.doc), sv: stateVector(client.doc) });
          if (actual !== expected) {
            converged = false;
            if (problems.length < 20)
              problems.push(
                `a client of ${docId} differs from the stored document: ${actual.slice(-300)} vs ${expected.slice(-300)}`,
              );
          }
        }
      }
    });

    const updatesSent = clients.reduce(
      (sum, { client }) => sum + client.sockets.reduce((n, socket) => n + socket.sentUpdates.length, 0),
      0,
    );
    const updatesAcked = clients.reduce(
      (sum, { client }) => sum + client.sockets.reduce((n, socket) => n + socket.ackedUpdates, 0),
      0,
    );
    const ackedAfterRestarts = clients.reduce(
      (sum, { client }) =>
        sum +
        client.sockets
          .filter((socket) => !beforeFirstKill.has(socket))
          .reduce((n, socket) => n + socket.ackedUpdates, 0),
      0,
    );
    return {
      cycles: options.cycles,
      clients: clientCount,
      updatesSent,
      updatesAcked,
      ackedAfterRestarts,
      openAtKills,
      losses,
      crashes,
      converged,
      ms: Date.now() - started,
      problems,
    };
  } finally {
    editing = false;
    for (const timer of timers) clearTimeout(timer);
    for (const { client } of clients) client.destroy();
    if (child) {
      stopped.add(child);
      child.kill('SIGKILL');
      await child.exited;
    }
    removeDataDir(dataDir);
  }
}
