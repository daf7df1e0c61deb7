import type { CommentThread } from '../../../shared/schemas/rounds';
import { itemKey } from './shownThreads';

/** The highlight of the text a new comment is being written on (not a thread yet). */
export const DRAFT_THREAD_ID = 'nieuw';

/** The DOM id of the comments panel (the toggle buttons control it). */
export const COMMENTS_PANEL_ID = 'comments-panel';

/** The DOM id of a thread's article in the panel. */
export const threadDomId = (threadId: string) => `comment-thread-${threadId}`;

/** Scrolls a thread of the panel into view (after the render that shows it). */
export function scrollToThread(threadId: string) {
  requestAnimationFrame(() =>
    document.getElementById(threadDomId(threadId))?.scrollIntoView({ block: 'nearest' }),
  );
}

/** Scrolls the anchored text (or item) of a thread into view. */
export function revealAnchor(thread: CommentThread) {
  const anchor = thread.anchor;
  if (!anchor) return;
  const selector =
    anchor.type === 'text'
      ? `[data-comment-thread="${CSS.escape(thread.id)}"]`
      : `[data-comment-item="${CSS.escape(itemKey(anchor))}"]`;
  requestAnimationFrame(() =>
    document.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
  );
}
