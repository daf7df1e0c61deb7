import path from 'node:path';
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { dataDir, installProbe } from './probe';

// Hocuspocus with its SQLite extension on a file database, default settings otherwise
// (store debounced 2 s / at most 10 s, broadcasts batched per tick).
installProbe();
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [new SQLite({ database: path.join(dataDir(), 'hocuspocus.sqlite') })],
});
await server.listen();
process.stdout.write(`LISTENING http://127.0.0.1:${server.address.port}\n`);
