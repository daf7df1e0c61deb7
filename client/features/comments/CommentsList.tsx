import type { CommentThread, PersonRef } from '../../../shared/schemas/rounds';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import type { ShownThread } from './shownThreads';
import { ThreadView } from './ThreadView';
import { useResolveFocus } from './useResolveFocus';
import type { ThreadsState } from './useComments';

/** The panel's threads: loading, error with retry, the empty states, then the list. */
export function CommentsList({
  state,
  visible,
  total,
  activeId,
  onActivate,
  canComment,
  currentUserId,
  people,
  onChanged,
  onRetry,
}: {
  state: ThreadsState;
  visible: ShownThread[];
  /** How many threads there are before filtering (which empty state to show). */
  total: number;
  activeId: string | null;
  /** "Toon in tekst" was pressed on a thread. */
  onActivate: (thread: CommentThread) => void;
  canComment: boolean;
  currentUserId: string;
  people: PersonRef[];
  /** Something changed on the server; `announcement` tells screen readers what. */
  onChanged: (announcement?: string) => void;
  onRetry: () => void;
}) {
  const t = useT();
  const focusAfterResolve = useResolveFocus(visible);
  return (
    <>
      {state.status === 'loading' ? <p className="muted">{t('comments.loading')}</p> : null}
      {state.status === 'error' ? (
        <>
          <ErrorMessage error={state.error} />
          <button type="button" className="button button--small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      ) : null}
      {state.status === 'ready' && visible.length === 0 ? (
        <p className="empty-state" data-testid="comments-empty">
          {total === 0 ? t('comments.none') : t('comments.noneFiltered')}
        </p>
      ) : null}
      <ol className="comments-list">
        {visible.map((entry) => (
          <ThreadView
            key={entry.thread.id}
            entry={entry}
            active={entry.thread.id === activeId}
            onActivate={() => onActivate(entry.thread)}
            canComment={canComment}
            currentUserId={currentUserId}
            people={people}
            onChanged={onChanged}
            onResolving={() => focusAfterResolve(entry.thread.id)}
          />
        ))}
      </ol>
    </>
  );
}
