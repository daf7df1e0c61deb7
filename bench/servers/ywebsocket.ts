import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WebSocketServer } from 'ws';
import type * as YType from 'yjs';
import { dataDir, installProbe } from './probe';

// y-websocket@2.1.0's reference server (bin/utils setupWSConnection) with a better-sqlite3
// persistence that appends every update as it happens and replays them on load.
installProbe();
const require = createRequire(import.meta.url);
// The reference server is CommonJS: use the CommonJS yjs too, or Yjs is loaded twice.
const Y = require('yjs') as typeof YType;
const utils = require('y-websocket-server-ref/bin/utils') as {
  setupWSConnection: (conn: unknown, req: http.IncomingMessage) => void;
  setPersistence: (persistence: unknown) => void;
};

const db = new Database(path.join(dataDir(), 'ywebsocket.sqlite'));
db.pragma('journal_mode = WAL');
// Left at better-sqlite3's default, as a y-websocket user would: on a WAL database that is
// synchronous=NORMAL in effect (no fsync per commit; DEFAULT_WAL_SYNCHRONOUS=1), although the
// pragma still reads 2 on this first connection. `BENCH_YWS_SYNCHRONOUS=FULL` makes every append
// fsync like Werkplaats' commits (a like-for-like experiment, docs/benchmarks.md Finding 15).
if (process.env.BENCH_YWS_SYNCHRONOUS) db.pragma(`synchronous = ${process.env.BENCH_YWS_SYNCHRONOUS}`);
db.exec('CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, data BLOB NOT NULL)');
db.exec('CREATE INDEX IF NOT EXISTS updates_by_doc ON updates (doc, id)');
const insert = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
const select = db.prepare('SELECT data FROM updates WHERE doc = ? ORDER BY id');

utils.setPersistence({
  provider: db,
  bindState: (name: string, doc: YType.Doc) => {
    for (const row of select.all(name) as Array<{ data: Buffer }>) Y.applyUpdate(doc, row.data);
    doc.on('update', (update: Uint8Array) => {
      insert.run(name, update);
    });
  },
  writeState: () => Promise.resolve(),
});

const server = http.createServer((_req, res) => {
  res.writeHead(200).end('ok');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (conn, req) => utils.setupWSConnection(conn, req));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`LISTENING http://127.0.0.1:${address.port}\n`);
});
const stop = () => {
  server.close();
  db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
