import * as Y from 'yjs';
import { walkXml } from './xmlTree';

/**
 * Rich text as ProseMirror/Tiptap JSON, converted to and from the Y.XmlFragment the editor writes
 * (y-prosemirror's encoding: an element per node with its attributes, text as Y.XmlText whose
 * formatting attributes are the marks). No schema is needed either way, so what is stored comes
 * back exactly as it was, and any renderer that takes Tiptap JSON can read it. Both directions keep
 * their own stack: a fragment may nest deeper than recursion allows (see xmlTree.ts).
 */

/** A mark on a text node (bold, italic, link with its href …). */
export interface RichTextMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node of a ProseMirror document in its JSON form. */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: RichTextMark[];
}

/** The root of a rich-text field: `{ type: 'doc', content: [...] }`. */
export type RichTextDoc = RichTextNode & { type: 'doc' };

/** y-prosemirror names a mark that may occur twice on one text `name--hash`; the mark is `name`. */
const markName = (attribute: string) => attribute.split('--')[0]!;

function textNodes(text: Y.XmlText): RichTextNode[] {
  const ops = text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>;
  return ops.flatMap((op) => {
    if (typeof op.insert !== 'string' || op.insert === '') return [];
    const node: RichTextNode = { type: 'text', text: op.insert };
    const marks = Object.entries(op.attributes ?? {}).map(([name, attrs]): RichTextMark => {
      const mark: RichTextMark = { type: markName(name) };
      if (attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0)
        mark.attrs = { ...(attrs as Record<string, unknown>) };
      return mark;
    });
    if (marks.length > 0) node.marks = marks;
    return [node];
  });
}

/** The JSON form of a rich-text fragment (any depth). */
export function fragmentToJson(fragment: Y.XmlFragment): RichTextDoc {
  const root: RichTextDoc = { type: 'doc', content: [] };
  const nodes = new Map<Y.XmlFragment, RichTextNode>([[fragment, root]]);
  walkXml(
    fragment,
    (node, _depth, parent) => {
      const into = nodes.get(parent)!;
      if (node instanceof Y.XmlText) {
        (into.content ??= []).push(...textNodes(node));
      } else if (node instanceof Y.XmlElement) {
        const element: RichTextNode = { type: node.nodeName };
        const attrs = node.getAttributes() as Record<string, unknown>;
        if (Object.keys(attrs).length > 0) element.attrs = { ...attrs };
        (into.content ??= []).push(element);
        nodes.set(node, element);
      } else return false;
    },
    (node) => nodes.delete(node),
  );
  return root;
}

/** Formatting attributes of a text node: mark name → attrs, as y-prosemirror writes them. */
function attributesOf(marks: RichTextMark[] = []): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  marks.forEach((mark, index) => {
    const name = mark.type in attributes ? `${mark.type}--${index}` : mark.type;
    attributes[name] = mark.attrs ?? {};
  });
  return attributes;
}

/**
 * Appends `json`'s content to `fragment` (which must be in a doc): each element is placed first
 * and filled afterwards, so no insert nests more than one level.
 */
export function jsonToFragment(fragment: Y.XmlFragment, json: RichTextNode): void {
  if (!fragment.doc) throw new Error('jsonToFragment needs a fragment that is part of a Y.Doc');
  const stack: Array<{ target: Y.XmlFragment; nodes: RichTextNode[] }> = [
    { target: fragment, nodes: json.content ?? [] },
  ];
  fragment.doc.transact(() => {
    while (stack.length > 0) {
      const { target, nodes } = stack.pop()!;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        if (node.type === 'text') {
          // Adjacent text nodes are one Y.XmlText, as the editor writes them.
          const run: RichTextNode[] = [];
          while (i < nodes.length && nodes[i]!.type === 'text') run.push(nodes[i++]!);
          i--;
          const text = new Y.XmlText();
          target.insert(target.length, [text]);
          text.applyDelta(
            run.map((part) => ({ insert: part.text ?? '', attributes: attributesOf(part.marks) })),
          );
          continue;
        }
        const element = new Y.XmlElement(node.type);
        target.insert(target.length, [element]);
        for (const [key, value] of Object.entries(node.attrs ?? {}))
          if (value !== null && value !== undefined) element.setAttribute(key, value as string);
        if (node.content?.length) stack.push({ target: element, nodes: node.content });
      }
    }
  });
}

/** Whether `value` looks like a stored rich-text document. */
export function isRichTextDoc(value: unknown): value is RichTextDoc {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as RichTextNode).type === 'doc' &&
    (((value as RichTextNode).content ?? []) as unknown) instanceof Array
  );
}
