import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of several server instances: the operator's nginx or HAProxy
 * in small. A WebSocket client's URL is fixed, so only a proxy like this lets its reconnect land
 * on another instance when one goes away.
 */
export interface LoadBalancer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** ws://127.0.0.1:PORT/collab — the provider's serverUrl. */
  readonly wsUrl: string;
  /** Backend ports new connections go to from now on (open ones stay where they are). */
  setBackends(ports: readonly number[]): void;
  /** Proxied connections open now, by backend port. */
  openConnections(port: number): number;
  /** Stops accepting and cuts every proxied connection. */
  close(): Promise<void>;
}

/**
 * Starts the proxy on a free port. Each new connection goes to the next backend in turn (round
 * robin); a backend that refuses it (down, or stopped accepting) is skipped for the one after it.
 * When no backend accepts, the connection is closed. Bytes are piped both ways unchanged.
 */
export async function startLoadBalancer(backends: readonly number[]): Promise<LoadBalancer> {
  let ports = [...backends];
  let next = 0;
  const open = new Map<number, Set<net.Socket>>();
  const sockets = new Set<net.Socket>();

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  /** Connects to the first backend from `candidates` that accepts, or resolves undefined. */
  const connectAny = async (
    candidates: number[],
  ): Promise<{ port: number; socket: net.Socket } | undefined> => {
    for (const port of candidates) {
      const socket = await new Promise<net.Socket | undefined>((resolve) => {
        const attempt = net.connect(port, '127.0.0.1');
        attempt.once('connect', () => {
          attempt.removeAllListeners('error');
          resolve(attempt);
        });
        attempt.once('error', () => resolve(undefined));
      });
      if (socket) return { port, socket };
    }
    return undefined;
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => client.destroy());
    const start = next++ % Math.max(ports.length, 1);
    const candidates = [...ports.slice(start), ...ports.slice(0, start)];
    void connectAny(candidates).then((backend) => {
      if (!backend || client.destroyed) {
        backend?.socket.destroy();
        client.destroy();
        return;
      }
      const { port, socket } = backend;
      track(socket);
      const set = open.get(port) ?? new Set<net.Socket>();
      open.set(port, set);
      set.add(socket);
      socket.on('error', () => socket.destroy());
      // Either side going away ends the other: a dead backend looks to the client like a dead server.
      // Ended rather than destroyed, so that what the backend sent last (a close frame) still arrives.
      socket.once('close', () => {
        set.delete(socket);
        client.end();
        setTimeout(() => client.destroy(), 1_000).unref();
      });
      client.once('close', () => socket.destroy());
      client.pipe(socket);
      socket.pipe(client);
      client.resume();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    setBackends(list) {
      ports = [...list];
    },
    openConnections: (backend) => open.get(backend)?.size ?? 0,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
