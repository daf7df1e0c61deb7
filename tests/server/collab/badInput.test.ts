import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../../shared/collab/messages';
import { connectRaw, updateFrame } from '../../support/rawclient';
import { countLogRows, startTestServer, type TestServer } from '../../support/server';
import {
  connectSynced,
  docContent,
  seededRandom,
  stateVector,
  waitFor,
  type TestClient,
} from '../../support/yclient';

const CloseCode = { unsupportedData: 1003, invalidPayload: 1007, tooBig: 1009 } as const;
const MAX_FRAME_BYTES = 64 * 1024;
/** Client id of every update the bad sockets carry: it must never show up anywhere. */
const INTRUDER = 666;

let server: TestServer;
let clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ MAX_FRAME_BYTES: String(MAX_FRAME_BYTES) });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  for (const client of clients) client.destroy();
  clients = [];
});

function randomBytes(seed: number, length: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

/** A well-formed Yjs update from the intruder's client id, inserting `text`. */
function intruderUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = INTRUDER;
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A sync frame with a given sub-type and payload (the payload correctly length-prefixed). */
function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

const wholeUpdate = intruderUpdate('TRUNCATED-MARKER with some more text');

const cases: Array<{ name: string; frame: () => Uint8Array | string; codes: number[] }> = [
  { name: 'random bytes', frame: () => randomBytes(42, 256), codes: [CloseCode.unsupportedData] },
  {
    name: 'random bytes after a sync-update header',
    frame: () => concat(Uint8Array.of(MessageType.sync, SyncMessageType.update), randomBytes(7, 200)),
    codes: [CloseCode.invalidPayload],
  },
  {
    name: 'random bytes after an awareness header',
    frame: () => concat(Uint8Array.of(MessageType.awareness), randomBytes(9, 200)),
    codes: [CloseCode.invalidPayload],
  },
  {
    name: 'a truncated update (cut in half) in a valid sync-update frame',
    frame: () => updateFrame(wholeUpdate.slice(0, Math.floor(wholeUpdate.length / 2))),
    codes: [CloseCode.invalidPayload],
  },
  {
    name: 'a truncated update (last byte missing) in a valid sync-update frame',
    frame: () => updateFrame(wholeUpdate.slice(0, wholeUpdate.length - 1)),
    codes: [CloseCode.invalidPayload],
  },
  {
    name: 'a truncated sync step 2',
    frame: () => syncFrame(SyncMessageType.step2, wholeUpdate.slice(0, 10)),
    codes: [CloseCode.invalidPayload],
  },
  { name: 'an empty binary frame', frame: () => new Uint8Array(0), codes: [CloseCode.invalidPayload] },
  {
    name: 'unknown message type 99',
    frame: () => Uint8Array.of(99, 1, 2, 3),
    codes: [CloseCode.unsupportedData],
  },
  {
    name: 'unknown sync sub-type 7',
    frame: () => syncFrame(7, wholeUpdate),
    codes: [CloseCode.unsupportedData],
  },
  { name: 'a text frame', frame: () => 'hallo', codes: [CloseCode.unsupportedData] },
  {
    // A perfectly valid update, only too big: refused by size before it is even parsed.
    name: `an oversized frame (100 KiB, limit ${MAX_FRAME_BYTES / 1024} KiB)`,
    frame: () => updateFrame(intruderUpdate('x'.repeat(100 * 1024))),
    codes: [CloseCode.tooBig],
  },
];

describe('malformed input on one socket', () => {
  it.each(cases)('$name: closes that socket only, stores nothing of it', async ({ frame, codes }) => {
    const docId = await server.createDocument();
    const writer = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    const reader = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(writer, reader);
    writer.doc.getText('t').insert(0, 'voor ');
    await waitFor(() => reader.doc.getText('t').toString() === 'voor ', 'reader never got the first edit');
    const rowsBefore = await countLogRows(server.dataDir, docId);

    // A signed-in editor (the same owner): access does not excuse malformed frames.
    const intruder = connectRaw(server.wsUrl, docId, { durable: true, cookie: server.cookie });
    await intruder.opened;
    intruder.send(frame());
    const closed = await intruder.closed;

    expect(codes).toContain(closed.code);
    expect(intruder.acked).toBe(0);
    expect(await countLogRows(server.dataDir, docId)).toBe(rowsBefore);

    // The well-behaved clients on the same document keep syncing.
    writer.doc.getText('t').insert(5, 'na');
    await waitFor(() => reader.doc.getText('t').toString() === 'voor na', 'reader stopped receiving edits');
    // Still on their first sockets: the server closed nobody else.
    expect([writer.sockets.length, reader.sockets.length]).toEqual([1, 1]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // A fresh client sees exactly the good edits: nothing of the intruder's frame.
    const fresh = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(fresh);
    expect(docContent(fresh.doc, ['t'])).toEqual(docContent(reader.doc, ['t']));
    expect(stateVector(fresh.doc)).toEqual(stateVector(writer.doc));
    expect(stateVector(fresh.doc)[String(INTRUDER)]).toBeUndefined();
  });

  it('an update that decodes but cannot be applied (zero-length deletion): closes that socket, stores nothing', async () => {
    // Y.decodeUpdate accepts this delete set {client 809: [clock 68, length 0]}; Y.applyUpdate
    // throws "Unexpected case" on it. Found by fuzzing valid updates with byte flips.
    const unapplicable = Uint8Array.of(0x00, 0x01, 0xa9, 0x06, 0x01, 0x44, 0x00);
    expect(() => Y.decodeUpdate(unapplicable)).not.toThrow();
    expect(() => Y.applyUpdate(new Y.Doc(), unapplicable)).toThrow();

    const docId = await server.createDocument();
    const writer = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    const reader = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(writer, reader);
    const rowsBefore = await countLogRows(server.dataDir, docId);

    const intruder = connectRaw(server.wsUrl, docId, { durable: true, cookie: server.cookie });
    await intruder.opened;
    intruder.sendUpdate(unapplicable);
    // Either outcome ends the wait: the server refuses (close) or accepts (ack).
    await waitFor(
      () => intruder.acked > 0 || intruder.socket.readyState === intruder.socket.CLOSED,
      'the server neither closed nor acknowledged',
    );

    expect(intruder.acked, 'acknowledged as durable although it can never be applied').toBe(0);
    expect((await intruder.closed).code).toBe(CloseCode.invalidPayload);
    expect(await countLogRows(server.dataDir, docId), 'a row the next load will have to quarantine').toBe(
      rowsBefore,
    );

    writer.doc.getText('t').insert(0, 'nog steeds');
    await waitFor(
      () => reader.doc.getText('t').toString() === 'nog steeds',
      'reader stopped receiving edits',
    );
  });
});
