import * as Y from 'yjs';

/** Highest known clock + 1 per client (a state vector as a map). */
export type KnownClocks = Map<number, number>;

/**
 * What an update needs before it can be applied without leaving Yjs "pending" content: per client,
 * the clock the server's known state must have reached. Empty when it needs nothing.
 */
export type Requirements = Map<number, number>;

/** The state vector of `doc` as a mutable map. */
export function knownClocksOf(doc: Y.Doc): KnownClocks {
  return new Map(Y.decodeStateVector(Y.encodeStateVector(doc)));
}

/** Adds everything `update` carries to `known`. */
export function noteUpdate(known: KnownClocks, update: Uint8Array): void {
  noteClocks(known, Y.parseUpdateMeta(update).to);
}

/** Adds clocks an update reaches (inspectUpdate's `to`) to `known`. */
export function noteClocks(known: KnownClocks, to: KnownClocks): void {
  for (const [client, clock] of to) {
    if (clock > (known.get(client) ?? 0)) known.set(client, clock);
  }
}

/** Whether `known` meets every requirement. */
export function isSatisfied(needs: Requirements, known: KnownClocks): boolean {
  for (const [client, clock] of needs) if ((known.get(client) ?? 0) < clock) return false;
  return true;
}
