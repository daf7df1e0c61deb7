import * as Y from 'yjs';
import { jsonText } from './jsonText';

/** A Y.Doc rebuilt from stored rows, with the rows that would not decode. */
export interface Rebuilt {
  doc: Y.Doc;
  /** Positions (in application order) of rows Yjs refused. */
  undecodable: number[];
}

/**
 * Applies a document's stored rows (state first, then the log) to a fresh Y.Doc, as loading does:
 * merged into one update first (several times faster than applying a long log row by row), and row
 * by row only when that fails, to find the rows Yjs refuses.
 */
export function rebuild(rows: readonly Uint8Array[]): Rebuilt {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, rows.length === 1 ? rows[0]! : Y.mergeUpdates(rows as Uint8Array[]));
    return { doc, undecodable: [] };
  } catch {
    doc.destroy();
  }
  const retried = new Y.Doc();
  const undecodable: number[] = [];
  rows.forEach((row, position) => {
    try {
      Y.applyUpdate(retried, row);
    } catch {
      undecodable.push(position);
    }
  });
  return { doc: retried, undecodable };
}

/**
 * Whether two rebuilt documents are the same: the same items (state vector), the same deletions
 * (snapshot), the same content of every root type however its items happen to be split, the same
 * updates still waiting for a missing dependency, and the same undecodable rows.
 */
export function sameDocument(a: Rebuilt, b: Rebuilt): boolean {
  return (
    Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))) &&
    Y.equalSnapshots(Y.snapshot(a.doc), Y.snapshot(b.doc)) &&
    jsonText(describe(a)) === jsonText(describe(b))
  );
}

/**
 * The document's content in a canonical form. Root types decoded from updates have no kind (map,
 * text, XML…) until the app asks for one, so every type is described by its structure: its map
 * entries and its list of items, adjacent text merged.
 */
export function describe({ doc, undecodable }: Rebuilt): unknown {
  const roots = [...doc.share.keys()].sort().map((name) => [name, describeType(doc.share.get(name)!)]);
  const pending = doc.store.pendingStructs?.update;
  return {
    roots: Object.fromEntries(roots),
    pending: pending ? base64(pending) : null,
    pendingDeletes: doc.store.pendingDs ? base64(doc.store.pendingDs) : null,
    undecodable,
  };
}

/** What describing needs of a shared type, whatever its kind and event type. */
interface SharedType {
  _map: Map<string, Y.Item>;
  _start: Y.Item | null;
}

interface Described {
  name: string | null;
  map: Record<string, unknown>;
  list: unknown[];
}

/**
 * A type's structure, nested types included, built over an explicit stack (a document may nest
 * deeper than the call stack): each nested type's description is placed first and filled later.
 */
function describeType(root: SharedType): Described {
  const pending: Array<[SharedType, Described]> = [];
  const placed = (type: SharedType): Described => {
    const name =
      type instanceof Y.XmlElement ? type.nodeName : type instanceof Y.XmlHook ? type.hookName : null;
    const described: Described = { name, map: {}, list: [] };
    pending.push([type, described]);
    return described;
  };
  const result = placed(root);
  while (pending.length > 0) {
    const [type, { map, list }] = pending.pop()!;
    for (const key of [...type._map.keys()].sort()) {
      const item = type._map.get(key)!;
      if (!item.deleted) map[key] = describeContent(item.content, placed).at(-1);
    }
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      for (const part of describeContent(item.content, placed)) {
        const last = list.at(-1) as { text?: string } | undefined;
        if (isText(part) && last !== undefined && isText(last)) last.text += part.text;
        else list.push(part);
      }
    }
  }
  return result;
}

function describeContent(content: Y.Item['content'], placed: (type: SharedType) => Described): unknown[] {
  if (content instanceof Y.ContentString) return [{ text: content.str }];
  if (content instanceof Y.ContentFormat) return [{ format: content.key, value: content.value as unknown }];
  if (content instanceof Y.ContentType) return [{ type: placed(content.type as SharedType) }];
  if (content instanceof Y.ContentBinary) return [{ binary: base64(content.content) }];
  if (content instanceof Y.ContentEmbed) return [{ embed: content.embed }];
  if (content instanceof Y.ContentDoc) return [{ subdoc: content.doc?.guid ?? null }];
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    return content.getContent().map((value: unknown) => ({ value }));
  }
  return [{ unknown: content.constructor.name, length: content.getLength() }];
}

function isText(part: unknown): part is { text: string } {
  return typeof part === 'object' && part !== null && 'text' in part;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
