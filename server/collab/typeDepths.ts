import * as Y from 'yjs';
import { MAX_TYPE_DEPTH, UpdateRefused, type CreatedType } from './inspectUpdate';

/**
 * Nesting depth of shared types anywhere in a document: the per-update limit plus room for the
 * documents' own structure above a rich-text field (arrays of maps in templates). Yjs' own
 * recursion gives out at ~1,200 levels (toString) to ~4,600 (deleting), so this is far from both.
 */
export const MAX_DOCUMENT_TYPE_DEPTH = MAX_TYPE_DEPTH + 16;

/** Entries kept for types accepted but not yet applied before the ones now in the document are dropped. */
const PRUNE_AT = 4096;

/**
 * The nesting depth of the types a room's updates create, checked against the whole document:
 * per update alone, a client could nest 100 levels at a time, each time inside the last, until
 * deleting that content overflowed the room's Yjs. Types of accepted updates that are still being
 * committed are not in the document yet; their depths are kept here until they are.
 */
export class TypeDepths {
  private readonly inFlight = new Map<number, Map<number, number>>();
  private size = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly max = MAX_DOCUMENT_TYPE_DEPTH,
  ) {}

  /** Throws UpdateRefused when a type of `types` would sit deeper than the limit; else records them. */
  admit(types: readonly CreatedType[] | undefined): void {
    if (!types) return;
    const depths = types.map(({ anchor, depth }) => (anchor ? this.depthOf(anchor) : 0) + depth);
    if (depths.some((depth) => depth > this.max)) {
      throw new UpdateRefused(`types nested over ${this.max} levels in the document`, true);
    }
    types.forEach(({ client, clock }, index) => {
      let ofClient = this.inFlight.get(client);
      if (!ofClient) this.inFlight.set(client, (ofClient = new Map()));
      ofClient.set(clock, depths[index]!);
    });
    this.size += types.length;
    if (this.size > PRUNE_AT) this.prune();
  }

  /** Depth of the type that item `id` holds (1: directly under a root type); past the limit, max + 1. */
  private depthOf(id: Y.ID): number {
    const recorded = this.inFlight.get(id.client)?.get(id.clock);
    if (recorded !== undefined) return recorded;
    const store = this.doc.store;
    // Not here and not accepted: content from another instance still on its way (counted as a root).
    if (Y.getState(store, id.client) <= id.clock) return 0;
    let item: Y.Item | Y.GC | null = Y.getItem(store, id);
    let depth = 0;
    while (item instanceof Y.Item && depth <= this.max) {
      depth++;
      item = (item.parent as Y.AbstractType<unknown>)._item;
    }
    return depth;
  }

  /** Drops the entries of types that are in the document by now. */
  private prune(): void {
    this.size = 0;
    for (const [client, clocks] of this.inFlight) {
      const applied = Y.getState(this.doc.store, client);
      for (const clock of clocks.keys()) if (clock < applied) clocks.delete(clock);
      if (clocks.size === 0) this.inFlight.delete(client);
      this.size += clocks.size;
    }
  }
}
