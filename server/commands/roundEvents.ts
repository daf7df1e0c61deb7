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

export function emitRoundChange(docId: string, change: RoundChange): void {
  emitter.emit(docId, change);
}

export function onRoundChange(docId: string, listener: (change: RoundChange) => void): () => void {
  emitter.on(docId, listener);
  return () => emitter.off(docId, listener);
}
