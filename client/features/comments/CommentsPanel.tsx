import { useCallback, useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { CommentThread } from '../../../shared/schemas/rounds';
import type { CommentScope } from './commentsApi';
import { useT } from '../../i18n/I18nProvider';
import { CommentComposer } from './CommentComposer';
import { CommentFilters } from './CommentFilters';
import { CommentsList } from './CommentsList';
import { useRegistryState } from './EditorRegistry';
import { filterThreads, type StatusFilter } from './shownThreads';
import { revealAnchor, scrollToThread } from './threadDom';
import { useCommentThreads, useMentionable } from './useComments';
import { useComposer } from './useComposer';
import { usePanelEscape } from './usePanelEscape';
import { useLinkedSelection, useRevealLinkedThread } from './useDeepLink';
import { useAnchoredThreads, useHighlightSync } from './useThreadAnchors';

export interface CommentsPanelProps {
  docId: string;
  /** null: everyday comments on the live draft; a round id: that round's comments (anchors resolve against its frozen version). */
  roundId: string | null;
  /** The Y.Doc anchors resolve against: the live session's doc, or the frozen version's local doc. */
  ydoc: Y.Doc;
  canComment: boolean;
  currentUserId: string;
}

/** The DOM id of the panel (the toggle button controls it). */
export const COMMENTS_PANEL_ID = 'comments-panel';

/**
 * "Reacties": the comment threads of a document (or of one feedback round) with filters, the
 * composer (on the selection, an item or the whole document), replies, editing and deleting one's
 * own messages, resolve and reopen, @mentions. Inside an EditorRegistryProvider it also highlights
 * anchored text in the editors and takes compose requests (Ctrl+Alt+M, item buttons); it follows
 * the server live through its event stream.
 */
export function CommentsPanel({ docId, roundId, ydoc, canComment, currentUserId }: CommentsPanelProps) {
  const t = useT();
  const registry = useRegistryState();
  const headingId = useId();
  const idPrefix = useId();
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

  const threads = state.status === 'ready' ? state.threads : null;
  const shown = useAnchoredThreads(threads, ydoc, localAnchors, reload);
  const visible = filterThreads(shown, { status: statusFilter, mineOnly, userId: currentUserId, activeId });
  const openCount = shown.filter(({ thread }) => thread.status === 'open').length;

  // Clicking a highlight selects its thread (and shows it, whatever the filter).
  const showThread = useCallback(
    (threadId: string) => {
      setActiveId(threadId);
      registry?.setPanelOpen(true);
      scrollToThread(threadId);
    },
    [registry, setActiveId],
  );
  useHighlightSync(
    registry,
    { threads, visible, localAnchors, status: statusFilter, activeId, openCount },
    showThread,
  );
  useRevealLinkedThread(linked, threads, registry);

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

  const closePanel = () => {
    registry?.setPanelOpen(false);
    document.getElementById('comments-toggle')?.focus();
  };
  const closable = Boolean(registry && registry.toggles > 0);
  const onKeyDown = usePanelEscape(panelOpen, closable, () => registry?.setPanelOpen(false));

  const toggleActive = (thread: CommentThread) => {
    const next = thread.id === activeId ? null : thread.id;
    setActiveId(next);
    if (next) revealAnchor(thread);
  };

  return (
    <aside
      id={COMMENTS_PANEL_ID}
      className="comments-panel"
      aria-labelledby={headingId}
      hidden={!panelOpen}
      data-testid="comments-panel"
      onKeyDown={onKeyDown}
    >
      <div className="comments-panel__head">
        <h2 id={headingId}>{t('comments.heading')}</h2>
        {closable ? (
          <button type="button" className="button button--small" onClick={closePanel}>
            {t('comments.close')}
          </button>
        ) : null}
      </div>
      <p role="status" className="visually-hidden" data-testid="comments-announcer">
        {announcement}
      </p>

      <CommentFilters
        idPrefix={idPrefix}
        status={statusFilter}
        onStatus={setStatusFilter}
        mineOnly={mineOnly}
        onMineOnly={setMineOnly}
        rounds={roundId === null && rounds.length > 0 ? rounds : null}
        round={round}
        onRound={(next) => {
          setRound(next);
          setActiveId(null);
        }}
      />

      {composerAllowed ? (
        <CommentComposer
          composer={composer}
          inputId={`${idPrefix}-new`}
          registry={registry}
          people={people}
        />
      ) : canComment && !localAnchors ? (
        <p className="field__hint">{t('comments.roundReadOnly')}</p>
      ) : null}

      <CommentsList
        state={state}
        visible={visible}
        total={shown.length}
        activeId={activeId}
        onActivate={toggleActive}
        canComment={threadsWritable}
        currentUserId={currentUserId}
        people={people}
        onChanged={(message) => {
          if (message) setAnnouncement(message);
          reload();
        }}
        onRetry={reload}
      />
    </aside>
  );
}
