import fs from 'node:fs';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../../shared/collab/messages';
import WebSocket from 'ws';
import { syncStep1Frame } from '../../support/rawclient';
import {
  createDocumentAt,
  createOwnerAt,
  makeDataDir,
  removeDataDir,
  startChildServer,
  type ChildServer,
} from '../../support/server';
import { connectSynced, seededRandom, stateVector, waitFor, type TestClient } from '../../support/yclient';

/** Settings of one fuzz run. */
export interface FuzzOptions {
  /** Frames to send in total (at least). */
  frames: number;
  seed?: number;
  /** Hostile sockets open at once. */
  concurrency?: number;
  /** Frames sent on a socket before each frame that is meant to break it. */
  batch?: number;
}

/** What a fuzz run did and found. */
export interface FuzzSummary {
  frames: number;
  sockets: number;
  /** Close codes of hostile sockets, by code. */
  closes: Record<string, number>;
  /** Frames meant to break a socket that the server accepted instead (e.g. random bytes that spell an ignored auth message). */
  survived: number;
  /** Server process exits during the run (must be 0). */
  crashes: number;
  /** Latency of GET /api/health while the fuzz ran, in ms (server event-loop delay seen from outside). */
  healthMs: { p50: number; p99: number; max: number; samples: number };
  /** The two honest clients stayed connected and converged (with each other and the server). */
  bystandersOk: boolean;
  ms: number;
  problems: string[];
}

const MAX_FRAME_BYTES = 64 * 1024;
/** Low enough that dense and dependency-less updates meet these limits inside the frame limit. */
const MAX_STRUCTS_PER_UPDATE = 1_000;
const MAX_HELD_BYTES_PER_SOCKET = 32 * 1024;

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

function awarenessFrame(clientId: number, state: string): Uint8Array {
  const update = frame((encoder) => {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, state);
  });
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** Generators of frames: `benign` ones a server must survive, `hostile` ones that should close the socket. */
function generators(random: () => number) {
  const int = (max: number) => Math.floor(random() * max);
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  const concat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  /** A real update, plus one that builds on it (so alone it references structs the server lacks). */
  const updatePair = () => {
    const doc = new Y.Doc();
    doc.clientID = 1_000_000 + int(1_000_000);
    // Map entries (overwritten, so the document stays small however long the fuzz runs).
    const map = doc.getMap('fuzz');
    const key = `k${int(5)}`;
    map.set(key, `a${int(1000)}`);
    const sv = Y.encodeStateVector(doc);
    const first = Y.encodeStateAsUpdate(doc);
    map.set(key, `b${int(1000)}`);
    if (int(2) === 0) map.delete(key);
    const second = Y.encodeStateAsUpdate(doc, sv);
    doc.destroy();
    return { first, second };
  };

  // Weighted: valid updates are rare (each costs a real commit with fsync, as an edit would).
  const benign: Array<() => Uint8Array> = [
    // Valid-looking updates referencing structs the server never saw.
    () => syncFrame(SyncMessageType.update, updatePair().second),
    () => syncFrame(SyncMessageType.update, updatePair().second),
    () => syncFrame(SyncMessageType.step2, updatePair().second),
    // A valid update (stored and relayed like any edit), one frame in ~100.
    () =>
      int(8) === 0
        ? syncFrame(SyncMessageType.update, updatePair().first)
        : Uint8Array.of(MessageType.queryAwareness),
    // State vectors claiming clocks the server does not have (answered with the whole document).
    () => {
      if (int(3) > 0) return concat(Uint8Array.of(MessageType.auth), bytes(int(64)));
      const sv = frame((encoder) => {
        const n = 1 + int(4);
        encoding.writeVarUint(encoder, n);
        for (let i = 0; i < n; i++) {
          encoding.writeVarUint(encoder, int(2 ** 31));
          encoding.writeVarUint(encoder, int(2 ** 20));
        }
      });
      return syncFrame(SyncMessageType.step1, sv);
    },
    // Presence claiming someone else's name.
    () => awarenessFrame(int(2 ** 30), JSON.stringify({ user: { name: 'Beheerder', color: '#000' } })),
    () => Uint8Array.of(MessageType.queryAwareness),
    // Auth messages are ignored, whatever they carry.
    () => concat(Uint8Array.of(MessageType.auth), bytes(int(64))),
    () => concat(Uint8Array.of(MessageType.auth), bytes(int(64))),
    // Awareness removal (null state) for ids it never had.
    () => awarenessFrame(int(2 ** 30), 'null'),
  ];

  const hostile: Attack[] = [
    { name: 'random bytes', make: () => bytes(1 + int(300)) },
    { name: 'empty frame', make: () => new Uint8Array(0) },
    {
      name: 'random bytes after a sync-update header',
      make: () => concat(Uint8Array.of(0, 2), bytes(1 + int(300))),
    },
    {
      name: 'truncated varint (message type)',
      make: () => Uint8Array.from({ length: 1 + int(8) }, () => 0x80 | int(128)),
    },
    {
      name: 'oversized varint (more than 53 bits)',
      make: () =>
        concat(
          Uint8Array.of(0, 2),
          Uint8Array.from({ length: 10 }, () => 0xff),
          Uint8Array.of(1),
        ),
    },
    {
      name: 'length prefix longer than the frame',
      make: () => concat(Uint8Array.of(0, 2, 0xff, 0xff, 0x03), bytes(int(100))),
    },
    {
      name: 'truncated update',
      make: () => {
        const { first } = updatePair();
        return syncFrame(SyncMessageType.update, first.subarray(0, 1 + int(first.length - 2)));
      },
    },
    {
      name: 'update with flipped bytes',
      make: () => {
        const update = updatePair().second.slice();
        for (let i = 0; i < 1 + int(3); i++) update[int(update.length)] = int(256);
        return syncFrame(SyncMessageType.update, update);
      },
    },
    { name: 'unknown message type', make: () => concat(Uint8Array.of(5 + int(120)), bytes(int(50))) },
    { name: 'unknown sync type', make: () => syncFrame(3 + int(100), bytes(int(40))) },
    {
      name: 'garbage awareness',
      make: () => concat(Uint8Array.of(MessageType.awareness), bytes(1 + int(200))),
    },
    { name: 'awareness with broken JSON', make: () => awarenessFrame(int(2 ** 30), '{"user":') },
    { name: 'oversized frame', make: () => bytes(MAX_FRAME_BYTES + 1 + int(1024)) },
    ...structureAware(int),
  ];
  return { benign, hostile, int };
}

/** A frame meant to break its socket; `closesWith`: the only acceptable outcome. */
interface Attack {
  name: string;
  make: () => Uint8Array;
  closesWith?: number;
}

/**
 * Well-formed updates built to cost the server: too many structs, nesting past the editor's depth,
 * deletion of a huge range nobody has, and a dependency-less update filling the held budget.
 */
function structureAware(int: (max: number) => number): Attack[] {
  const build = (edit: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc();
    doc.clientID = 3_000_000 + int(1_000_000);
    doc.transact(() => edit(doc));
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return syncFrame(SyncMessageType.update, update);
  };
  return [
    {
      name: 'dense update (more structs than allowed)',
      closesWith: 1009,
      make: () =>
        build((doc) => {
          for (let i = 0; i <= MAX_STRUCTS_PER_UPDATE + int(500); i++) doc.getText('dicht').insert(0, 'x');
        }),
    },
    {
      name: 'deeply nested update',
      closesWith: 1009,
      make: () =>
        build((doc) => {
          let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('diep');
          for (let i = 0; i < 110 + int(300); i++) {
            const child: Y.XmlElement = new Y.XmlElement('bulletList');
            parent.insert(0, [child]);
            parent = child;
          }
        }),
    },
    {
      name: 'deletion of a huge range nobody has',
      make: () =>
        syncFrame(
          SyncMessageType.update,
          frame((encoder) => {
            encoding.writeVarUint(encoder, 0); // no structs
            encoding.writeVarUint(encoder, 1); // one client in the delete set
            encoding.writeVarUint(encoder, int(2 ** 31));
            encoding.writeVarUint(encoder, 1);
            encoding.writeVarUint(encoder, int(1000));
            encoding.writeVarUint(encoder, 2 ** 31 + int(2 ** 20));
          }),
        ),
    },
    {
      name: 'dependency-less update over the held budget',
      closesWith: 1009,
      make: () => {
        const doc = new Y.Doc();
        doc.clientID = 4_000_000 + int(1_000_000);
        doc.getText('t').insert(0, 'a');
        const vector = Y.encodeStateVector(doc);
        doc.getText('t').insert(1, 'x'.repeat(MAX_HELD_BYTES_PER_SOCKET + int(1000)));
        const update = Y.encodeStateAsUpdate(doc, vector);
        doc.destroy();
        return syncFrame(SyncMessageType.update, update);
      },
    },
  ];
}

/** A bare hostile socket, as cheap as possible on the client side (the server is under test). */
interface HostileSocket {
  socket: WebSocket;
  opened: Promise<void>;
  closed: Promise<number>;
  /** Resolves once `count` sync step 2 frames have arrived in total (or never). */
  step2(count: number): Promise<void>;
}

function openHostile(url: string, cookie: string): HostileSocket {
  // A zero mask: masking costs the client CPU and protects nothing on loopback.
  const socket = new WebSocket(url, {
    headers: { cookie },
    perMessageDeflate: false,
    generateMask: (mask: Buffer) => void mask.fill(0),
  });
  let received = 0;
  let waiter: { count: number; resolve: () => void } | undefined;
  socket.on('error', () => undefined);
  socket.on('message', (data: Buffer) => {
    if (data[0] === MessageType.sync && data[1] === SyncMessageType.step2) received++;
    if (waiter && received >= waiter.count) {
      waiter.resolve();
      waiter = undefined;
    }
  });
  return {
    socket,
    opened: new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`upgrade refused with HTTP ${response.statusCode}`)),
      );
    }),
    closed: new Promise((resolve) => socket.once('close', (code) => resolve(code))),
    step2: (count) =>
      new Promise((resolve) => {
        if (received >= count) resolve();
        else waiter = { count, resolve };
      }),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/**
 * WebSocket fuzzing against a child-process server: hostile sockets send batches of benign-but-odd
 * frames each followed by one frame meant to break the socket, then a sync step 1; the socket
 * either answers (survived) or closes, and the next batch goes on a new socket. Two honest clients
 * edit throughout; /api/health latency is sampled every 20 ms.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const random = seededRandom(options.seed ?? 7);
  const { benign, hostile, int } = generators(random);
  const concurrency = options.concurrency ?? 8;
  const batch = options.batch ?? 30;
  const started = Date.now();
  // The fuzz is about protocol handling, not the disk: on tmpfs when there is one, so fsyncs of the
  // few valid updates do not dominate the run (kill -9 and fault tests use a real disk).
  const dataDir = fs.existsSync('/dev/shm')
    ? fs.mkdtempSync(path.join('/dev/shm', 'werkplaats-fuzz-'))
    : makeDataDir();
  const problems: string[] = [];
  const closes: Record<string, number> = {};
  let frames = 0;
  let sockets = 0;
  let survived = 0;
  let crashes = 0;
  let child: ChildServer | undefined;
  const bystanders: TestClient[] = [];
  const latencies: number[] = [];
  let running = true;
  try {
    child = await startChildServer(dataDir, {
      LOG_LEVEL: 'error',
      MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
      MAX_STRUCTS_PER_UPDATE: String(MAX_STRUCTS_PER_UPDATE),
      MAX_HELD_BYTES_PER_SOCKET: String(MAX_HELD_BYTES_PER_SOCKET),
      BACKUP_INTERVAL_MINUTES: '0',
    });
    const server = child;
    void server.exited.then((exit) => {
      if (running) {
        crashes++;
        problems.push(
          `server exited during the fuzz: ${JSON.stringify(exit)} ${server.stderr().slice(-2000)}`,
        );
      }
    });
    const owner = await createOwnerAt(server.url);
    const docId = await createDocumentAt(server.url, owner, { title: 'Fuzz' });
    for (let i = 0; i < 2; i++) {
      bystanders.push(await connectSynced(server.wsUrl, docId, { durable: true, cookie: owner.cookie }));
    }

    const probe = (async () => {
      while (running) {
        const t0 = performance.now();
        try {
          const response = await fetch(`${server.url}/api/health`);
          await response.text();
          latencies.push(performance.now() - t0);
        } catch (error) {
          problems.push(`health check failed: ${String(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const honest = (async () => {
      let step = 0;
      while (running) {
        const client = bystanders[step % 2]!;
        client.doc.getText('honest').insert(0, `${step++} `);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    const worker = async () => {
      let raw: HostileSocket | undefined;
      let expected = 0;
      let batches = 0;
      while (frames < options.frames && crashes === 0) {
        const attack = hostile[int(hostile.length)]!;
        // An attack with one right outcome goes alone on a fresh socket: whatever earlier frames left
        // on a socket (held updates: the 65th closes it with 1007) must not decide its close code.
        const alone = attack.closesWith !== undefined;
        if (raw && alone && batches > 0) raw.socket.terminate();
        if (!raw || raw.socket.readyState !== WebSocket.OPEN) {
          batches = 0;
          raw = openHostile(`${server.wsUrl}/${docId}${int(2) === 0 ? '?durable=1' : ''}`, owner.cookie);
          expected = 0;
          sockets++;
          try {
            await raw.opened;
          } catch (error) {
            problems.push(`hostile socket could not open: ${String(error)}`);
            return;
          }
        }
        const current = raw;
        // Sync step 1 frames in the batch are answered too: wait for all of those plus ours.
        for (let i = 0; i < (alone ? 0 : batch); i++) {
          const benignFrame = benign[int(benign.length)]!();
          if (benignFrame[0] === MessageType.sync && benignFrame[1] === SyncMessageType.step1) expected++;
          current.socket.send(benignFrame);
        }
        batches++;
        const attackFrame = attack.make();
        if (attackFrame[0] === MessageType.sync && attackFrame[1] === SyncMessageType.step1) expected++;
        current.socket.send(attackFrame);
        frames += (alone ? 0 : batch) + 1;
        current.socket.send(syncStep1Frame());
        expected++;
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          current.closed.then((code) => `close ${code}`),
          current.step2(expected).then(() => 'answered'),
          new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000))),
        ]);
        clearTimeout(timer);
        if (attack.closesWith !== undefined && outcome !== `close ${attack.closesWith}`)
          problems.push(`${attack.name}: ${outcome}, not close ${attack.closesWith}`);
        if (outcome === 'answered') survived++;
        else if (outcome === 'timeout')
          problems.push(`socket neither answered nor closed after ${attack.name}`);
        else closes[outcome.slice(6)] = (closes[outcome.slice(6)] ?? 0) + 1;
      }
      raw?.socket.terminate();
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    // The honest clients: never closed, converged with each other and with a fresh reader.
    running = false;
    await Promise.all([probe, honest]);
    let bystandersOk = true;
    try {
      await waitFor(
        () =>
          bystanders.every(
            (client) =>
              client.socket.ackedUpdates === client.socket.sentUpdates.length && client.sockets.length === 1,
          ) &&
          JSON.stringify(stateVector(bystanders[0]!.doc)) === JSON.stringify(stateVector(bystanders[1]!.doc)),
        'bystanders did not settle',
        30_000,
      );
      const reader = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie });
      const same =
        reader.doc.getText('honest').toString() === bystanders[0]!.doc.getText('honest').toString() &&
        reader.doc.getText('honest').toString() === bystanders[1]!.doc.getText('honest').toString();
      reader.destroy();
      if (!same) throw new Error('a fresh reader sees other honest text than the bystanders');
    } catch (error) {
      bystandersOk = false;
      problems.push(String(error));
    }
    if (bystanders.some((client) => client.sockets.length !== 1 || client.socket.closeCode !== null)) {
      bystandersOk = false;
      problems.push('an honest client was disconnected');
    }
    server.kill('SIGTERM');
    const exit = await server.exited;
    if (exit.code !== 0) {
      crashes++;
      problems.push(`graceful stop after the fuzz failed: ${JSON.stringify(exit)}`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      frames,
      sockets,
      closes,
      survived,
      crashes,
      healthMs: {
        p50: Math.round(percentile(sorted, 50)),
        p99: Math.round(percentile(sorted, 99)),
        max: Math.round(sorted[sorted.length - 1] ?? 0),
        samples: sorted.length,
      },
      bystandersOk,
      ms: Date.now() - started,
      problems,
    };
  } finally {
    running = false;
    for (const client of bystanders) client.destroy();
    if (child) {
      child.kill('SIGKILL');
      await child.exited;
    }
    removeDataDir(dataDir);
  }
}
