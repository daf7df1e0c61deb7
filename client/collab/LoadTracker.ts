import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';

/** Where the document content has been loaded from so far. */
export interface LoadState {
  /** The server's state arrived at least once (y-websocket sync). */
  serverSynced: boolean;
  /** IndexedDB's copy (possibly empty) has been applied. */
  localLoaded: boolean;
}

/**
 * Remembers whether a document was ever synced from the server and whether IndexedDB finished
 * loading. It listens from the moment the session opens, so React can subscribe later without
 * missing either event. Use with `useSyncExternalStore(tracker.subscribe, tracker.getSnapshot)`.
 */
export class LoadTracker {
  private state: LoadState = { serverSynced: false, localLoaded: false };
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];

  constructor(provider: WebsocketProvider, persistence: IndexeddbPersistence) {
    const onSync = (synced: boolean) => {
      if (synced) this.update({ serverSynced: true });
    };
    const onLocal = () => this.update({ localLoaded: true });
    provider.on('sync', onSync);
    persistence.on('synced', onLocal);
    this.cleanups.push(
      () => provider.off('sync', onSync),
      () => persistence.off('synced', onLocal),
    );
    this.update({ serverSynced: provider.synced, localLoaded: persistence.synced });
  }

  /** Adds a listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (a new object only when something changed). */
  readonly getSnapshot = (): LoadState => this.state;

  /** Stops listening. */
  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
  }

  private update(change: Partial<LoadState>): void {
    const next = {
      serverSynced: this.state.serverSynced || change.serverSynced === true,
      localLoaded: this.state.localLoaded || change.localLoaded === true,
    };
    if (next.serverSynced === this.state.serverSynced && next.localLoaded === this.state.localLoaded) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
