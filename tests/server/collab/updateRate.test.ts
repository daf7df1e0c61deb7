import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawClients } from '../../support/rawclient';
import { countLogRows, startTestServer, type TestServer } from '../../support/server';
import { waitFor } from '../../support/yclient';

/** MAX_UPDATES_PER_SECOND / MAX_UPDATES_BURST: a socket flooding updates is closed with 1013. */

let server: TestServer;
const raws = rawClients(() => server);

afterEach(async () => {
  raws.closeAll();
  await server.close();
});

const open = (docId: string) => raws.open(docId);

/** `count` one-letter edits of one client, each its own update (as typing sends them). */
function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, 'x');
  return updates;
}

describe('per-socket update rate', () => {
  it('a burst within MAX_UPDATES_BURST passes; a flood past it closes that socket (1013), the others stay', async () => {
    server = await startTestServer({ MAX_UPDATES_BURST: '300', MAX_UPDATES_PER_SECOND: '50' });
    const docId = await server.createDocument();
    const typist = await open(docId);
    for (const update of keystrokes(250)) typist.sendUpdate(update);
    await waitFor(
      () => typist.acked === 250,
      () => `acked ${typist.acked} of 250`,
    );

    const flood = await open(docId);
    for (const update of keystrokes(1_000)) flood.sendUpdate(update);
    expect((await flood.closed).code).toBe(1013);
    // What came within the burst was stored; nothing past it was.
    const rows = await countLogRows(server.dataDir, docId);
    expect(rows).toBeLessThanOrEqual(250 + 300 + 5);
    expect(typist.socket.readyState).toBe(typist.socket.OPEN);
  });
});
