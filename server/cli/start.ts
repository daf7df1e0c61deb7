import './nodeGuard';
import { buildClientIfNeeded } from './build';
import { serveUntilSignal } from './serve';

// `npm start` runs this file bundled (server/cli/bundle.ts, which builds the client first): build the
// client if it is still needed, then serve UI + API + WebSocket.
await buildClientIfNeeded();
await serveUntilSignal();
