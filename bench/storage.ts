/**
 * Storage-level write throughput: Werkplaats' own UpdateWriter (group commit) and DocStorage on a
 * real SQLite file with the server's pragmas, without sockets. `batch` updates are enqueued per
 * event-loop turn (what a burst of frames in one turn looks like); prints `RESULT {json}`.
 *   node --import tsx bench/storage.ts <dataDir> <updates>
 */
import * as Y from 'yjs';
import { openDatabase } from '../server/db/connection';
import { UpdateWriter, syncCommitter } from '../server/collab/writer';
import { createDocStorage } from '../server/stores/docStorage';
import { setLogLevel } from '../server/log';

const [dir, countArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: storage.ts <dataDir> <updates>');
const total = Number(countArg ?? 20_000);
setLogLevel('error');
const db = openDatabase(dir);
const storage = createDocStorage(db);
const docId = '00000000-0000-4000-8000-000000000001';
db.prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
  docId,
  'bench',
  Date.now(),
  Date.now(),
);

// Small real updates: one typed character each.
const doc = new Y.Doc();
doc.clientID = 9;
const updates: Uint8Array[] = [];
doc.on('update', (update: Uint8Array) => updates.push(update));
const text = doc.getText('bench');
for (let i = 0; i < total; i++) text.insert(text.length, 'x');

const results: Record<string, number> = {};
for (const batch of [1, 10, 100, 1000]) {
  let committed = 0;
  const writer = new UpdateWriter(syncCommitter(storage), (written) => {
    committed += written.length;
  });
  const count = batch === 1 ? Math.min(total, 2000) : total;
  const started = performance.now();
  for (let i = 0; i < count; i += batch) {
    for (const update of updates.slice(i, i + batch)) {
      writer.enqueue({ docId, update, origin: null, ackCount: 0 });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writer.whenIdle();
  const seconds = (performance.now() - started) / 1000;
  results[`batch${batch}`] = Math.round(committed / seconds);
}
db.close();
process.stdout.write(`RESULT ${JSON.stringify({ ...results, updates: total, unit: 'updates/s' })}\n`);
