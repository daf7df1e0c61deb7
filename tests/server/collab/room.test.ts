import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../../support/server';
import {
  connectSynced,
  docContent,
  nextTurn,
  sectionFragment,
  sectionIds,
  seededRandom,
  stateVector,
  waitFor,
  type TestClient,
} from '../../support/yclient';

let server: TestServer;
let clients: TestClient[];

beforeEach(async () => {
  server = await startTestServer();
  clients = [];
});

afterEach(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

async function join(docId: string, clientID: number): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, docId, { clientID, cookie: server.cookie });
  clients.push(client);
  return client;
}

/** Inserts a few characters at a random spot of a random paragraph, sometimes deletes some. */
function randomEdit(doc: Y.Doc, sectionId: string, random: () => number, label: string): void {
  const paragraphs = sectionFragment(doc, sectionId).toArray() as Y.XmlElement[];
  const paragraph = paragraphs[Math.floor(random() * paragraphs.length)];
  const text = paragraph?.firstChild as Y.XmlText | null | undefined;
  const shared = doc.getText('shared');
  doc.transact(() => {
    if (text) text.insert(Math.floor(random() * (text.length + 1)), label);
    shared.insert(Math.floor(random() * (shared.length + 1)), label);
    if (random() < 0.2 && shared.length > 4) shared.delete(Math.floor(random() * (shared.length - 2)), 2);
  });
}

describe('sync between providers', () => {
  it('converges after hundreds of interleaved concurrent edits, and a late joiner gets the full state', async () => {
    const docId = await server.createDocument({ title: 'Convergentie' });
    const alice = await join(docId, 1001);
    const bob = await join(docId, 1002);
    const sectionId = sectionIds(alice.doc)[0];
    expect(sectionId).toBeDefined();

    // Three paragraphs both sides edit inside (plus the empty one every new section starts with).
    alice.doc.transact(() => {
      const paragraphs = [0, 1, 2].map(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('')]);
        return paragraph;
      });
      sectionFragment(alice.doc, sectionId!).insert(0, paragraphs);
    });
    await waitFor(() => sectionFragment(bob.doc, sectionId!).length === 4, 'bob never saw the paragraphs');

    const randomA = seededRandom(1);
    const randomB = seededRandom(2);
    for (let op = 0; op < 300; op++) {
      randomEdit(alice.doc, sectionId!, randomA, 'a');
      randomEdit(bob.doc, sectionId!, randomB, 'b');
      // Let the network interleave: some edits cross in flight, some arrive before the next one.
      if (op % 7 === 0) await nextTurn();
    }

    await waitFor(
      () => JSON.stringify(stateVector(alice.doc)) === JSON.stringify(stateVector(bob.doc)),
      () =>
        `state vectors differ: ${JSON.stringify(stateVector(alice.doc))} vs ${JSON.stringify(stateVector(bob.doc))}`,
    );
    expect(docContent(bob.doc, ['shared'])).toEqual(docContent(alice.doc, ['shared']));
    // Both sides' edits really are in there (the convergence is not of two empty docs).
    const shared = alice.doc.getText('shared').toString();
    expect(shared).toMatch(/a/);
    expect(shared).toMatch(/b/);
    expect(stateVector(alice.doc)['1001']).toBeGreaterThanOrEqual(300);
    expect(stateVector(alice.doc)['1002']).toBeGreaterThanOrEqual(300);

    const carol = await join(docId, 1003);
    expect(stateVector(carol.doc)).toEqual(stateVector(alice.doc));
    expect(docContent(carol.doc, ['shared'])).toEqual(docContent(alice.doc, ['shared']));
  });
});

describe('awareness', () => {
  it('removes the presence of a client whose socket drops without a goodbye', async () => {
    const docId = await server.createDocument();
    const alice = await join(docId, 2001);
    const bob = await join(docId, 2002);
    const carol = await join(docId, 2003);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    await waitFor(
      () => carol.provider.awareness.getStates().has(2001) && carol.provider.awareness.getStates().has(2002),
      'carol never saw alice and bob',
    );

    // A crashed tab: the socket just dies, the client sends no "I left" awareness update.
    alice.provider.shouldConnect = false;
    alice.socket.terminate();

    await waitFor(() => !carol.provider.awareness.getStates().has(2001), 'carol still sees alice');
    await waitFor(() => !bob.provider.awareness.getStates().has(2001), 'bob still sees alice');
    // Only alice left: bob is still present for carol (named by the server after the session's user).
    const owner = await server.owner();
    expect(carol.provider.awareness.getStates().get(2002)).toEqual({
      user: { name: owner.name, color: expect.any(String), id: owner.id },
    });
  });

  it('removes the presence of a client that disconnects normally', async () => {
    const docId = await server.createDocument();
    const alice = await join(docId, 2101);
    const bob = await join(docId, 2102);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitFor(() => bob.provider.awareness.getStates().has(2101), 'bob never saw alice');

    alice.provider.disconnect();

    await waitFor(() => !bob.provider.awareness.getStates().has(2101), 'bob still sees alice');
  });
});
