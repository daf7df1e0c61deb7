import type { WebsocketProvider } from 'y-websocket';

/** Why the sync connection ended for good (the server decided; reconnecting cannot fix it). */
export type ConnectionEnd = 'sessionEnded' | 'accessWithdrawn' | 'documentTooLarge';

/** Close codes of the sync server (server/collab/connection.ts). */
export const CLOSE_SESSION_ENDED = 4401;
export const CLOSE_ACCESS_WITHDRAWN = 4403;
/** The last change would make the document larger than the server allows (MAX_DOCUMENT_BYTES). */
export const CLOSE_DOCUMENT_TOO_LARGE = 4413;
/**
 * "Your write access changed, reconnect" (45xx: y-websocket reconnects by itself). Not an end:
 * the client re-checks its role at once (see useDocumentAccess).
 */
export const CLOSE_ACCESS_CHANGED = 4500;

/**
 * Notices that the connection ended for good: the server closed the socket with 4401 (session
 * ended: logout, password change, expiry), 4403 (access withdrawn) or 4413 (document too large), or an HTTP check said 401/403
 * (`end()`: a refused upgrade only reaches the browser as 1006). y-websocket stops reconnecting
 * on 44xx; for the HTTP case the provider is disconnected here so it stops retrying too.
 * Use with `useSyncExternalStore(tracker.subscribe, tracker.getSnapshot)`.
 */
export class ConnectionEndTracker {
  private state: ConnectionEnd | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly cleanup: () => void;

  constructor(private readonly provider: WebsocketProvider) {
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_SESSION_ENDED) this.end('sessionEnded');
      else if (event?.code === CLOSE_ACCESS_WITHDRAWN) this.end('accessWithdrawn');
      else if (event?.code === CLOSE_DOCUMENT_TOO_LARGE) this.end('documentTooLarge');
    };
    provider.on('connection-close', onClose);
    this.cleanup = () => provider.off('connection-close', onClose);
  }

  /** Adds a listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The reason, or null while the connection may still (re)connect. */
  readonly getSnapshot = (): ConnectionEnd | null => this.state;

  /** Records the end (the first reason wins) and stops the provider from reconnecting. */
  end(reason: ConnectionEnd): void {
    if (this.state !== null) return;
    this.state = reason;
    // Not from inside y-websocket's close handler, which is still tidying up the old socket.
    queueMicrotask(() => this.provider.disconnect());
    for (const listener of [...this.listeners]) listener();
  }

  /** Stops listening. */
  destroy(): void {
    this.cleanup();
    this.listeners.clear();
  }
}
