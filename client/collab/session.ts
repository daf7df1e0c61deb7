// This folder is realtime/, not collab/ as STYLE.md sketches: `npm run dev` proxies every URL that
// starts with /collab to the sync server, and that prefix match would swallow the module requests
// for client/collab/*. (http/ is not api/ for the same reason.)
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACCESS_CHANGES_PARAM } from '../../shared/collab/accessChanged';
import { DURABLE_PARAM } from '../../shared/collab/messages';
import { colorForUser } from '../../shared/domain/colors';
import { AccessChangeEvents } from './AccessChangeEvents';
import { ConnectionEndTracker } from './ConnectionEndTracker';
import { CountingWebSocket } from './CountingWebSocket';
import { installDurableAckHandler } from './durableAck';
import { LoadTracker } from './LoadTracker';
import { SaveTracker } from './SaveTracker';

/** The signed-in user as the editor needs them. */
export interface SessionUser {
  id: string;
  name: string;
}

/** How a person appears to others (caret label, avatar): the awareness `user` field. */
export interface AwarenessUser {
  name: string;
  color: string;
}

/**
 * The awareness `user` for the signed-in user. The server overwrites this field for everyone else
 * with the same values from the session; setting it locally makes our own view match.
 */
export function awarenessUser(user: SessionUser): AwarenessUser {
  return { name: user.name, color: colorForUser(user.id) };
}

/** Everything one open document needs: the Y.Doc, its sync and offline storage, and status. */
export interface CollabSession {
  docId: string;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  saveTracker: SaveTracker;
  loadTracker: LoadTracker;
  endTracker: ConnectionEndTracker;
  /** The server's word that this user's access to the document may have changed. */
  accessChanges: AccessChangeEvents;
  /** Closes the socket, stops offline storage and frees the Y.Doc. */
  destroy: () => void;
  /**
   * Destroys the session and deletes its offline copy: for local changes the server will never
   * accept (edit access was withdrawn). Reopening then starts from the server's state.
   */
  discardLocalCopy: () => Promise<void>;
}

/**
 * IndexedDB database that keeps a document's changes across reloads and while offline. One per
 * user and document: someone else signing in on this browser never picks up (or sends, under their
 * own name) another person's unsaved changes.
 */
export function offlineDatabaseName(userId: string, docId: string): string {
  return `werkplaats:${userId}:${docId}`;
}

/** Opens a document: IndexedDB first (offline edits survive reloads), then the sync socket. */
export function openCollabSession(docId: string, user: SessionUser): CollabSession {
  const ydoc = new Y.Doc();
  const databaseName = offlineDatabaseName(user.id, docId);
  const persistence = new IndexeddbPersistence(databaseName, ydoc);
  const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const provider = new WebsocketProvider(`${wsProtocol}//${location.host}/collab`, docId, ydoc, {
    // Connect only once the message handlers and the trackers listen, so no frame goes unhandled.
    connect: false,
    params: { [DURABLE_PARAM]: '1', [ACCESS_CHANGES_PARAM]: '1' },
    WebSocketPolyfill: CountingWebSocket,
  });
  installDurableAckHandler(provider);
  const accessChanges = new AccessChangeEvents(provider);
  provider.awareness.setLocalStateField('user', awarenessUser(user));
  const saveTracker = new SaveTracker(
    provider,
    ydoc,
    (origin) => origin !== provider && origin !== persistence,
  );
  const loadTracker = new LoadTracker(provider, persistence);
  const endTracker = new ConnectionEndTracker(provider);

  // The browser knows it went offline before a dead socket is noticed (y-websocket's watchdog
  // takes up to 30 s); following it keeps the status indicator honest straight away. The first
  // connect is not gated on navigator.onLine: it can say "offline" while the server is reachable.
  // After a 4401/4403 the server has said no: coming back online must not reconnect.
  const onOffline = () => provider.disconnect();
  const onOnline = () => {
    if (endTracker.getSnapshot() === null) provider.connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  provider.connect();

  let closed: Promise<void> | null = null;
  const destroy = () => {
    if (closed) return;
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    saveTracker.destroy();
    loadTracker.destroy();
    endTracker.destroy();
    accessChanges.destroy();
    provider.destroy(); // also tells the others we left (awareness null) while the socket is open
    closed = persistence.destroy();
    ydoc.destroy(); // destroys the awareness too
  };
  return {
    docId,
    ydoc,
    provider,
    persistence,
    saveTracker,
    loadTracker,
    endTracker,
    accessChanges,
    destroy,
    async discardLocalCopy() {
      destroy();
      // Deleting waits for the database connection to close, or the delete would be blocked.
      await closed;
      await clearDocument(databaseName);
    },
  };
}
