import * as Y from 'yjs';
import {
  deleteInnermostFirst,
  insertCopies,
  typesUnder,
  type AnyType,
} from '../../shared/editor/sharedTypeTree';
import { xmlToString } from '../../shared/editor/xmlTree';

const ARRAYS = new Set(['sections', 'themes', 'templateSections', 'activities']);
const TEXTS = new Set(['evcApproach', 'trajectRelation']);

type TopKind = 'fragment' | 'array' | 'text' | 'map';

/** The shared type a top-level name has in our layouts (shared/editor). */
function kindOfName(name: string): TopKind {
  if (name.startsWith('section:') || name.startsWith('field:')) return 'fragment';
  if (ARRAYS.has(name)) return 'array';
  if (TEXTS.has(name)) return 'text';
  return 'map';
}

/**
 * Makes every top-level type of `target` show what `source` has, as ordinary edits on top of
 * target's history (so they merge with concurrent edits and can be undone by a later restore).
 * Nested content is deleted innermost first and copied one level at a time (sharedTypeTree), so
 * any depth works in a `gc: false` target.
 */
export function replaceContent(target: Y.Doc, source: Y.Doc): void {
  const names = new Set([...source.share.keys(), ...target.share.keys()]);
  target.transact(() => {
    for (const name of names) {
      switch (kindOfName(name)) {
        case 'fragment': {
          const to = target.getXmlFragment(name);
          const from = source.getXmlFragment(name);
          if (xmlToString(to) === xmlToString(from)) break;
          deleteInnermostFirst(to, () => to.delete(0, to.length));
          insertCopies(to, 0, from.toArray());
          break;
        }
        case 'array': {
          const to = target.getArray<unknown>(name);
          const from = source.getArray<unknown>(name);
          deleteInnermostFirst(to, () => to.delete(0, to.length));
          insertCopies(to, 0, from.toArray());
          break;
        }
        case 'text': {
          const to = target.getText(name);
          const from = source.getText(name);
          if (to.toString() === from.toString()) break;
          to.delete(0, to.length);
          to.applyDelta(from.toDelta());
          break;
        }
        case 'map': {
          const to = target.getMap<unknown>(name);
          const from = source.getMap<unknown>(name);
          for (const [key, value] of from.entries()) {
            // An unchanged plain value is left alone: rewriting it would only add history.
            if (!(value instanceof Y.AbstractType) && to.has(key) && to.get(key) === value) continue;
            clearEntry(to, key);
            insertCopies(to, key, [value]);
          }
          for (const key of [...to.keys()]) {
            if (from.has(key)) continue;
            clearEntry(to, key);
            to.delete(key);
          }
          break;
        }
      }
    }
  });
}

/** Empties a nested type stored under `key` before it is overwritten (a plain value needs nothing). */
function clearEntry(map: Y.Map<unknown>, key: string): void {
  const old = map.get(key);
  if (old instanceof Y.AbstractType) deleteInnermostFirst(old);
}

/** Levels of nested types one restore update deletes at most (see restoreUpdates). */
export const LEVELS_PER_UPDATE = 1_000;

/**
 * The updates that make `current` (a document's committed doc) show what the version `state` holds:
 * one update — preceded, for content nested deeper than LEVELS_PER_UPDATE, by updates that delete
 * it from the bottom up, LEVELS_PER_UPDATE levels each. Yjs deletes (and garbage-collects) a type by
 * recursing through whatever under it is still there, and its stack ends at ~4,600 levels; the
 * room applies each batch in one transaction, so apply these one at a time, in order.
 */
export function restoreUpdates(current: Y.Doc, state: Uint8Array): Uint8Array[] {
  const before = Y.encodeStateVector(current);
  // gc off: collecting the deleted types at the end of a transaction would recurse through them.
  const copy = new Y.Doc({ gc: false });
  const snapshot = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
    Y.applyUpdate(snapshot, state);
    const updates = deleteDeepContentFirst(copy, snapshot);
    replaceContent(copy, snapshot);
    updates.push(Y.encodeStateAsUpdate(copy, before));
    return updates;
  } finally {
    copy.destroy();
    snapshot.destroy();
  }
}

/**
 * Deletes what replaceContent will delete below every LEVELS_PER_UPDATE-th level, deepest slice
 * first, one transaction (and update) per slice; nothing for content less deep.
 */
function deleteDeepContentFirst(copy: Y.Doc, snapshot: Y.Doc): Uint8Array[] {
  const cuts = new Map<number, Array<AnyType>>();
  for (const name of new Set([...snapshot.share.keys(), ...copy.share.keys()])) {
    let root: AnyType;
    const kind = kindOfName(name);
    if (kind === 'text') continue;
    if (kind === 'fragment') {
      const fragment = copy.getXmlFragment(name);
      if (xmlToString(fragment) === xmlToString(snapshot.getXmlFragment(name))) continue;
      root = fragment;
    } else root = kind === 'array' ? copy.getArray<unknown>(name) : copy.getMap<unknown>(name);
    for (const { type, depth } of typesUnder(root)) {
      if (depth % LEVELS_PER_UPDATE !== 0) continue;
      const atDepth = cuts.get(depth);
      if (atDepth) atDepth.push(type);
      else cuts.set(depth, [type]);
    }
  }
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  copy.on('update', collect);
  try {
    for (const depth of [...cuts.keys()].sort((a, b) => b - a)) {
      copy.transact(() => {
        for (const type of cuts.get(depth)!) deleteInnermostFirst(type);
      });
    }
  } finally {
    copy.off('update', collect);
  }
  return updates.filter((update) => update.length > 0);
}
