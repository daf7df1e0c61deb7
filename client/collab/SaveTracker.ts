import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { CountingWebSocket } from './CountingWebSocket';

/** What the save indicator shows. */
export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline';

/**
 * Local changes that are not known to be on disk yet, and which ack would prove they are:
 * - `upTo: number` — they went out on `socket` as update frames; an ack ≥ upTo covers them;
 * - `upTo: 'stepTwo'` — they will travel in `socket`'s sync step 2 (made offline or while connecting);
 * - `socket: null` — no socket at all yet; the next socket's sync step 2 will carry them.
 */
type Unsaved = { socket: CountingWebSocket; upTo: number | 'stepTwo' } | { socket: null };

/**
 * Derives the save state of one document from the provider, the Y.Doc and the durable-acks:
 * - connecting: the first connection has neither synced nor failed yet (a page that just opened
 *   is not "offline" — it has not tried yet);
 * - offline: the provider has no open connection (after a failed attempt or a lost connection);
 * - saving: connected, but not synced yet, or this socket sent update frames the server has not
 *   acknowledged, or local changes exist that no ack has covered yet;
 * - saved: otherwise.
 * Subscribe with `useSyncExternalStore(tracker.subscribe, tracker.getSnapshot)`.
 */
export class SaveTracker {
  private state: SaveState = 'connecting';
  /** A connection attempt failed or a connection was lost at least once. */
  private attemptFailed = false;
  /** The document was synced with the server at least once. */
  private everSynced = false;
  private socket: CountingWebSocket | null = null;
  private unsaved: Unsaved | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];

  /**
   * @param isLocalOrigin tells local edits (editor, title field, undo) from updates that arrived
   *   from the server or were loaded from IndexedDB.
   */
  constructor(
    private readonly provider: WebsocketProvider,
    ydoc: Y.Doc,
    isLocalOrigin: (origin: unknown) => boolean,
  ) {
    const onStatus = () => this.refresh();
    const onClose = () => {
      this.attemptFailed = true;
      this.refresh();
    };
    const onSync = (synced: boolean) => {
      if (synced) this.everSynced = true;
      this.refresh();
    };
    // Registered after the provider's own update handler, so a change made while connected has
    // already been sent (and counted) when this runs.
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (isLocalOrigin(origin)) this.recordLocalChange();
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    ydoc.on('update', onUpdate);
    this.cleanups.push(
      () => provider.off('status', onStatus),
      () => provider.off('sync', onSync),
      () => provider.off('connection-close', onClose),
      () => ydoc.off('update', onUpdate),
    );
    this.refresh();
  }

  /** Adds a listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state. */
  readonly getSnapshot = (): SaveState => this.state;

  /**
   * Whether local changes exist that the server has not acknowledged as saved. When edit access is
   * withdrawn these can never be saved: the server drops updates from read-only sockets.
   */
  hasUnsavedChanges(): boolean {
    const socket = this.socket;
    return this.unsaved !== null || (socket !== null && socket.ackedUpdates < socket.sentUpdates);
  }

  /** Stops listening; the tracker is unusable afterwards. */
  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.socket) this.socket.onCountChange = null;
    this.listeners.clear();
  }

  private recordLocalChange(): void {
    this.adoptCurrentSocket();
    const socket = this.socket;
    if (!socket) {
      this.unsaved = { socket: null };
    } else if (this.provider.wsconnected && socket.readyState === WebSocket.OPEN) {
      this.unsaved = { socket, upTo: socket.sentUpdates };
    } else {
      this.unsaved = { socket, upTo: 'stepTwo' };
    }
    this.refresh();
  }

  /** Follows the provider onto a new socket (every reconnect creates one). */
  private adoptCurrentSocket(): void {
    const current = this.provider.ws instanceof CountingWebSocket ? this.provider.ws : null;
    if (current === this.socket || current === null) return;
    if (this.socket) this.socket.onCountChange = null;
    this.socket = current;
    current.onCountChange = () => this.refresh();
    // Whatever the old socket had not got acknowledged reaches the server again in the new
    // socket's sync step 2, which carries everything the server is missing.
    if (this.unsaved) this.unsaved = { socket: current, upTo: 'stepTwo' };
  }

  private refresh(): void {
    this.adoptCurrentSocket();
    const { unsaved } = this;
    if (unsaved?.socket && unsaved.socket === this.socket) {
      const upTo = unsaved.upTo === 'stepTwo' ? unsaved.socket.stepTwoSentAt : unsaved.upTo;
      if (upTo !== null && unsaved.socket.ackedUpdates >= upTo) this.unsaved = null;
    }
    const next = this.compute();
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  private compute(): SaveState {
    const socket = this.socket;
    if (!this.provider.wsconnected || !socket || socket !== this.provider.ws) {
      return this.attemptFailed || this.everSynced ? 'offline' : 'connecting';
    }
    if (!this.provider.synced) return this.everSynced ? 'saving' : 'connecting';
    if (socket.ackedUpdates < socket.sentUpdates) return 'saving';
    if (this.unsaved !== null) return 'saving';
    return 'saved';
  }
}
