import { buildClientIfNeeded } from './build';
import { serveUntilSignal } from './serve';

// `npm start`: build the client if needed, then serve UI + API + WebSocket.
await buildClientIfNeeded();
await serveUntilSignal();
