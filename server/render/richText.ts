/**
 * Rich text as a ProseMirror node of the shared schema (shared/editor/extensions.ts): the one
 * structure every output (HTML, Markdown, docx, print, catalog) renders from.
 */
import { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import * as Y from 'yjs';
import { richTextSchema } from '../../shared/editor/extensions';
import { fragmentToJson } from '../../shared/editor/richTextJson';
import { MAX_RICH_TEXT_DEPTH, walkXml } from '../../shared/editor/xmlTree';

/** Schemes a rendered link may point to; anything else (javascript:, data:) loses its link. */
const SAFE_HREF = /^(https?:|mailto:)/i;

/** Whether `href` may be rendered as a link. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && SAFE_HREF.test(href.trim());
}

/** `doc` without link marks whose href is not safe (a crafted update can hold any attribute). */
function withoutUnsafeLinks(doc: PMNode): PMNode {
  const transform = new Transform(doc);
  doc.descendants((node, pos) => {
    for (const mark of node.marks)
      if (mark.type.name === 'link' && !isSafeHref(mark.attrs.href))
        transform.removeMark(pos, pos + node.nodeSize, mark);
  });
  return transform.doc;
}

/** Whether elements nest deeper than `max` under `root`; stops descending once they do. */
function deeperThan(root: Y.XmlFragment, max: number): boolean {
  let deeper = false;
  walkXml(root, (_node, depth) => {
    if (depth > max) deeper = true;
    return !deeper;
  });
  return deeper;
}

/**
 * The fragment as a document node, or null when the structure is not renderable: deeper than the
 * editor shows (Node.fromJSON recurses once per level, see MAX_RICH_TEXT_DEPTH) or not of the
 * schema at all. The caller then renders the projection's plain text (`fragmentToPlainText`,
 * which walks any depth).
 */
export function fragmentToNode(fragment: Y.XmlFragment): PMNode | null {
  if (deeperThan(fragment, MAX_RICH_TEXT_DEPTH)) return null;
  try {
    return withoutUnsafeLinks(PMNode.fromJSON(richTextSchema(), fragmentToJson(fragment)));
  } catch {
    return null;
  }
}

/** A section's rich text: its node when renderable, its plain text (from the projection) always. */
export interface RichText {
  node: PMNode | null;
  text: string;
}

/** Whether rich text holds nothing a reader would see. */
export function isEmptyRich(rich: RichText): boolean {
  return rich.node ? rich.node.textContent.trim() === '' && !hasLeaf(rich.node) : rich.text.trim() === '';
}

function hasLeaf(node: PMNode): boolean {
  let found = false;
  node.descendants((child) => {
    if (child.type.name === 'horizontalRule') found = true;
    return !found;
  });
  return found;
}
