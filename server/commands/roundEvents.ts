import { EventEmitter } from 'node:events';

/** What changed: the client refetches comments or the round. */
export interface RoundChange {
  kind: 'comments' | 'round';
  roundId: string | null;
}

/**
 * In-process notice board for comment and round changes, per document: the SSE routes listen so the
 * team sees feedback arrive live. Only "something changed" travels — clients refetch through the
 * policy-checked API, so nothing here needs its own access rules.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

/**
 * Where changes also go: the other instances (server/cluster sets it). Process-wide like the emitter,
 * since a process serves one app.
 */
let relay: ((docId: string, change: RoundChange) => void) | undefined;

/** Tells the SSE listeners here, and the other instances, that a document's feedback changed. */
export function emitRoundChange(docId: string, change: RoundChange): void {
  emitter.emit(docId, change);
  relay?.(docId, change);
}

/** Tells only the SSE listeners here (a change another instance announced). */
export function emitRoundChangeHere(docId: string, change: RoundChange): void {
  emitter.emit(docId, change);
}

/** Sends every change to `to` as well (undefined: stop). */
export function relayRoundChanges(to: ((docId: string, change: RoundChange) => void) | undefined): void {
  relay = to;
}

/** Listens to one document's changes; answers the function that stops listening. */
export function onRoundChange(docId: string, listener: (change: RoundChange) => void): () => void {
  emitter.on(docId, listener);
  return () => emitter.off(docId, listener);
}
