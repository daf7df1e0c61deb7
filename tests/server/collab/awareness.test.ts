import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageType } from '../../../shared/collab/messages';
import { colorForUser } from '../../../shared/domain/colors';
import { connectRaw, type RawClient } from '../../support/rawclient';
import { startTestServer, type TestOwner, type TestServer, type TestUser } from '../../support/server';
import { connectSynced, waitFor, type TestClient } from '../../support/yclient';

let server: TestServer;
let owner: TestOwner;
let editor: TestUser;
let viewer: TestUser;
let docId: string;
let clients: TestClient[] = [];
let raws: RawClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  [editor, viewer] = await Promise.all([server.signUp('Eva Bewerker'), server.signUp('Vera Lezer')]);
  await server.addMember(owner, owner.teamId, editor, 'editor');
  await server.addMember(owner, owner.teamId, viewer, 'viewer');
  docId = await server.createDocument();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  for (const client of clients) client.destroy();
  for (const raw of raws) raw.terminate();
  clients = [];
  raws = [];
});

async function join(user: { cookie: string }, clientID: number): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, docId, { clientID, cookie: user.cookie });
  clients.push(client);
  return client;
}

/** An awareness frame `[1, varUint8Array update]` with hand-written entries (state null = removal). */
function awarenessFrame(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, JSON.stringify(entry.state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

describe('awareness identity', () => {
  it('replaces the name and colour a client claims with those of its session', async () => {
    const eva = await join(editor, 5101);
    const watcher = await join(owner, 5102);
    eva.provider.awareness.setLocalState({
      user: { name: 'De Directeur', color: '#000000', id: owner.id },
      cursor: { section: 'a', anchor: 3 },
    });

    await waitFor(
      () => watcher.provider.awareness.getStates().get(5101)?.cursor !== undefined,
      'the watcher never saw eva’s presence',
    );
    expect(watcher.provider.awareness.getStates().get(5101)).toEqual({
      user: { name: 'Eva Bewerker', color: colorForUser(editor.id), id: editor.id },
      // Everything else in the state passes unchanged.
      cursor: { section: 'a', anchor: 3 },
    });
  });

  it('a client cannot take over, change or remove another client’s presence', async () => {
    const alice = await join(owner, 5201);
    const watcher = await join(editor, 5202);
    alice.provider.awareness.setLocalState({ cursor: 'van alice' });
    await waitFor(() => watcher.provider.awareness.getStates().has(5201), 'the watcher never saw alice');
    const aliceState = watcher.provider.awareness.getStates().get(5201);
    expect(aliceState).toMatchObject({ user: { name: owner.name } });

    // A viewer (read-only for the document, but presence is allowed) sends alice's client id with a
    // far newer clock: first a changed state, then a removal. Its own client id comes last, as the
    // marker that the server has handled the whole frame.
    const intruder = connectRaw(server.wsUrl, docId, { cookie: viewer.cookie });
    raws.push(intruder);
    await intruder.opened;
    intruder.send(
      awarenessFrame([
        { clientId: 5201, clock: 1000, state: { cursor: 'gekaapt', user: { name: 'Alice' } } },
        { clientId: 5201, clock: 1001, state: null },
        { clientId: 5299, clock: 1, state: { cursor: 'van de indringer' } },
      ]),
    );
    await waitFor(
      () => watcher.provider.awareness.getStates().has(5299),
      'the intruder’s own presence never arrived',
    );

    expect(watcher.provider.awareness.getStates().get(5201)).toEqual(aliceState);
    expect(watcher.provider.awareness.getStates().get(5299)).toEqual({
      cursor: 'van de indringer',
      user: { name: 'Vera Lezer', color: colorForUser(viewer.id), id: viewer.id },
    });

    // When the intruder leaves, only its own presence goes; alice's stays.
    intruder.terminate();
    await waitFor(() => !watcher.provider.awareness.getStates().has(5299), 'the intruder’s presence stayed');
    expect(watcher.provider.awareness.getStates().get(5201)).toEqual(aliceState);
  });
});

describe('presence frame rate', () => {
  it('relays at most a burst of a flood of presence frames from one reader; the socket stays and later frames pass', async () => {
    const watcher = connectRaw(server.wsUrl, docId, { cookie: owner.cookie });
    const flooder = connectRaw(server.wsUrl, docId, { cookie: viewer.cookie });
    raws.push(watcher, flooder);
    await Promise.all([watcher.opened, flooder.opened]);
    await watcher.roundTrip();
    const relayed = () => watcher.receivedTypes.filter((type) => type === MessageType.awareness).length;
    const before = relayed();

    // 2,000 frames at once: the default bucket holds 240 (4 × MAX_PRESENCE_FRAMES_PER_SECOND).
    for (let clock = 1; clock <= 2000; clock++) {
      flooder.send(awarenessFrame([{ clientId: 6101, clock, state: { cursor: clock } }]));
    }
    await flooder.roundTrip();
    await watcher.roundTrip();
    const burst = relayed() - before;
    expect(burst).toBeGreaterThanOrEqual(240);
    expect(burst).toBeLessThan(300);
    expect(flooder.socket.readyState).toBe(flooder.socket.OPEN);

    // A second later the bucket has refilled: the next frame goes through.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    flooder.send(awarenessFrame([{ clientId: 6101, clock: 5000, state: { cursor: 'later' } }]));
    await waitFor(() => relayed() > before + burst, 'a frame after the flood was not relayed');
  });
});
