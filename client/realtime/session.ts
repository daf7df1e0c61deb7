// This folder is realtime/, not collab/ as STYLE.md sketches: `npm run dev` proxies every URL that
// starts with /collab to the sync server, and that prefix match would swallow the module requests
// for client/collab/*. (http/ is not api/ for the same reason.)
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DURABLE_PARAM } from '../../shared/collab/messages';
import { CountingWebSocket } from './CountingWebSocket';
import { installDurableAckHandler } from './durableAck';
import type { UserIdentity } from './identity';
import { LoadTracker } from './LoadTracker';
import { SaveTracker } from './SaveTracker';

/** Everything one open document needs: the Y.Doc, its sync and offline storage, and save status. */
export interface CollabSession {
  docId: string;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  saveTracker: SaveTracker;
  loadTracker: LoadTracker;
  /** Closes the socket, stops offline storage and frees the Y.Doc. */
  destroy: () => void;
}

/** IndexedDB database that keeps a document's changes across reloads and while offline. */
export function offlineDatabaseName(docId: string): string {
  return `werkplaats:${docId}`;
}

/** Opens a document: IndexedDB first (offline edits survive reloads), then the sync socket. */
export function openCollabSession(docId: string, user: UserIdentity): CollabSession {
  const ydoc = new Y.Doc();
  const persistence = new IndexeddbPersistence(offlineDatabaseName(docId), ydoc);
  const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const provider = new WebsocketProvider(`${wsProtocol}//${location.host}/collab`, docId, ydoc, {
    // Connect only once the ack handler and the tracker listen, so no frame goes uncounted.
    connect: false,
    params: { [DURABLE_PARAM]: '1' },
    WebSocketPolyfill: CountingWebSocket,
  });
  installDurableAckHandler(provider);
  provider.awareness.setLocalStateField('user', { name: user.name, color: user.color });
  const saveTracker = new SaveTracker(
    provider,
    ydoc,
    (origin) => origin !== provider && origin !== persistence,
  );
  const loadTracker = new LoadTracker(provider, persistence);

  // The browser knows it went offline before a dead socket is noticed (y-websocket's watchdog
  // takes up to 30 s); following it keeps the status indicator honest straight away. The first
  // connect is not gated on navigator.onLine: it can say "offline" while the server is reachable.
  const onOffline = () => provider.disconnect();
  const onOnline = () => provider.connect();
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  provider.connect();

  let destroyed = false;
  return {
    docId,
    ydoc,
    provider,
    persistence,
    saveTracker,
    loadTracker,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      saveTracker.destroy();
      loadTracker.destroy();
      provider.destroy(); // also tells the others we left (awareness null) while the socket is open
      void persistence.destroy();
      ydoc.destroy(); // destroys the awareness too
    },
  };
}
