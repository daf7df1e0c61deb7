import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countLogRows, startTestServer, type TestServer } from '../../support/server';
import {
  connectSynced,
  docContent,
  sectionFragment,
  sectionIds,
  sectionText,
  stateVector,
  waitForAllAcked,
  type TestClient,
} from '../../support/yclient';

let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  server = undefined;
});

describe('restart on the same DATA_DIR', () => {
  it('keeps the document intact across a clean shutdown, with the editor still connected', async () => {
    server = await startTestServer();
    const docId = await server.createDocument({ title: 'Voor de herstart', sections: ['Doel', 'Aanpak'] });
    const editor = await connectSynced(server.wsUrl, docId, { durable: true, cookie: server.cookie });
    clients.push(editor);
    const [first, second] = sectionIds(editor.doc);

    editor.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Hallo wereld')]);
      sectionFragment(editor.doc, first!).insert(0, [paragraph]);
      editor.doc.getMap('meta').set('title', 'Na de herstart');
    });
    for (let i = 0; i < 50; i++) editor.doc.getText('notes').insert(0, `${i} `);
    editor.doc.getText('notes').format(0, 10, { bold: true });
    editor.doc.getText('notes').delete(20, 15);
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Stap 1')]);
    sectionFragment(editor.doc, second!).insert(0, [heading]);
    await waitForAllAcked(editor);
    const before = docContent(editor.doc, ['notes']);
    const vectorBefore = stateVector(editor.doc);
    // A second document open at shutdown: every loaded room is compacted then.
    const otherId = await server.createDocument({ title: 'Ook open' });
    const other = await connectSynced(server.wsUrl, otherId, { durable: true, cookie: server.cookie });
    clients.push(other);
    other.doc.getText('notes').insert(0, 'nog een document');
    await waitForAllAcked(other);
    const otherBefore = docContent(other.doc, ['notes']);
    expect(await countLogRows(server.dataDir, docId)).toBeGreaterThan(0);
    expect(await countLogRows(server.dataDir, otherId)).toBeGreaterThan(0);

    await server.restart();

    // Shutdown compacted both logs into their state rows (nothing loaded them since).
    expect(await countLogRows(server.dataDir, docId)).toBe(0);
    expect(await countLogRows(server.dataDir, otherId)).toBe(0);
    const otherReader = await connectSynced(server.wsUrl, otherId, { cookie: server.cookie });
    clients.push(otherReader);
    expect(docContent(otherReader.doc, ['notes'])).toEqual(otherBefore);

    const reader = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(reader);
    // New sections start with one empty paragraph (seeded at creation).
    expect(sectionText(reader.doc, first!)).toBe(
      '<paragraph>Hallo wereld</paragraph><paragraph></paragraph>',
    );
    expect(docContent(reader.doc, ['notes'])).toEqual(before);
    expect(stateVector(reader.doc)).toEqual(vectorBefore);
    // The collaborative title was mirrored into the documents row on shutdown.
    // The session lives in the database, so the same cookie still signs in after the restart.
    const response = await server.request('GET', `/api/documents/${docId}`, { cookie: server.cookie });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { title: string }).title).toBe('Na de herstart');
  });
});
