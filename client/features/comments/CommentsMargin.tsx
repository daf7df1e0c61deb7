import { MessagesSquare } from 'lucide-react';
import { useRef } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { CommentComposer } from './CommentComposer';
import { itemKey, type ShownThread } from './shownThreads';
import { COMMENTS_PANEL_ID, DRAFT_THREAD_ID } from './threadDom';
import { ThreadView } from './ThreadView';
import type { CommentsController } from './useCommentsController';
import { useMarginPlacement, type MarginItem } from './useMarginPlacement';
import { useResolveFocus } from './useResolveFocus';

/** The element a thread's card sits beside: its highlight or its item's button; null for none. */
function anchorSelector({ thread, anchorState }: ShownThread): string | null {
  if (anchorState !== 'attached' || !thread.anchor) return null;
  return thread.anchor.type === 'text'
    ? `[data-comment-thread="${CSS.escape(thread.id)}"]`
    : `[data-comment-item="${CSS.escape(itemKey(thread.anchor))}"]`;
}

/** The composer's anchor element in the text (its marked selection, or the item's button). */
function draftSelector(ctl: CommentsController): string | null {
  const anchor = ctl.composer.open?.anchor;
  if (!anchor) return null;
  return anchor.type === 'text'
    ? `[data-comment-thread="${DRAFT_THREAD_ID}"]`
    : `[data-comment-item="${CSS.escape(itemKey(anchor))}"]`;
}

/**
 * The threads beside their anchors, as Google Docs shows them on a wide screen: each card at the
 * height of its text (or item), pushed down where cards would overlap, the active one at its
 * anchor; the composer of a new comment beside the selection. Threads on the whole document and
 * losgeraakte ones are in the panel ("Alle reacties"), as are the filters and the resolved ones.
 */
export function CommentsMargin({ ctl, idPrefix }: { ctl: CommentsController; idPrefix: string }) {
  const t = useT();
  const cardsRef = useRef<HTMLOListElement>(null);
  const focusAfterResolve = useResolveFocus(ctl.visible);
  const placed = ctl.visible.flatMap((entry) => {
    const selector = anchorSelector(entry);
    return selector ? [{ entry, selector }] : [];
  });
  const draft = ctl.composer.open ? draftSelector(ctl) : null;
  const items: MarginItem[] = placed.map(({ entry, selector }) => ({
    key: entry.thread.id,
    anchorSelector: selector,
  }));
  if (draft) {
    items.push({ key: DRAFT_THREAD_ID, anchorSelector: draft, fallbackTop: ctl.registry?.composeTop });
  }
  const activeKey = ctl.composer.open ? DRAFT_THREAD_ID : ctl.activeId;
  const { tops, extent } = useMarginPlacement(cardsRef, items, activeKey);
  const elsewhere = ctl.visible.length - placed.filter(({ entry }) => tops.has(entry.thread.id)).length;

  const openPanel = () => {
    ctl.registry?.setPanelOpen(true);
    // This button goes with the margin: focus the panel that replaces it, where the reader is.
    requestAnimationFrame(() => {
      const heading = document.getElementById(COMMENTS_PANEL_ID)?.querySelector<HTMLElement>('h2');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
    });
  };

  return (
    <aside className="comments-margin" aria-labelledby={`${idPrefix}-margin`} data-testid="comments-margin">
      <div className="comments-margin__head">
        <h2 id={`${idPrefix}-margin`} className="visually-hidden">
          {t('margin.heading')}
        </h2>
        <button
          type="button"
          className="button button--small button--link"
          data-testid="comments-all"
          aria-controls={COMMENTS_PANEL_ID}
          aria-expanded={false}
          onClick={openPanel}
        >
          <MessagesSquare aria-hidden="true" size={16} />
          {t('margin.allComments')}
        </button>
        {elsewhere > 0 ? (
          <p className="comments-margin__elsewhere" data-testid="comments-elsewhere">
            {t('margin.notShown', { count: elsewhere })}
          </p>
        ) : null}
      </div>
      <p role="status" className="visually-hidden" data-testid="margin-announcer">
        {ctl.announcement}
      </p>
      {ctl.composer.error && !ctl.composer.open ? (
        <p className="error-message" role="alert" data-testid="compose-error">
          {t(ctl.composer.error)}
        </p>
      ) : null}
      <ol className="comments-margin__cards" ref={cardsRef} style={{ minHeight: `${extent}px` }}>
        {ctl.composer.open && draft ? (
          <li
            className="comments-margin__composer"
            data-margin-key={DRAFT_THREAD_ID}
            style={
              tops.has(DRAFT_THREAD_ID) ? { top: `${tops.get(DRAFT_THREAD_ID)}px` } : { visibility: 'hidden' }
            }
          >
            <CommentComposer
              composer={ctl.composer}
              inputId={`${idPrefix}-new`}
              registry={ctl.registry}
              people={ctl.people}
            />
          </li>
        ) : null}
        {placed.map(({ entry }) => (
          <ThreadView
            key={entry.thread.id}
            entry={entry}
            active={entry.thread.id === ctl.activeId}
            onActivate={() => ctl.toggleActive(entry.thread)}
            canComment={ctl.threadsWritable}
            currentUserId={ctl.currentUserId}
            people={ctl.people}
            onChanged={ctl.onChanged}
            onResolving={() => focusAfterResolve(entry.thread.id)}
            margin={{
              top: tops.get(entry.thread.id) ?? null,
              onSelect: () => {
                if (ctl.activeId !== entry.thread.id) ctl.setActiveId(entry.thread.id);
              },
            }}
          />
        ))}
      </ol>
    </aside>
  );
}
