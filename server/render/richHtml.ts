/** Rich text (the shared schema's nodes) as HTML, through ProseMirror's DOMSerializer on happy-dom. */
import { DOMSerializer, type Node as PMNode } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { richTextSchema } from '../../shared/editor/extensions';
import { escapeHtml } from './escape';

const VOID_ELEMENTS = new Set(['br', 'hr', 'img']);

/**
 * The serializer's DOM as HTML, text and attribute values escaped as every other export text
 * (escapeHtml), so a user's `<`, `=` or quote never appears raw. Recursion is bounded by the
 * schema's depth (see fragmentToNode).
 */
function toHtml(node: Node): string {
  if (node.nodeType === 3) return escapeHtml(node.textContent);
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  const attributes = [...element.attributes]
    .map((attr) => ` ${attr.name}="${escapeHtml(attr.value)}"`)
    .join('');
  if (VOID_ELEMENTS.has(tag)) return `<${tag}${attributes}>`;
  return `<${tag}${attributes}>${[...element.childNodes].map(toHtml).join('')}</${tag}>`;
}

/** Turns document nodes into HTML strings; one happy-dom window for all of one render. */
export type HtmlWriter = (doc: PMNode) => string;

/**
 * Runs `render` with an HtmlWriter and closes its window afterwards. The window runs no script
 * and loads nothing: it only builds elements for the serializer.
 */
export function withHtmlWriter<T>(render: (write: HtmlWriter) => T): T {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  const serializer = DOMSerializer.fromSchema(richTextSchema());
  const document = window.document as unknown as Document;
  try {
    return render((doc) => {
      const wrap = document.createElement('div');
      serializer.serializeFragment(doc.content, { document }, wrap);
      return [...wrap.childNodes].map(toHtml).join('');
    });
  } finally {
    void window.happyDOM.abort();
    void window.happyDOM.close();
  }
}
