import './nodeGuard';
import { serveUntilSignal } from './serve';

// The entry of the server bundle (`npm run serve`, and `npm start` after building): serves UI + API +
// WebSocket. It builds nothing: the build steps need the sources and devDependencies (vite), which a
// production install has neither of.
await serveUntilSignal();
