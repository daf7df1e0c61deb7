import type { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { AccessChangeEvents } from './AccessChangeEvents';
import type { ConnectionEndTracker } from './ConnectionEndTracker';
import type { LoadTracker } from './LoadTracker';
import type { SaveTracker } from './SaveTracker';
import type { CollabSession } from './session';

const noop = () => undefined;
const unsubscribeNoop = () => noop;
/** One object, so `useSyncExternalStore` sees a stable snapshot. */
const LOADED = { serverSynced: true, localLoaded: true } as const;

/**
 * A session around a local Y.Doc that holds one saved state (a version, a round's frozen version):
 * the same editors render it, but nothing connects — no WebSocket, no IndexedDB — so nothing typed
 * could ever reach the live document. Render it with `editable={false}` everywhere.
 *
 * The editors only use `ydoc`, `docId` and `provider.awareness` (carets); the other members are
 * inert stand-ins that report "loaded, nothing to save, never ended" for code that asks.
 */
export function openStaticSession(docId: string, state: Uint8Array): CollabSession {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const awareness = new Awareness(ydoc);
  const provider = { awareness, destroy: noop } as unknown as WebsocketProvider;
  const saveTracker = { subscribe: unsubscribeNoop, getSnapshot: () => 'saved', destroy: noop };
  const loadTracker = {
    subscribe: unsubscribeNoop,
    getSnapshot: () => LOADED,
    destroy: noop,
  };
  const endTracker = { subscribe: unsubscribeNoop, getSnapshot: () => null, destroy: noop };
  const accessChanges = { subscribe: unsubscribeNoop, destroy: noop };
  const destroy = () => {
    awareness.destroy();
    ydoc.destroy();
  };
  return {
    docId,
    ydoc,
    provider,
    persistence: { destroy: () => Promise.resolve() } as unknown as IndexeddbPersistence,
    saveTracker: saveTracker as unknown as SaveTracker,
    loadTracker: loadTracker as unknown as LoadTracker,
    endTracker: endTracker as unknown as ConnectionEndTracker,
    accessChanges: accessChanges as unknown as AccessChangeEvents,
    destroy,
    discardLocalCopy: () => Promise.resolve(destroy()),
  };
}
