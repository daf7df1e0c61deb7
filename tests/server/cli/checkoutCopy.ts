import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_DIST } from '../../../server/app';
import { REPO_ROOT, startChildServer } from '../../support/server';

/** What `npm start` reads of a checkout; node_modules is linked, not copied. */
const PARTS = [
  'client',
  'server',
  'shared',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vite.config.ts',
];

/**
 * A copy of this checkout's sources in a temp dir, for a test that edits sources and rebuilds
 * without touching the checkout other tests run from. Timestamps are kept and the built client is
 * copied along, so the copy's client counts as fresh: only a rebuild the test causes runs vite.
 */
export function copyCheckout(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-checkout-'));
  const options = { recursive: true, preserveTimestamps: true };
  for (const part of PARTS) fs.cpSync(path.join(REPO_ROOT, part), path.join(copy, part), options);
  fs.cpSync(CLIENT_DIST, path.join(copy, 'dist/client'), options);
  fs.symlinkSync(fs.realpathSync(path.join(REPO_ROOT, 'node_modules')), path.join(copy, 'node_modules'));
  return copy;
}

/** The `npm start` script of `checkout` split into its commands: the build steps, then the server. */
export function startScript(checkout: string): { build: string[][]; serve: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.join(checkout, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const commands = pkg.scripts.start.split(' && ').map((command) => {
    const [program, ...args] = command.trim().split(/\s+/);
    if (program !== 'node') throw new Error(`npm start runs ${program}; this helper runs node commands only`);
    return args;
  });
  return { build: commands.slice(0, -1), serve: commands.at(-1)! };
}

/** Runs the build steps of `npm start` in `checkout`; resolves with their stderr (the build log). */
export async function runBuildSteps(checkout: string): Promise<string> {
  let log = '';
  for (const args of startScript(checkout).build) {
    const child = spawn(process.execPath, args, {
      cwd: checkout,
      env: { ...process.env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${log}`);
  }
  return log;
}

/** A server started with the last command of `npm start`. */
export interface Instance {
  url: string;
  pid: number;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the server as `npm start` does after building, on PORT=0 with its own DATA_DIR. */
export async function startInstance(checkout: string, dataDir: string): Promise<Instance> {
  const child = await startChildServer(dataDir, {}, { args: startScript(checkout).serve, cwd: checkout });
  return {
    url: child.url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      return (await child.exited).code;
    },
  };
}
