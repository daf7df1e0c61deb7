import type { DecorationAttrs } from '@tiptap/pm/view';
import { readableUserColor } from '../collab/colors';

function userName(user: Record<string, unknown>): string {
  return typeof user['name'] === 'string' && user['name'].trim() ? user['name'].trim() : '?';
}

/**
 * Another person's caret: a thin line in their colour with a name label (white on their colour,
 * which the palette keeps at ≥ 4.5:1).
 *
 * The name is not document text, so it must stay out of the editor's text: the label's own text
 * node is `visibility: hidden` (innerText, copy and the accessibility tree skip it) and styles.css
 * draws the visible name with `::after { content: attr(data-name) }`. The whole caret is also
 * aria-hidden; the presence bar already says who is here.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = readableUserColor(user['color']);
  const name = userName(user);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.dataset['name'] = name;
  label.textContent = name;
  caret.append(label);
  return caret;
}

/**
 * Another person's selection: a light tint of their colour (20 % alpha), so the selected text
 * keeps its normal contrast.
 */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  return {
    nodeName: 'span',
    class: 'collaboration-carets__selection',
    style: `background-color: ${readableUserColor(user['color'])}33`,
  };
}
