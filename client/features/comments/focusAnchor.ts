import type { CommentThread } from '../../../shared/schemas/rounds';
import type { CommentsRegistry } from './CommentsRegistry';
import { itemKey } from './shownThreads';

/** How long to wait for a thread's highlight to be drawn (the editors load, then decorate). */
const WAIT_MS = 5000;

/**
 * Scrolls a thread's anchor to the middle of the screen and gives it focus: the caret at the start
 * of its text in the editor, or the item's "Reageer" button. Waits for the highlight to appear;
 * calls `otherwise` when it never does (the text is gone). Answers a cancel function.
 */
export function focusAnchor(
  registry: CommentsRegistry,
  thread: CommentThread,
  otherwise: () => void,
): () => void {
  const anchor = thread.anchor;
  if (!anchor) return () => undefined;
  const selector =
    anchor.type === 'text'
      ? `[data-comment-thread="${CSS.escape(thread.id)}"]`
      : `[data-comment-item="${CSS.escape(itemKey(anchor))}"]`;
  const started = performance.now();
  let frame = 0;
  const attempt = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) {
      if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(attempt);
      else otherwise();
      return;
    }
    element.scrollIntoView({ block: 'center' });
    const editor = anchor.type === 'text' ? registry.editorFor(anchor.fragment) : undefined;
    if (!editor || editor.isDestroyed) {
      element.focus({ preventScroll: true });
      return;
    }
    const position = editor.view.posAtDOM(element, 0);
    editor.commands.setTextSelection(position);
    editor.view.focus();
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}
