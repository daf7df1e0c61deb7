import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';
import pg from 'pg';
import { installProbe } from './probe';

// One Hocuspocus 4 instance of a cluster, scaled out as its documentation says: the Redis extension
// relays updates and awareness between instances (it persists nothing), the Database extension
// stores documents — here in PostgreSQL, one database that every instance shares, so a document
// stored by one instance loads on another (the Redis extension's lock lets one instance store a
// document at a time). Default settings otherwise: store debounced 2 s / at most 10 s.
installProbe();
const redisUrl = new URL(required('BENCH_REDIS_URL'));
const pool = new pg.Pool({ connectionString: required('BENCH_HOCUSPOCUS_DATABASE_URL'), max: 4 });
// Instances start one after another, so this never races another instance's CREATE.
await pool.query('CREATE TABLE IF NOT EXISTS documents (name text PRIMARY KEY, data bytea NOT NULL)');

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [
    new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port) }),
    new Database({
      fetch: async ({ documentName }) => {
        const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM documents WHERE name = $1', [
          documentName,
        ]);
        return rows[0] ? new Uint8Array(rows[0].data) : null;
      },
      store: async ({ documentName, state }) => {
        await pool.query(
          'INSERT INTO documents (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data',
          [documentName, state],
        );
      },
    }),
  ],
  async onDestroy() {
    await pool.end();
  },
});
await server.listen();
process.stdout.write(`LISTENING http://127.0.0.1:${server.address.port}\n`);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
