import { spawn } from 'node:child_process';
import { waitFor } from '../../support/yclient';

/**
 * This process's environment without what an outer npm (`npm test`) put there for its own script
 * (its package, lifecycle event, local prefix), so the npm started here sees only `cwd`'s project,
 * as in an operator's shell. Where packages come from (cache, registry, user config) stays.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_(?!config_(cache|registry|userconfig)$)/i.test(key)),
  );
}

/** A finished npm command: its exit code, output and how long it took. */
export interface NpmResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs `npm <args>` in `cwd` with `env` added; resolves when it exits (whatever the code). */
export async function npm(cwd: string, args: string[], env: Record<string, string> = {}): Promise<NpmResult> {
  const started = performance.now();
  const child = spawn('npm', args, {
    cwd,
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output, ms: performance.now() - started };
}

/** A server started with `npm run serve`. */
export interface NpmServer {
  url: string;
  /** Everything npm and the server printed so far. */
  output(): string;
  /** SIGTERM to npm, as a supervisor that knows only npm's pid sends it; resolves once the server stopped. */
  stop(): Promise<void>;
  /** SIGKILL to npm, its shell and the server (their process group): cleanup after a failed test. */
  kill(): void;
}

/** `npm run serve` in `cwd` on a free port with `dataDir`; resolves once it prints `LISTENING <url>`. */
export async function npmServe(cwd: string, dataDir: string): Promise<NpmServer> {
  const child = spawn('npm', ['run', 'serve'], {
    cwd,
    env: { ...cleanEnv(), HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own: a server that outlives npm can still be found and ended.
    detached: true,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let exited = false;
  child.once('exit', () => (exited = true));
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The whole group has exited already.
    }
  };
  await waitFor(
    () => /^LISTENING /m.test(output) || exited,
    () => `npm run serve printed no LISTENING line:\n${output}`,
    60_000,
  ).catch((error: unknown) => {
    killGroup();
    throw error;
  });
  const url = /^LISTENING (\S+)$/m.exec(output)?.[1];
  if (!url) throw new Error(`npm run serve ended before listening:\n${output}`);
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      // The pipes outlive npm's shell: the server's own line says it closed the database.
      await waitFor(
        () => output.includes('werkplaats stopped'),
        () => `no clean stop:\n${output.slice(-2000)}`,
        20_000,
      );
    },
    kill: killGroup,
  };
}
