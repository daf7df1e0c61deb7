import * as Y from 'yjs';

/** Highest known clock + 1 per client (a state vector as a map). */
export type KnownClocks = Map<number, number>;

/** The state vector of `doc` as a mutable map. */
export function knownClocksOf(doc: Y.Doc): KnownClocks {
  return new Map(Y.decodeStateVector(Y.encodeStateVector(doc)));
}

/** Adds everything `update` carries to `known`. */
export function noteUpdate(known: KnownClocks, update: Uint8Array): void {
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (clock > (known.get(client) ?? 0)) known.set(client, clock);
  }
}

/**
 * Whether `update` (already validated) needs content that is neither in `known` nor in the update
 * itself: a clock gap, an origin or parent item the server never received, or a deletion of such
 * content. Yjs keeps such updates as "pending" and re-examines all pending content on every later
 * update — the cost of each update grows with the pending pile, which a hostile client can grow
 * without bound. The server therefore never applies an update whose dependencies are missing.
 */
export function hasMissingDependencies(update: Uint8Array, known: KnownClocks): boolean {
  const { from, to } = Y.parseUpdateMeta(update);
  // What is available once this update is applied: known content, plus the update's own runs
  // when they continue known content without a gap.
  const available = new Map(known);
  for (const [client, start] of from) {
    if (start > (known.get(client) ?? 0)) return true;
    const end = to.get(client) ?? start;
    if (end > (available.get(client) ?? 0)) available.set(client, end);
  }
  const has = (id: Y.ID | null | undefined) => !id || id.clock < (available.get(id.client) ?? 0);
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.GC) continue;
    if (!(struct instanceof Y.Item)) return true; // Skip: a hole in the update itself.
    if (!has(struct.origin) || !has(struct.rightOrigin)) return true;
    const parent = struct.parent as unknown;
    if (parent instanceof Y.ID && !has(parent)) return true;
  }
  for (const [client, deletions] of ds.clients) {
    const limit = available.get(client) ?? 0;
    for (const deletion of deletions) if (deletion.clock + deletion.len > limit) return true;
  }
  return false;
}
