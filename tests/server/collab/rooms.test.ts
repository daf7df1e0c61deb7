import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  clusterForFile,
  documentsOf,
  ENGINES,
  engineSettings,
  openStoredDocuments,
  sqliteFileExists,
  type StoredDocuments,
} from '../../support/collabEngines';
import { startTestServer, type TestServer } from '../../support/server';
import {
  connectSynced,
  docContent,
  sectionFragment,
  sectionIds,
  seededRandom,
  stateVector,
  waitFor,
  waitForAllAcked,
  type TestClient,
} from '../../support/yclient';

const COMPACT_EVERY = 20;
const CHUNKS = 30;
const UPDATES_PER_CHUNK = 10;

const cluster = clusterForFile();

/** One update: an insert, sometimes a deletion, sometimes formatting, in a Y.Text and a section. */
function edit(doc: Y.Doc, paragraph: Y.XmlText, random: () => number, step: number): void {
  const notes = doc.getText('notes');
  const pick = (length: number) => Math.floor(random() * length);
  doc.transact(() => {
    notes.insert(pick(notes.length + 1), `${step} `);
    paragraph.insert(pick(paragraph.length + 1), `w${step} `);
    if (step % 3 === 0 && notes.length > 6) notes.delete(pick(notes.length - 4), 3);
    if (step % 4 === 0 && paragraph.length > 6) paragraph.delete(pick(paragraph.length - 4), 3);
    if (step % 5 === 0 && notes.length > 6) notes.format(pick(notes.length - 4), 4, { bold: true });
    if (step % 7 === 0 && paragraph.length > 6)
      paragraph.format(pick(paragraph.length - 4), 4, { italic: true });
    if (step % 11 === 0 && notes.length > 6) notes.format(pick(notes.length - 4), 4, { bold: null });
  });
}

describe.each(ENGINES)('compaction on %s', (engine) => {
  let server: TestServer;
  let clients: TestClient[];
  /** The server's documents, read through a connection of its own. */
  let stored: StoredDocuments;

  beforeEach(async () => {
    server = await startTestServer({
      COMPACT_EVERY: String(COMPACT_EVERY),
      ...(await engineSettings(engine, cluster)),
    });
    stored = await openStoredDocuments(documentsOf(server));
    clients = [];
  });

  afterEach(async () => {
    for (const client of clients) client.destroy();
    await stored.close();
    await server.close();
  });

  const readState = async (docId: string) => (await stored.storage.read(docId)).state;
  const countLogRows = (docId: string) => stored.logRows(docId);

  it('replaces the update log with one state row, without changing the document', async () => {
    const docId = await server.createDocument();
    const initialState = await readState(docId);
    const writer = await connectSynced(server.wsUrl, docId, { durable: true, cookie: server.cookie });
    clients.push(writer);
    const paragraph = new Y.XmlText('');
    writer.doc.transact(() => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [paragraph]);
      sectionFragment(writer.doc, sectionIds(writer.doc)[0]!).insert(0, [element]);
    });

    const random = seededRandom(5);
    const rowCounts: number[] = [];
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      for (let i = 0; i < UPDATES_PER_CHUNK; i++)
        edit(writer.doc, paragraph, random, chunk * UPDATES_PER_CHUNK + i);
      await waitForAllAcked(writer);
      rowCounts.push(await countLogRows(docId));
    }
    const updatesSent = writer.socket.sentUpdates.length;
    expect(updatesSent).toBeGreaterThan(CHUNKS * UPDATES_PER_CHUNK);

    // The log shrank while the document stayed open, and never grew far past the threshold.
    expect(
      rowCounts.some((count, index) => index > 0 && count < rowCounts[index - 1]!),
      rowCounts.join(','),
    ).toBe(true);
    expect(Math.max(...rowCounts)).toBeLessThan(COMPACT_EVERY + 3 * UPDATES_PER_CHUNK);
    expect(await readState(docId)).not.toEqual(initialState);

    const expected = docContent(writer.doc, ['notes']);
    const expectedVector = stateVector(writer.doc);
    // The edits were real: formatting and deletions are in the document.
    expect(JSON.stringify(expected)).toContain('bold');
    expect(JSON.stringify(expected)).toContain('<italic>');

    // What is stored (state row + remaining log) is the same document.
    const doc = await stored.doc(docId);
    expect(docContent(doc, ['notes'])).toEqual(expected);
    expect(stateVector(doc)).toEqual(expectedVector);
    doc.destroy();

    // A fresh client gets the same document.
    const fresh = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(fresh);
    expect(docContent(fresh.doc, ['notes'])).toEqual(expected);
    expect(stateVector(fresh.doc)).toEqual(expectedVector);

    // When the last client leaves, the rest of the log is compacted away.
    for (const client of clients.splice(0)) client.destroy();
    let rows = -1;
    await waitFor(
      async () => (rows = await countLogRows(docId)) === 0,
      () => `log rows after unload: ${rows}`,
    );

    // And after a restart the document is still the same.
    await server.restart();
    const afterRestart = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(afterRestart);
    expect(docContent(afterRestart.doc, ['notes'])).toEqual(expected);
    expect(stateVector(afterRestart.doc)).toEqual(expectedVector);
    // On PostgreSQL nothing at all went to SQLite.
    expect(sqliteFileExists(server.dataDir)).toBe(engine === 'sqlite');
  });
});
