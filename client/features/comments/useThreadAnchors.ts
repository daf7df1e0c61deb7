import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import type { Anchor, CommentThread } from '../../../shared/schemas/rounds';
import type { CommentsRegistry } from './CommentsRegistry';
import {
  openItemCounts,
  showThread,
  textHighlights,
  type ShownThread,
  type StatusFilter,
} from './shownThreads';
import { DRAFT_THREAD_ID } from './threadDom';
import { useDocUpdates } from './useComments';

/**
 * The threads with their anchors' state, recomputed as the doc changes. Whether an item (an
 * activity, an outcome) still exists is the server's answer: `reload` is called shortly after the
 * doc changes, when some thread hangs on an item.
 */
export function useAnchoredThreads(
  threads: CommentThread[] | null,
  ydoc: Y.Doc,
  localAnchors: boolean,
  reload: () => void,
): ShownThread[] {
  const docVersion = useDocUpdates(ydoc);
  const shown = useMemo(
    () => (threads ? threads.map((thread) => showThread(thread, ydoc, localAnchors)) : []),
    // docVersion: anchors move and detach with every change of the doc.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [threads, ydoc, localAnchors, docVersion],
  );
  const hasItemAnchors = threads?.some((thread) => thread.anchor?.type === 'item') ?? false;
  useEffect(() => {
    if (!hasItemAnchors || docVersion === 0) return undefined;
    const timer = setTimeout(reload, 1500);
    return () => clearTimeout(timer);
  }, [hasItemAnchors, docVersion, reload]);
  return shown;
}

/**
 * Keeps the page's editors in step with the panel: the highlights of the visible text anchors and
 * the active thread, the open counts for the toggle and the item badges; a click on a highlight
 * calls `onThreadClick`. Does nothing outside an EditorRegistryProvider.
 */
export function useHighlightSync(
  registry: CommentsRegistry | null,
  panel: {
    threads: CommentThread[] | null;
    visible: ShownThread[];
    /** False when the shown threads were made on another document (a round's frozen version). */
    localAnchors: boolean;
    status: StatusFilter;
    activeId: string | null;
    openCount: number;
    /** The anchor of the comment being written: its text stays marked while the composer is open. */
    draft: Anchor | null;
  },
  onThreadClick: (threadId: string) => void,
) {
  const { threads, visible, localAnchors, status, activeId, openCount, draft } = panel;
  // After every render: the visible threads and their anchors follow the filters and the doc.
  useEffect(() => {
    if (!registry) return;
    if (!localAnchors) {
      registry.setHighlights([], activeId);
    } else if (draft?.type === 'text') {
      const highlights = [...textHighlights(visible, status), { threadId: DRAFT_THREAD_ID, anchor: draft }];
      registry.setHighlights(highlights, DRAFT_THREAD_ID);
    } else {
      registry.setHighlights(textHighlights(visible, status), activeId);
    }
  });
  useEffect(() => {
    if (!registry || !threads) return;
    registry.setCounts(openCount, openItemCounts(threads));
  }, [registry, threads, openCount]);
  useEffect(() => () => registry?.setHighlights([], null), [registry]);
  useEffect(() => registry?.onThreadClick(onThreadClick), [registry, onThreadClick]);
}
