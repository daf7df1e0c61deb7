import { installProbe } from './probe';

// The real server exactly as `npm start` serves it (server/cli/serve.ts), plus the shared probe.
// bench/run.ts bundles this file the way `npm start` bundles the server and runs it without tsx.
// Settings come from the environment (PORT, HOST, DATA_DIR, LOG_LEVEL; see server/env.ts).
installProbe();
const { serveUntilSignal } = await import('../../server/cli/serve');
await serveUntilSignal();
