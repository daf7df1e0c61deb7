import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * `--cluster`: a throwaway redis-server for the run, on loopback and a free port, nothing persisted
 * (no RDB snapshots, no AOF), in its own temp dir. Every instance under test shares it; between runs
 * it is emptied with FLUSHALL, so no run sees another's keys.
 */

/** A running throwaway Redis. */
export interface BenchRedis {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  pid: number;
  /** Empties every database (between runs). */
  flushAll: () => Promise<void>;
  stop: () => Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** Starts redis-server on 127.0.0.1 and a free port; resolves once it answers PING. */
export async function startBenchRedis(): Promise<BenchRedis> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-bench-redis-'));
    const child = spawn(
      REDIS_SERVER,
      // Loopback only, nothing persisted: a bell, not a store.
      ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // The process may exit with the bench; never leave a server behind.
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    const stop = async () => {
      process.off('exit', kill);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    };
    if (await answers(port, exited)) {
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        pid: child.pid!,
        flushAll: async () => {
          const reply = await command(port, 'FLUSHALL');
          if (reply !== '+OK') throw new Error(`redis FLUSHALL: ${reply}`);
        },
        stop,
      };
    }
    await stop();
    // Another process may have taken the port between the probe and redis' bind: try a new one.
    if (attempt === 3) throw new Error(`redis-server did not start: ${stderr.trim() || 'no PONG'}`);
  }
}

/** Whether redis on `port` answers PING within 10 s (false once the process exited). */
async function answers(port: number, exited: Promise<void>): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 10_000;
  while (!gone && Date.now() < deadline) {
    if ((await command(port, 'PING').catch(() => '')) === '+PONG') return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** Sends one inline command; resolves with the first reply line. */
function command(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(5000, () => socket.destroy(new Error(`redis ${text}: timed out`)));
    socket.once('error', reject);
    socket.on('connect', () => socket.write(`${text}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.split('\r\n')[0]!);
      }
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
