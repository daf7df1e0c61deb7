import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { CommentThread } from '../../../shared/schemas/rounds';
import { useT } from '../../i18n/I18nProvider';
import type { CommentScope } from './commentsApi';
import { useRegistryState } from './EditorRegistry';
import { filterThreads, type StatusFilter } from './shownThreads';
import { DRAFT_THREAD_ID, revealAnchor, scrollToThread } from './threadDom';
import { useCommentThreads, useMentionable } from './useComments';
import { useComposer } from './useComposer';
import { useLinkedSelection, useRevealLinkedThread } from './useDeepLink';
import { useMarginMode } from './useMarginMode';
import { useAnchoredThreads, useHighlightSync } from './useThreadAnchors';

/** What the comments of one document (or round) need, whichever view shows them. */
export interface CommentsSource {
  docId: string;
  /** null: everyday comments on the live draft; a round id: that round's comments (anchors resolve against its frozen version). */
  roundId: string | null;
  /** The Y.Doc anchors resolve against: the live session's doc, or the frozen version's local doc. */
  ydoc: Y.Doc;
  canComment: boolean;
  currentUserId: string;
}

/**
 * The state of a document's comments shared by the panel and the margin: the threads (live), the
 * filters, the active thread, the composer, the highlights in the editors and a linked thread.
 */
export function useCommentsController({ docId, roundId, ydoc, canComment, currentUserId }: CommentsSource) {
  const t = useT();
  const registry = useRegistryState();
  const marginMode = useMarginMode(registry);
  const { linked, round, setRound, activeId, setActiveId } = useLinkedSelection(roundId);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('open');
  const [mineOnly, setMineOnly] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const scope: CommentScope = useMemo(() => ({ docId, roundId }), [docId, roundId]);
  const { state, reload, rounds } = useCommentThreads(scope, round);
  const people = useMentionable(scope, canComment);
  // Anchors resolve against `ydoc` only when it is the document the threads were made on: the live
  // draft for everyday comments, the frozen version for a round's own panel.
  const localAnchors = roundId !== null || round === 'live';
  // Comments are written on what is shown: not on the live draft while looking at a round's threads.
  const composerAllowed = canComment && localAnchors;
  // A round's threads shown beside the draft follow that round's answer from the API (closed: read-only).
  const threadsWritable =
    canComment && (localAnchors || rounds.some((item) => item.id === round && item.can.comment));
  const panelOpen = registry?.panelOpen ?? true;
  // The margin shows the threads while the panel (every thread, the filters) is closed.
  const inMargin = marginMode && !panelOpen;

  const threads = state.status === 'ready' ? state.threads : null;
  const shown = useAnchoredThreads(threads, ydoc, localAnchors, reload);
  const visible = filterThreads(shown, { status: statusFilter, mineOnly, userId: currentUserId, activeId });
  const openCount = shown.filter(({ thread }) => thread.status === 'open').length;

  // Clicking a highlight selects its thread (and shows it, whatever the filter).
  const showThread = useCallback(
    (threadId: string) => {
      if (threadId === DRAFT_THREAD_ID) return;
      setActiveId(threadId);
      if (!registry?.marginMode) registry?.setPanelOpen(true);
      scrollToThread(threadId);
    },
    [registry, setActiveId],
  );

  const composer = useComposer({
    registry,
    allowed: composerAllowed,
    scope,
    threads,
    onPosted: (threadId) => {
      if (statusFilter === 'resolved') setStatusFilter('open');
      setActiveId(threadId);
      setAnnouncement(t('comments.posted'));
      reload();
    },
  });
  useHighlightSync(
    registry,
    {
      threads,
      visible,
      localAnchors,
      status: statusFilter,
      activeId,
      openCount,
      draft: composer.open?.anchor ?? null,
    },
    showThread,
  );
  useRevealLinkedThread(linked, threads, registry, localAnchors);

  // Opening or closing the panel reflows the text beside it: keep the line being read in place.
  useLayoutEffect(() => registry?.restoreReadingPosition(), [registry, panelOpen, inMargin]);

  /** "Toon in tekst": (de)selects the thread and brings its anchor into view. */
  const toggleActive = (thread: CommentThread) => {
    const next = thread.id === activeId ? null : thread.id;
    setActiveId(next);
    if (next) revealAnchor(thread);
  };
  const onChanged = (message?: string) => {
    if (message) setAnnouncement(message);
    reload();
  };

  return {
    currentUserId,
    registry,
    inMargin,
    panelOpen,
    filters: { statusFilter, setStatusFilter, mineOnly, setMineOnly, round, setRound, rounds },
    activeId,
    setActiveId,
    announcement,
    state,
    reload,
    people,
    localAnchors,
    composerAllowed,
    threadsWritable,
    shown,
    visible,
    composer,
    toggleActive,
    onChanged,
  };
}

/** The comments' state for one view, from `useCommentsController`. */
export type CommentsController = ReturnType<typeof useCommentsController>;
