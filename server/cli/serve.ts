import './nodeGuard';
import { startServer } from '../index';
import { log } from '../log';

/** Runs the server until SIGINT/SIGTERM, then shuts down cleanly and exits 0. */
export async function serveUntilSignal(): Promise<void> {
  logCrashes();
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
  stopWhenNpmStops(stop);
}

/** The npm scripts that run the server in a shell of their own. */
const NPM_SERVER_SCRIPTS = new Set(['start', 'serve']);

/**
 * A crash (an uncaught error, a start that failed) becomes one error line in the log's format,
 * written before the exit, instead of a bare stack a log stack cannot parse.
 */
function logCrashes(): void {
  process.on('uncaughtException', (error) => {
    log.error('crashed', { error: error.stack ?? String(error) });
    process.exit(1);
  });
}

/**
 * Under `npm start` and `npm run serve` a shell sits between npm and this process
 * (`sh -c "… && node …"`): told to stop, npm passes SIGTERM to that shell, which exits without
 * passing it on, and this process would run on, holding its port. So when the parent goes away,
 * stop as if signalled. Only under npm: a server started with nohup must outlive its shell.
 */
function stopWhenNpmStops(stop: (signal: string) => void): void {
  if (!NPM_SERVER_SCRIPTS.has(process.env.npm_lifecycle_event ?? '')) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop(`npm ${process.env.npm_lifecycle_event} ended`);
  }, 500);
  timer.unref();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serveUntilSignal();
}
