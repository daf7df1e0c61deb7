import './nodeGuard';
import { startServer } from '../index';
import { log } from '../log';

/** Runs the server until SIGINT/SIGTERM, then shuts down cleanly and exits 0. */
export async function serveUntilSignal(): Promise<void> {
  const server = await startServer();
  // Machine-readable line for tests and scripts that start the server as a child process.
  process.stdout.write(`LISTENING ${server.url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serveUntilSignal();
}
