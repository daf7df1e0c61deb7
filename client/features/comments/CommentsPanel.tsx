import { useId } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { CommentComposer } from './CommentComposer';
import { CommentFilters } from './CommentFilters';
import { CommentsList } from './CommentsList';
import { CommentsMargin } from './CommentsMargin';
import { COMMENTS_PANEL_ID } from './threadDom';
import { usePanelEscape } from './usePanelEscape';
import { useCommentsController, type CommentsSource } from './useCommentsController';

export type CommentsPanelProps = CommentsSource;

export { COMMENTS_PANEL_ID };

/**
 * "Reacties": the comment threads of a document (or of one feedback round) with filters, the
 * composer (on the selection, an item or the whole document), replies, editing and deleting one's
 * own messages, resolve and reopen, @mentions. Inside an EditorRegistryProvider it also highlights
 * anchored text in the editors and takes compose requests (Ctrl+Alt+M, item buttons); it follows
 * the server live through its event stream. On a wide screen, while the panel is closed, the
 * threads sit in the margin beside their anchors instead (CommentsMargin).
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const t = useT();
  const ctl = useCommentsController(props);
  const { registry, panelOpen, filters, composer } = ctl;
  const headingId = useId();
  const idPrefix = useId();

  const closePanel = () => {
    registry?.setPanelOpen(false);
    document.getElementById('comments-toggle')?.focus();
  };
  const closable = Boolean(registry && registry.toggles > 0);
  const onKeyDown = usePanelEscape(panelOpen, closable, () => registry?.setPanelOpen(false));

  return (
    <>
      {ctl.inMargin ? <CommentsMargin ctl={ctl} idPrefix={idPrefix} /> : null}
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
          {ctl.inMargin ? '' : ctl.announcement}
        </p>

        <CommentFilters
          idPrefix={idPrefix}
          status={filters.statusFilter}
          onStatus={filters.setStatusFilter}
          mineOnly={filters.mineOnly}
          onMineOnly={filters.setMineOnly}
          rounds={props.roundId === null && filters.rounds.length > 0 ? filters.rounds : null}
          round={filters.round}
          onRound={(next) => {
            filters.setRound(next);
            ctl.setActiveId(null);
          }}
        />

        {ctl.composerAllowed && !ctl.inMargin ? (
          <CommentComposer
            composer={composer}
            inputId={`${idPrefix}-new`}
            registry={registry}
            people={ctl.people}
          />
        ) : props.canComment && !ctl.localAnchors ? (
          <p className="field__hint">{t('comments.roundReadOnly')}</p>
        ) : null}

        {ctl.inMargin ? null : (
          <CommentsList
            state={ctl.state}
            visible={ctl.visible}
            total={ctl.shown.length}
            activeId={ctl.activeId}
            onActivate={ctl.toggleActive}
            canComment={ctl.threadsWritable}
            currentUserId={props.currentUserId}
            people={ctl.people}
            onChanged={ctl.onChanged}
            onRetry={ctl.reload}
          />
        )}
      </aside>
    </>
  );
}
