import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A redis-server of the test's own on 127.0.0.1, without persistence, in a temporary directory. */
export interface ThrowawayRedis {
  port: number;
  url: string;
  /** Stops the server (SIGTERM) and waits until it has exited; start() brings one back on the same port. */
  stop(): Promise<void>;
  /** Starts it again after stop(), empty (nothing is persisted). */
  start(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers — a hung Redis. */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Stops it and removes its directory. */
  remove(): Promise<void>;
}

const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 10_000;

/** Starts redis-server (`REDIS_SERVER`, else the one on PATH) on a free loopback port. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;
  // Another process may take the free port between asking and binding: try a few.
  for (let attempt = 0; !child; attempt++) {
    port = await freePort();
    try {
      child = await launch(dir, port);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  // A test process that dies must not leave its server running.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGCONT');
    running.kill('SIGTERM');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start: async () => {
      if (!child) child = await launch(dir, port);
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    remove: async () => {
      await stop();
      process.removeListener('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function launch(dir: string, port: number): Promise<ChildProcess> {
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'];
  const child = spawn(process.env.REDIS_SERVER ?? 'redis-server', [...args, '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`redis-server on port ${port} ${reason}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.on('error', (error) =>
      fail(`could not start (${error.message}); install Debian's redis-server or set REDIS_SERVER`),
    );
    child.on('exit', (code) => fail(`exited with ${code}`));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!READY.test(output)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve(child);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
