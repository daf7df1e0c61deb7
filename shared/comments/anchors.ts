import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { walkXml } from '../editor/xmlTree';
import type { TextAnchor } from '../schemas/rounds';

/**
 * Comment anchors in rich text. A text anchor is two Yjs relative positions — the start
 * sticks to the first commented character, the end to the last — so concurrent inserts before or
 * after the range stay outside it and inserts inside it stay inside. Beside them it keeps the ids
 * of the characters it covered when it was made: the anchor is *attached* while at least one of
 * them still exists (following undo, which re-creates deleted characters under new ids that Yjs
 * links with `redone`), or while the quoted text stands exactly where they were (undo as other docs
 * see it); otherwise *losgeraakt* (detached) — and the quote is what the thread shows.
 *
 * Offsets here are over the fragment's plain text: the characters of every text node in document
 * order, with one "\n" between text blocks (paragraphs, headings, list items' paragraphs) and for a
 * hard break. Relative positions are independent of these offsets, so clients may compute their own
 * (Tiptap positions) and exchange only the anchor.
 */

const CONTAINERS = new Set(['bulletList', 'orderedList', 'listItem', 'blockquote', 'taskList', 'taskItem']);
const INLINE_BREAKS = new Set(['hardBreak']);
const EMBED = '\ufffc';

interface Segment {
  node: Y.XmlText;
  offset: number;
  length: number;
}

export interface FragmentText {
  text: string;
  segments: Segment[];
  /** Offset at which each element's text starts and ends (for positions between nodes). */
  elements: Map<Y.XmlElement | Y.XmlFragment, { start: number; end: number }>;
}

function xmlTextString(node: Y.XmlText): string {
  return (node.toDelta() as Array<{ insert?: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : EMBED))
    .join('');
}

/** The plain text of a fragment and where each text node sits in it (iterative: any depth). */
export function fragmentText(fragment: Y.XmlFragment): FragmentText {
  let text = '';
  let blocks = 0;
  const segments: Segment[] = [];
  const elements: FragmentText['elements'] = new Map();
  const starts = new Map<Y.XmlFragment, number>([[fragment, 0]]);
  walkXml(
    fragment,
    (child) => {
      if (child instanceof Y.XmlText) {
        const value = xmlTextString(child);
        segments.push({ node: child, offset: text.length, length: value.length });
        text += value;
        return false;
      }
      if (!(child instanceof Y.XmlElement)) return false;
      if (INLINE_BREAKS.has(child.nodeName)) {
        elements.set(child, { start: text.length, end: text.length + 1 });
        text += '\n';
        return false;
      }
      if (!CONTAINERS.has(child.nodeName) && blocks++ > 0) text += '\n';
      starts.set(child, text.length);
    },
    (node) => {
      elements.set(node, { start: starts.get(node)!, end: text.length });
      starts.delete(node);
    },
  );
  return { text, segments, elements };
}

export function encodeRelative(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

export function decodeRelative(encoded: string): Y.RelativePosition {
  return Y.decodeRelativePosition(fromBase64(encoded));
}

/** Linear offset of a resolved position, or null when its node is no longer in the fragment. */
function offsetOf(layout: FragmentText, position: Y.AbsolutePosition): number | null {
  const { type, index } = position;
  if (type instanceof Y.XmlText) {
    const segment = layout.segments.find((candidate) => candidate.node === type);
    return segment ? segment.offset + Math.min(index, segment.length) : null;
  }
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    const range = layout.elements.get(type);
    if (!range) return null;
    const children = type.toArray();
    if (index >= children.length) return range.end;
    const child = children[index];
    if (child instanceof Y.XmlText)
      return layout.segments.find((s) => s.node === child)?.offset ?? range.start;
    return (child && layout.elements.get(child as Y.XmlElement)?.start) ?? range.start;
  }
  return null;
}

/** Resolves an encoded relative position to a linear offset in the fragment, or null. */
function resolveOffset(doc: Y.Doc, layout: FragmentText, encoded: string): number | null {
  let relative: Y.RelativePosition;
  try {
    relative = decodeRelative(encoded);
  } catch {
    return null;
  }
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  return absolute ? offsetOf(layout, absolute) : null;
}

/** Character-id runs `[client, clock, length]` of the live characters in [from, to). */
function idsInRange(layout: FragmentText, from: number, to: number): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  for (const segment of layout.segments) {
    const segEnd = segment.offset + segment.length;
    if (segEnd <= from || segment.offset >= to) continue;
    let index = segment.offset;
    for (let item = segment.node._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      const start = Math.max(index, from);
      const end = Math.min(index + item.length, to);
      if (start < end) {
        const clock = item.id.clock + (start - index);
        const last = runs[runs.length - 1];
        if (last && last[0] === item.id.client && last[1] + last[2] === clock) last[2] += end - start;
        else runs.push([item.id.client, clock, end - start]);
      }
      index += item.length;
      if (index >= to) break;
    }
  }
  return runs;
}

function segmentAt(layout: FragmentText, offset: number): Segment | undefined {
  return layout.segments.find(
    (segment) => segment.length > 0 && offset >= segment.offset && offset < segment.offset + segment.length,
  );
}

/** An anchor on the characters [from, to) of the fragment's plain text (see `fragmentText`). */
export function textAnchorAt(doc: Y.Doc, fragmentName: string, from: number, to: number): TextAnchor {
  const layout = fragmentText(doc.getXmlFragment(fragmentName));
  const first = segmentAt(layout, from);
  const last = segmentAt(layout, to - 1);
  if (from >= to || !first || !last)
    throw new RangeError('Een reactie hoort bij een stuk tekst: selecteer tekst.');
  return {
    type: 'text',
    fragment: fragmentName,
    // assoc 0: the position before the first character; assoc -1: the position after the last one.
    start: encodeRelative(Y.createRelativePositionFromTypeIndex(first.node, from - first.offset, 0)),
    end: encodeRelative(Y.createRelativePositionFromTypeIndex(last.node, to - last.offset, -1)),
    ids: idsInRange(layout, from, to),
    quote: layout.text.slice(from, to),
  };
}

/**
 * An anchor from two relative positions (e.g. a Tiptap selection through y-tiptap's
 * `absolutePositionToRelativePosition`). Line breaks at the edges are trimmed off.
 */
export function textAnchorFromRelative(
  doc: Y.Doc,
  fragmentName: string,
  start: Y.RelativePosition,
  end: Y.RelativePosition,
): TextAnchor {
  const layout = fragmentText(doc.getXmlFragment(fragmentName));
  const startAbs = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const endAbs = Y.createAbsolutePositionFromRelativePosition(end, doc);
  let from = startAbs ? offsetOf(layout, startAbs) : null;
  let to = endAbs ? offsetOf(layout, endAbs) : null;
  if (from === null || to === null) throw new RangeError('De selectie ligt niet in deze tekst.');
  if (from > to) [from, to] = [to, from];
  while (from < to && !segmentAt(layout, from)) from++;
  while (to > from && !segmentAt(layout, to - 1)) to--;
  return textAnchorAt(doc, fragmentName, from, to);
}

/** Whether any of the characters the anchor was made on still exists (following undo's redone links). */
function anyOriginalAlive(doc: Y.Doc, layout: FragmentText, ids: TextAnchor['ids']): boolean {
  const inFragment = new Set(layout.segments.map((segment) => segment.node));
  for (const [client, clock, length] of ids) {
    let offset = 0;
    while (offset < length) {
      if (Y.getState(doc.store, client) <= clock + offset) break;
      let item = Y.getItem(doc.store, Y.createID(client, clock + offset));
      const advance = item.length - (clock + offset - item.id.clock);
      let hops = 0;
      while (item instanceof Y.Item && item.deleted && item.redone && hops++ < 1000) {
        item = Y.getItem(doc.store, item.redone);
      }
      if (item instanceof Y.Item && !item.deleted && inFragment.has(item.parent as Y.XmlText)) return true;
      offset += Math.max(1, advance);
    }
  }
  return false;
}

export type ResolvedTextAnchor =
  { status: 'attached'; from: number; to: number; text: string } | { status: 'detached' };

/**
 * Where the anchor is now: attached with its current range and text, or detached (*losgeraakt*)
 * when none of its characters survive (or its positions cannot be resolved in this doc).
 */
export function resolveTextAnchor(doc: Y.Doc, anchor: TextAnchor): ResolvedTextAnchor {
  const layout = fragmentText(doc.getXmlFragment(anchor.fragment));
  const from = resolveOffset(doc, layout, anchor.start);
  const to = resolveOffset(doc, layout, anchor.end);
  if (from === null || to === null) return { status: 'detached' };
  const alive = anchor.ids.length === 0 || anyOriginalAlive(doc, layout, anchor.ids);
  if (alive && from < to) return { status: 'attached', from, to, text: layout.text.slice(from, to) };
  // Every original character is gone. If the same text stands exactly where they were, the anchor
  // holds on to it: that is how an undo looks in every doc but the undoing one (Yjs links restored
  // characters to the deleted ones with `redone`, which is local and never synced), and how
  // retyping the same words in place looks. Restored text lands just before the tombstones.
  const quote = anchor.quote;
  const at = Math.min(from, to);
  if (quote && at >= quote.length && layout.text.slice(at - quote.length, at) === quote) {
    return { status: 'attached', from: at - quote.length, to: at, text: quote };
  }
  if (quote && layout.text.slice(at, at + quote.length) === quote) {
    return { status: 'attached', from: at, to: at + quote.length, text: quote };
  }
  return { status: 'detached' };
}

/**
 * The anchor carried over to another doc (a round's comment onto the live draft): kept where its
 * characters still exist there, otherwise re-anchored on the first occurrence of the quoted text,
 * otherwise null (losgeraakt — the caller keeps the original anchor for its quote).
 */
export function reanchor(doc: Y.Doc, anchor: TextAnchor): TextAnchor | null {
  if (resolveTextAnchor(doc, anchor).status === 'attached') return anchor;
  if (!anchor.quote) return null;
  const { text } = fragmentText(doc.getXmlFragment(anchor.fragment));
  const at = text.indexOf(anchor.quote);
  if (at < 0) return null;
  try {
    return textAnchorAt(doc, anchor.fragment, at, at + anchor.quote.length);
  } catch {
    return null;
  }
}
