import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { cpuSeconds, machineCpu, treeCpu, treeCpuBetween } from '../../bench/run/cpu';
import { startRedis } from '../support/redis';

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the throwaway Redis of the tests and bench --cluster', () => {
  it('answers on loopback, keeps nothing on disk, empties on FLUSHALL and is gone after stop', async () => {
    const redis = await startRedis();
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      const config = await client.config('GET', 'save');
      expect(config).toEqual(['save', '']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
      await client.set('a', '1');
      await client.select(3);
      await client.set('b', '2');
      await redis.command('FLUSHALL');
      expect(await client.dbsize()).toBe(0);
      await client.select(0);
      expect(await client.dbsize()).toBe(0);
    } finally {
      client.disconnect();
      await redis.stop();
    }
    expect(await listening(redis.port)).toBe(false);
    expect(fs.existsSync(`/proc/${redis.pid}`)).toBe(false);
  });
});

describe('bench --cluster: CPU from /proc', () => {
  it("counts a process' children in its tree (PostgreSQL's backends), and the machine's busy time", async () => {
    // A shell whose child spins for at most 3 s; the shell itself only waits.
    const parent = spawn('sh', ['-c', "bash -c 'while [ $SECONDS -lt 3 ]; do :; done' & wait"], {
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise((resolve) => parent.once('exit', resolve));
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const pid = parent.pid!;
      const [before, own, machine] = [treeCpu(pid), cpuSeconds(pid), machineCpu()];
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(treeCpuBetween(before, treeCpu(pid))).toBeGreaterThan(0.3);
      expect(cpuSeconds(pid) - own).toBeLessThan(0.1);
      expect(machineCpu() - machine).toBeGreaterThan(0.3);
    } finally {
      process.kill(-parent.pid!, 'SIGKILL'); // the shell and its spinning child
      await exited;
    }
  });
});
