import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_RICH_TEXT_DEPTH } from '../../../shared/editor/xmlTree';
import { rawClients } from '../../support/rawclient';
import { countLogRows, startTestServer, type TestServer } from '../../support/server';
import { pastedPages } from '../../support/fiftyPages';
import { waitFor } from '../../support/yclient';
import { MAX_DOCUMENT_TYPE_DEPTH } from '../../../server/collab/typeDepths';

/**
 * What one update may contain, checked while it is decoded and before anything is applied: a dense
 * update (900,000 one-letter insertions held the loop 2.4 s) or a deeply nested one (30,000 list
 * levels broke every recursive walk) closes its socket with 1009; nothing of it is stored.
 */

let server: TestServer;
const raws = rawClients(() => server);

afterEach(async () => {
  raws.closeAll();
  await server.close();
});

const open = (docId: string) => raws.open(docId);

/** One update of `count` one-letter insertions that Yjs cannot merge into runs. */
function dense(count: number): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  doc.transact(() => {
    for (let i = 0; i < count; i++) text.insert(0, 'x');
  });
  return Y.encodeStateAsUpdate(doc);
}

/** One update of `levels` nested elements in a fragment, text at the bottom. */
function deep(levels: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('body');
    for (let i = 0; i < levels; i++) {
      const child: Y.XmlElement = new Y.XmlElement(i % 2 ? 'listItem' : 'bulletList');
      parent.insert(0, [child]);
      parent = child;
    }
    parent.insert(0, [new Y.XmlText('diep')]);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('limits on one update', () => {
  it('a 50-page document pasted at once goes through the default limits in one frame', async () => {
    server = await startTestServer();
    const docId = await server.createDocument();
    const tab = await open(docId);
    const update = pastedPages(50, 'plak');
    expect(update.length).toBeGreaterThan(150_000);
    expect(Y.decodeUpdate(update).structs.length).toBeGreaterThan(4_000);
    tab.sendUpdate(update);
    await waitFor(() => tab.acked === 1, 'the paste was not acked');
    expect(server.running.deps.rooms.peek(docId)!.doc.getXmlFragment('plak').length).toBe(50 * 8);
  });

  it('an update with more structs than MAX_STRUCTS_PER_UPDATE closes its socket (1009); others edit on', async () => {
    server = await startTestServer({ MAX_STRUCTS_PER_UPDATE: '5000' });
    const docId = await server.createDocument();
    const honest = await open(docId);
    const hostile = await open(docId);
    hostile.sendUpdate(dense(6_000));
    expect((await hostile.closed).code).toBe(1009);
    expect(await countLogRows(server.dataDir, docId)).toBe(0);
    honest.sendUpdate(dense(4_000));
    await waitFor(() => honest.acked === 1, 'the honest update was not acked');
    expect(server.running.deps.rooms.peek(docId)!.doc.getText('t').length).toBe(4_000);
  });

  it(`nesting deeper than ${MAX_RICH_TEXT_DEPTH} element levels closes its socket (1009); ${MAX_RICH_TEXT_DEPTH} levels pass`, async () => {
    server = await startTestServer();
    const docId = await server.createDocument();
    const honest = await open(docId);
    honest.sendUpdate(deep(MAX_RICH_TEXT_DEPTH));
    await waitFor(() => honest.acked === 1, 'the 100-level update was not acked');
    const hostile = await open(docId);
    hostile.sendUpdate(deep(2_000));
    expect((await hostile.closed).code).toBe(1009);
    expect(await countLogRows(server.dataDir, docId)).toBe(1);
    expect(honest.socket.readyState).toBe(honest.socket.OPEN);
  });
});

/** The deepest element under `fragment` (following first children). */
function deepest(fragment: Y.XmlFragment): Y.XmlFragment | Y.XmlElement {
  let parent: Y.XmlFragment | Y.XmlElement = fragment;
  for (;;) {
    const child: Y.XmlElement | Y.XmlText | undefined = parent.get(0);
    if (!(child instanceof Y.XmlElement)) return parent;
    parent = child;
  }
}

/** `levels` more nested elements inside the deepest one of `doc`'s body: the update that adds them. */
function nestDeeper(doc: Y.Doc, levels: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    let parent = deepest(doc.getXmlFragment('body'));
    for (let i = 0; i < levels; i++) {
      const child: Y.XmlElement = new Y.XmlElement(i % 2 ? 'listItem' : 'bulletList');
      parent.insert(0, [child]);
      parent = child;
    }
  });
  return Y.encodeStateAsUpdate(doc, before);
}

describe('nesting in the whole document', () => {
  it(`updates that each nest within the limit but together pass ${MAX_DOCUMENT_TYPE_DEPTH} levels are refused (1009), also while the first is still being stored`, async () => {
    server = await startTestServer();
    const docId = await server.createDocument();
    const tab = await open(docId);
    const doc = new Y.Doc();
    tab.sendUpdate(nestDeeper(doc, 60));
    await waitFor(() => tab.acked === 1, 'the first 60 levels were not acked');
    // The second update lands in the first's innermost element: 110 levels in all, allowed.
    tab.sendUpdate(nestDeeper(doc, 50));
    await waitFor(() => tab.acked === 2, 'levels 61–110 were not acked');

    // Two more, sent at once: the second builds on the first before that one is committed.
    const hostile = await open(docId);
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(doc));
    hostile.sendUpdate(nestDeeper(attacker, MAX_DOCUMENT_TYPE_DEPTH - 110));
    hostile.sendUpdate(nestDeeper(attacker, 1));
    expect((await hostile.closed).code).toBe(1009);
    // The first of the two is stored (its commit may end after the close); the second never is.
    await waitFor(
      async () => (await countLogRows(server.dataDir, docId)) === 3,
      'the 8 levels were not stored',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await countLogRows(server.dataDir, docId)).toBe(3);
    expect(tab.socket.readyState).toBe(tab.socket.OPEN);
  });
});
