/**
 * Rich text (the shared schema's nodes) as HTML, from the schema's own `toDOM` specs — what
 * ProseMirror's DOMSerializer builds, written as a string. Without a DOM: a large document's export
 * stays within the worker's time limit (happy-dom took seconds for 6,000 paragraphs).
 */
import type { DOMOutputSpec, Mark, Node as PMNode } from '@tiptap/pm/model';
import { escapeHtml } from './escape';

const VOID_ELEMENTS = new Set(['br', 'hr', 'img']);
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/i;

/** An output spec as HTML; `inner` fills its hole (0). Text and attribute values are escaped. */
function renderSpec(spec: DOMOutputSpec, inner: string): string {
  if (typeof spec === 'string') return escapeHtml(spec);
  if (!Array.isArray(spec)) throw new Error('rich text: a DOM node as output spec is not supported');
  const [tag, ...rest] = spec as [string, ...unknown[]];
  let attributes = '';
  const first = rest[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    rest.shift();
    for (const [name, value] of Object.entries(first as Record<string, unknown>))
      if (value !== null && value !== undefined && ATTRIBUTE_NAME.test(name))
        attributes += ` ${name}="${escapeHtml(value)}"`;
  }
  if (VOID_ELEMENTS.has(tag)) return `<${tag}${attributes}>`;
  const children = rest.map((child) => (child === 0 ? inner : renderSpec(child as DOMOutputSpec, inner)));
  return `<${tag}${attributes}>${children.join('')}</${tag}>`;
}

function markHtml(mark: Mark, inner: string): string {
  const toDOM = mark.type.spec.toDOM;
  return toDOM ? renderSpec(toDOM(mark, true), inner) : inner;
}

/** One node as HTML; recursion is bounded by the schema's depth (see fragmentToNode). */
function nodeHtml(node: PMNode): string {
  if (node.isText)
    return node.marks.reduceRight((inner, mark) => markHtml(mark, inner), escapeHtml(node.text));
  const inner = contentHtml(node);
  const toDOM = node.type.spec.toDOM;
  return toDOM ? renderSpec(toDOM(node), inner) : inner;
}

function contentHtml(node: PMNode): string {
  const parts: string[] = [];
  node.forEach((child) => parts.push(nodeHtml(child)));
  return parts.join('');
}

/** A document node's blocks as HTML. */
export function richToHtml(doc: PMNode): string {
  return contentHtml(doc);
}
