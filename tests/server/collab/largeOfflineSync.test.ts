import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CountingWebSocket } from '../../../client/collab/CountingWebSocket';
import { DURABLE_PARAM, isDocumentUpdateFrame, MessageType } from '../../../shared/collab/messages';
import { MAX_UPDATE_PIECE_BYTES } from '../../../shared/collab/splitUpdate';
import { pastedPages } from '../../support/fiftyPages';
import { rawClients } from '../../support/rawclient';
import { startTestServer, type TestServer } from '../../support/server';
import { updateOfFrame, waitFor } from '../../support/yclient';

/**
 * An offline client's sync step 2 carries everything typed meanwhile, whatever its size. Over the
 * server's frame and struct limits (2 MiB, 50,000 structs) it used to be refused (1009) on every
 * reconnect; the browser's socket (client/collab/CountingWebSocket.ts) now sends it in pieces.
 */

let server: TestServer;
const raws = rawClients(() => server);
const destroy: Array<() => void> = [];

afterEach(async () => {
  for (const done of destroy.splice(0)) done();
  raws.closeAll();
  await server.close();
});

/** The browser client's socket and provider, signed in as the test owner. */
function browserClient(docId: string, doc: Y.Doc, cookie: string) {
  const sockets: CountingWebSocket[] = [];
  const closes: number[] = [];
  class SignedInSocket extends CountingWebSocket {
    constructor(url: string | URL) {
      // Node's WebSocket takes headers in its init object (a browser sends the cookie itself).
      super(url, { headers: { cookie } } as unknown as string[]);
      sockets.push(this);
      this.addEventListener('close', (event) => closes.push(event.code));
    }
  }
  const provider = new WebsocketProvider(server.wsUrl, docId, doc, {
    WebSocketPolyfill: SignedInSocket as unknown as typeof WebSocket,
    disableBc: true,
    connect: false,
    params: { [DURABLE_PARAM]: '1' },
  });
  provider.messageHandlers[MessageType.durable] = (_encoder, decoder, receiver) => {
    const count = decoding.readVarUint(decoder);
    if (receiver.ws instanceof CountingWebSocket) receiver.ws.acknowledge(count);
  };
  destroy.push(() => provider.destroy());
  return { provider, sockets, closes };
}

describe('a large offline sync step 2', () => {
  it('over the frame and struct limits is sent in pieces, all stored and acked', async () => {
    server = await startTestServer();
    const docId = await server.createDocument();
    // 600 pasted pages while offline: ~2.6 MB and ~55,000 structs in one step 2.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, pastedPages(600, 'offline'));
    const stepTwo = Y.encodeStateAsUpdate(offline);
    expect(stepTwo.length).toBeGreaterThan(2 * 1024 * 1024);

    const { provider, sockets, closes } = browserClient(docId, offline, server.cookie);
    provider.connect();
    await waitFor(
      () =>
        sockets.length > 0 &&
        sockets[0]!.sentUpdates > 1 &&
        sockets[0]!.ackedUpdates === sockets[0]!.sentUpdates,
      () => `acked ${sockets[0]?.ackedUpdates} of ${sockets[0]?.sentUpdates}; closes ${closes.join(',')}`,
      30_000,
    );
    const socket = sockets[0]!;
    expect(closes).toEqual([]);
    expect(sockets).toHaveLength(1);
    expect(socket.sentUpdates).toBeGreaterThanOrEqual(Math.ceil(stepTwo.length / MAX_UPDATE_PIECE_BYTES));
    expect(socket.stepTwoSentAt).toBe(socket.sentUpdates);

    // Someone who opens the document afterwards gets all of it.
    const reader = await raws.open(docId);
    await reader.roundTrip(30_000);
    const stored = new Y.Doc();
    for (const frame of reader.frames.filter(isDocumentUpdateFrame))
      Y.applyUpdate(stored, updateOfFrame(frame));
    expect(stored.getXmlFragment('offline').toString()).toBe(offline.getXmlFragment('offline').toString());
  });
});
