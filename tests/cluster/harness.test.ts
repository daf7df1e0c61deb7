import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoadBalancer, type LoadBalancer } from '../support/loadBalancer';
import { redisForFile } from '../support/redisForFile';

/**
 * The stand-ins the cluster tests rely on do what those tests assume: the balancer skips a backend
 * that is down, and Redis comes back on its port and can have its pub/sub clients cut.
 */

const redis = redisForFile();
const cleanup: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A TCP server that answers every connection with its name, then closes it. */
async function namedServer(name: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer((socket) => socket.end(name));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port: (server.address() as net.AddressInfo).port, close };
}

/** What one connection through the balancer reads before it closes. */
function readThrough(balancer: LoadBalancer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(balancer.port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('error', reject);
    socket.once('close', () => resolve(text));
  });
}

describe('the load balancer', () => {
  it('takes the backends in turn and skips one that refuses', async () => {
    const a = await namedServer('A');
    const b = await namedServer('B');
    const balancer = await startLoadBalancer([a.port, b.port]);
    cleanup.push(
      () => balancer.close(),
      () => b.close(),
    );
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) answers.push(await readThrough(balancer));
    expect(answers).toEqual(['A', 'B', 'A', 'B']);

    await a.close();
    answers.length = 0;
    for (let i = 0; i < 3; i++) answers.push(await readThrough(balancer));
    expect(answers).toEqual(['B', 'B', 'B']);

    balancer.setBackends([a.port]);
    expect(await readThrough(balancer)).toBe('');
  });
});

/** Opens a connection that subscribes to a channel; resolves once Redis confirmed it. */
function subscriber(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('*2\r\n$9\r\nSUBSCRIBE\r\n$1\r\nc\r\n'));
    socket.once('error', reject);
    socket.once('data', () => resolve(socket));
  });
}

describe('the throwaway Redis', () => {
  it('answers, cuts its pub/sub clients, and comes back empty on the same port after a kill', async () => {
    const server = await redis();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(await server.command('SET', 'k', 'v')).toBe('+OK');
    const listening = await subscriber(server.port);
    const cut = new Promise((resolve) => listening.once('close', resolve));
    expect(await server.killPubSubClients()).toBe(1);
    await cut;

    await server.kill();
    await expect(server.command('PING')).rejects.toThrow();
    await server.restart();
    expect(await server.command('PING')).toBe('+PONG');
    // No persistence: what a crashed cache would have.
    expect(await server.command('EXISTS', 'k')).toBe(':0');
  });
});
