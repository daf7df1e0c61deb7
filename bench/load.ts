/**
 * The client load generator: one process, started by bench/run.ts for one scenario against one
 * server. Readers are lightweight raw sockets (lib0 encoding, no Y.Doc); writers are real providers
 * (y-websocket's WebsocketProvider, or HocuspocusProvider for Hocuspocus) with fixed clientIDs.
 * Prints `PHASE start` / `PHASE end` around the measured window and one `RESULT {json}` line.
 */
import { result, params } from './load/context';
import { clusterDurable } from './load/cluster';
import { coldload, coldseed, durable, fanout, memory } from './load/modes';
import { saturation } from './load/saturation';
import { versions } from './load/versions';

// Every provider adds an exit listener; hundreds of writers are expected here.
process.setMaxListeners(0);

const modes = { fanout, saturation, memory, coldseed, coldload, durable, versions, clusterDurable };
const timeout = setTimeout(() => {
  result({ error: 'load process timed out' });
  process.exit(2);
}, 180_000);
try {
  result(await modes[params.mode]());
} catch (error) {
  result({ error: error instanceof Error ? error.message : String(error) });
}
clearTimeout(timeout);
process.exit(0);
