import net from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picked it). Another process may take
 * it before the caller binds it: callers that start a server on it retry on "address in use".
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
