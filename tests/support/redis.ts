import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

/** A throwaway redis-server on 127.0.0.1 (see startRedis). */
export interface TestRedis {
  /** `redis://127.0.0.1:PORT`: what REDIS_URL gets. */
  readonly url: string;
  readonly port: number;
  /** The server process' id (it changes with restart()). */
  readonly pid: number;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
  /** SIGKILLs the server (a crash); restart() brings it back on the same port. */
  kill(): Promise<void>;
  /** Starts the server again on the same port (after kill(); kills it first when it still runs). */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a hung Redis); resume() undoes it. */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Disconnects every pub/sub client (`CLIENT KILL TYPE pubsub`); answers how many. */
  killPubSubClients(): Promise<number>;
  /** Sends one command and answers its first reply line (`+PONG`, `:2`, `-ERR …`). */
  command(...args: string[]): Promise<string>;
}

const BIN_DIRS = ['/usr/bin', '/usr/local/bin'];
const READY_TIMEOUT_MS = 10_000;

/** The redis-server binary: on PATH, else in /usr/bin or /usr/local/bin. */
export function findRedisServer(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...BIN_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'redis-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  throw new Error(
    'redis-server not found on PATH or in /usr/bin: install Debian’s redis-server (.ci/run does)',
  );
}

/**
 * Starts redis-server on 127.0.0.1 and a free port, without persistence (no RDB, no AOF: a restart
 * starts empty, as a crashed cache would) and in a temp dir of its own; resolves once it answers PING.
 */
export async function startRedis(): Promise<TestRedis> {
  const bin = findRedisServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-redis-'));
  let child: ChildProcess | undefined;
  let port = 0;

  const launch = async (): Promise<void> => {
    const started = spawn(
      bin,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--daemonize',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    live.add(started);
    let output = '';
    started.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    started.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    started.once('exit', () => live.delete(started));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (started.exitCode !== null || started.signalCode !== null)
        throw new Error(`redis-server exited before answering PING:\n${output}`);
      const reply = await sendCommand(port, ['PING']).catch(() => '');
      if (reply === '+PONG') return;
      if (Date.now() > deadline) {
        started.kill('SIGKILL');
        throw new Error(`redis-server did not answer PING within ${READY_TIMEOUT_MS} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const kill = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // A paused server dies of SIGKILL too; SIGCONT first so its exit is reported at once.
    running.kill('SIGCONT');
    running.kill('SIGKILL');
    await exited;
  };

  // Another process may take the port between the probe and redis' bind: try a new one.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      await kill();
      if (attempt === 3 || !/Address already in use/i.test(String(error))) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child!.pid!;
    },
    stop: async () => {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    kill,
    restart: async () => {
      await kill();
      await launch();
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    killPubSubClients: async () => {
      const reply = await sendCommand(port, ['CLIENT', 'KILL', 'TYPE', 'pubsub']);
      if (!reply.startsWith(':')) throw new Error(`CLIENT KILL TYPE pubsub answered ${reply}`);
      return Number(reply.slice(1));
    },
    command: (...args) => sendCommand(port, args),
  };
}

/** Sends one command in RESP and resolves with the first line of the reply. */
function sendCommand(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setEncoding('utf8');
    socket.setTimeout(2_000, () => socket.destroy(new Error('redis command timed out')));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(
        `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`,
      );
    });
    socket.on('data', (chunk: string) => {
      reply += chunk;
      const end = reply.indexOf('\r\n');
      if (end < 0) return;
      socket.end();
      resolve(reply.slice(0, end));
    });
    socket.once('close', () => reject(new Error('redis closed the connection without a reply')));
  });
}

/** Servers of this process still running: killed when the process exits, whatever ends it. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
