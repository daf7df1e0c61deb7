import type * as Y from 'yjs';
import { resolveTextAnchor } from '../../../shared/comments/anchors';
import type { CommentThread, ItemAnchor } from '../../../shared/schemas/rounds';
import type { Highlight } from './CommentsRegistry';

/** The panel's status filter. */
export type StatusFilter = 'open' | 'resolved' | 'all';

/** A thread with its anchor's state where the panel shows it. */
export interface ShownThread {
  thread: CommentThread;
  /** attached / detached (losgeraakt) / none (the whole document). */
  anchorState: 'attached' | 'detached' | 'none';
  /** The text the anchor covers now (attached text anchors). */
  quote: string | null;
}

/** Key of a structured item (item anchors, the registry's counts, the item buttons). */
export const itemKey = (anchor: Pick<ItemAnchor, 'itemKind' | 'itemId'>) =>
  `${anchor.itemKind}:${anchor.itemId}`;

/**
 * Where a thread's anchor stands: text anchors resolve against `ydoc` when it is the document the
 * thread was made on (`localAnchors`); otherwise, and for items, the server's answer holds.
 */
export function showThread(thread: CommentThread, ydoc: Y.Doc, localAnchors: boolean): ShownThread {
  const anchor = thread.anchor;
  if (!anchor) return { thread, anchorState: 'none', quote: null };
  if (anchor.type === 'text' && localAnchors) {
    const resolved = resolveTextAnchor(ydoc, anchor);
    return resolved.status === 'attached'
      ? { thread, anchorState: 'attached', quote: resolved.text }
      : { thread, anchorState: 'detached', quote: null };
  }
  return {
    thread,
    anchorState: thread.anchorStatus === 'detached' ? 'detached' : 'attached',
    quote: thread.currentQuote,
  };
}

/** True when the user wrote in the thread or is mentioned in it ("Alleen waar ik bij betrokken ben"). */
export function involves(thread: CommentThread, userId: string): boolean {
  return thread.messages.some(
    (message) => message.author?.id === userId || message.mentions.some((person) => person.id === userId),
  );
}

/**
 * The threads the filters let through. The active thread stays whatever the filters: it was
 * clicked in the text or linked.
 */
export function filterThreads(
  shown: ShownThread[],
  filter: { status: StatusFilter; mineOnly: boolean; userId: string; activeId: string | null },
): ShownThread[] {
  return shown.filter(
    ({ thread }) =>
      thread.id === filter.activeId ||
      ((filter.status === 'all' || thread.status === filter.status) &&
        (!filter.mineOnly || involves(thread, filter.userId))),
  );
}

/**
 * The text anchors to highlight among the visible threads: attached ones only, and resolved ones
 * only while the filter asks for them.
 */
export function textHighlights(visible: ShownThread[], status: StatusFilter): Highlight[] {
  return visible.flatMap(({ anchorState, thread }) =>
    anchorState === 'attached' &&
    thread.anchor?.type === 'text' &&
    (thread.status === 'open' || status !== 'open')
      ? [{ threadId: thread.id, anchor: thread.anchor }]
      : [],
  );
}

/** Open threads per structured item (`itemKey`), for the item buttons' badges. */
export function openItemCounts(threads: CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.status !== 'open' || thread.anchor?.type !== 'item') continue;
    const key = itemKey(thread.anchor);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
