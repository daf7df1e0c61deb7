import * as Y from 'yjs';

/**
 * Walks over rich text (Y.XmlFragment trees) without recursion. Yjs' own tree methods —
 * `toString`, `toJSON`, `clone`, deleting an element (and garbage-collecting it) — call themselves
 * once per level and exhaust the stack at about 1,200 (toString) to 4,600 (delete) levels, and a
 * Yjs update can nest elements as deep as its sender likes. Everything here keeps its own stack,
 * so rich text of any depth can be read and compared (copying and clearing: sharedTypeTree.ts).
 */

/**
 * Deepest element nesting the editor is expected to hold (element levels, the fragment's own
 * children at 1): a list level costs two (list + list item), so this is 50 list levels where Word
 * and Google Docs stop at 9. Deeper rich text is not shown in the editor: y-tiptap's conversion to
 * ProseMirror recurses and overflows between 2,000 and 4,000 levels (then the page fails), so 100
 * leaves a wide margin. Every server walk handles any depth.
 */
export const MAX_RICH_TEXT_DEPTH = 100;

/** Anything a fragment or element can hold: element, text, hook, or a raw value from a foreign update. */
export type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook | unknown;

/** Called for every node under the root in document order; `false` skips the node's children. */
export type EnterNode = (node: XmlChild, depth: number, parent: Y.XmlFragment) => boolean | void;

/** Called for each element (and the root) after its children, innermost first. */
export type LeaveNode = (node: Y.XmlFragment, depth: number) => void;

interface Frame {
  node: Y.XmlFragment;
  children: unknown[];
  next: number;
  depth: number;
}

/**
 * Depth-first walk of `root`'s descendants (the root itself at depth 0 only reaches `leave`);
 * an element's depth counts the elements from the root down to it, itself included.
 */
export function walkXml(root: Y.XmlFragment, enter: EnterNode, leave?: LeaveNode): void {
  const stack: Frame[] = [{ node: root, children: root.toArray(), next: 0, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.children.length) {
      stack.pop();
      leave?.(frame.node, frame.depth);
      continue;
    }
    const child = frame.children[frame.next++];
    const depth = frame.depth + 1;
    if (enter(child, depth, frame.node) === false) continue;
    if (child instanceof Y.XmlElement) stack.push({ node: child, children: child.toArray(), next: 0, depth });
  }
}

/** How deeply elements nest under `root` (0: no elements, 1: only top-level blocks). */
export function xmlDepth(root: Y.XmlFragment): number {
  let deepest = 0;
  walkXml(root, (node, depth) => {
    if (node instanceof Y.XmlElement && depth > deepest) deepest = depth;
  });
  return deepest;
}

function openTag(element: Y.XmlElement): string {
  const attrs = element.getAttributes() as Record<string, unknown>;
  const pairs = Object.keys(attrs)
    .sort()
    // String concatenation, as Yjs writes it.
    .map((key) => key + '="' + (attrs[key] as string) + '"');
  return `<${element.nodeName.toLocaleLowerCase()}${pairs.length > 0 ? ' ' + pairs.join(' ') : ''}>`;
}

/** The same string as Yjs' `toString()` of a fragment or element, for any depth. */
export function xmlToString(root: Y.XmlFragment): string {
  const parts: string[] = [];
  if (root instanceof Y.XmlElement) parts.push(openTag(root));
  walkXml(
    root,
    (node) => {
      if (node instanceof Y.XmlElement) parts.push(openTag(node));
      else parts.push(String(node));
    },
    (node) => {
      if (node instanceof Y.XmlElement) parts.push(`</${node.nodeName.toLocaleLowerCase()}>`);
    },
  );
  return parts.join('');
}
