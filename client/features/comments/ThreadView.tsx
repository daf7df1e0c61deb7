import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PersonRef } from '../../../shared/schemas/rounds';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { reopenThread, replyToThread, resolveThread } from './commentsApi';
import { toApiError, type ApiError } from '../../api/request';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { AnchorContext } from './AnchorContext';
import { draftToBody } from './mentions';
import { emptyDraft, type Draft } from './MentionTextarea';
import { MessageForm } from './MessageForm';
import { MessageView } from './MessageView';
import type { ShownThread } from './shownThreads';
import { threadDomId } from './threadDom';

/**
 * One thread in the panel: what it is about, "Toon in tekst", its messages, and (for people who may
 * comment) reply, resolve and reopen.
 */
export function ThreadView({
  entry,
  active,
  onActivate,
  canComment,
  currentUserId,
  people,
  onChanged,
  onResolving,
  margin,
}: {
  entry: ShownThread;
  active: boolean;
  onActivate: () => void;
  canComment: boolean;
  currentUserId: string;
  people: PersonRef[];
  onChanged: (announcement?: string) => void;
  /** "Afhandelen" was pressed: the list decides where focus goes once the thread has moved. */
  onResolving: () => void;
  /** A card in the margin: its top (null until placed) and what a click on it does (select it). */
  margin?: { top: number | null; onSelect: () => void };
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const { thread, anchorState, quote } = entry;
  const headingId = useId();
  const replyId = useId();
  const [replying, setReplying] = useState(false);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const replyButtonRef = useRef<HTMLButtonElement>(null);
  const first = thread.messages[0];
  const author = first?.author?.name ?? t('comments.unknownAuthor');
  const resolved = thread.status === 'resolved';

  // Closing the reply form (send, Escape, cancel) gives focus back to the button that opened it —
  // after the render that shows the button again (a frame may come before that render).
  const refocus = useRef(false);
  const closeReply = () => {
    refocus.current = true;
    setReplying(false);
  };
  useEffect(() => {
    if (!refocus.current || replying) return;
    refocus.current = false;
    replyButtonRef.current?.focus();
  }, [replying]);

  const run = async (action: () => Promise<unknown>, announcement?: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged(announcement);
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submitReply = async (event: FormEvent) => {
    event.preventDefault();
    const body = draftToBody(draft.text, draft.people).trim();
    if (!body) return;
    if (await run(() => replyToThread(thread.id, body), t('comments.replied'))) {
      setDraft(emptyDraft);
      closeReply();
    }
  };

  // Beside its text a card need not quote it.
  const quoted = !(margin && thread.anchor?.type === 'text' && anchorState === 'attached');
  return (
    <li
      className={`comment-thread${active ? ' comment-thread--active' : ''}${resolved ? ' comment-thread--resolved' : ''}${margin ? ' comment-thread--margin' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-anchor-state={anchorState}
      {...(margin
        ? {
            'data-margin-key': thread.id,
            style: margin.top === null ? { visibility: 'hidden' as const } : { top: `${margin.top}px` },
            // A pointer on the card selects it (as on its highlight); by keyboard, "Toon in tekst" does.
            onClick: margin.onSelect,
          }
        : {})}
    >
      <article aria-labelledby={headingId} id={threadDomId(thread.id)} tabIndex={-1}>
        <h3 id={headingId} className="comment-thread__heading">
          {t('comments.threadHeading', { name: author })}
          {resolved ? (
            <span className="badge comment-thread__resolved"> {t('comments.resolvedBadge')}</span>
          ) : null}
        </h3>
        {quoted ? <AnchorContext anchor={thread.anchor} state={anchorState} quote={quote} /> : null}
        {thread.anchor && anchorState === 'attached' ? (
          <button
            type="button"
            className="button button--small button--link"
            aria-pressed={active}
            data-testid="comment-show"
            onClick={onActivate}
          >
            {t('comments.showInText')}
            <span className="visually-hidden"> ({t('comments.threadHeading', { name: author })})</span>
          </button>
        ) : null}
        <ol className="comment-messages">
          {thread.messages.map((message) => (
            <MessageView
              key={message.id}
              message={message}
              own={canComment && message.author?.id === currentUserId && !message.deleted}
              people={people}
              formatDate={formatDate}
              onChanged={onChanged}
            />
          ))}
        </ol>
        {error ? <ErrorMessage error={error} /> : null}
        {canComment ? (
          <div className="comment-thread__actions">
            {!resolved && replying ? (
              <MessageForm
                onSubmit={submitReply}
                onClose={closeReply}
                field={{
                  id: replyId,
                  label: t('comments.replyLabel', { name: author }),
                  draft,
                  onChange: setDraft,
                  people,
                  textareaRef: replyRef,
                  testId: 'reply-input',
                  rows: 2,
                }}
                submitLabel={t('comments.reply')}
                submitTestId="reply-submit"
                busy={busy}
              />
            ) : null}
            <div className="button-row">
              {!resolved && !replying ? (
                <button
                  ref={replyButtonRef}
                  type="button"
                  className="button button--small"
                  data-testid="reply-open"
                  onClick={() => {
                    setReplying(true);
                    requestAnimationFrame(() => replyRef.current?.focus());
                  }}
                >
                  {t('comments.reply')}
                  <span className="visually-hidden"> ({t('comments.threadHeading', { name: author })})</span>
                </button>
              ) : null}
              {resolved ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  data-testid="comment-reopen"
                  onClick={() => void run(() => reopenThread(thread.id), t('comments.reopened'))}
                >
                  {t('comments.reopen')}
                  <span className="visually-hidden"> ({t('comments.threadHeading', { name: author })})</span>
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  data-testid="comment-resolve"
                  onClick={() => {
                    onResolving();
                    void run(() => resolveThread(thread.id), t('comments.resolvedDone'));
                  }}
                >
                  {t('comments.resolve')}
                  <span className="visually-hidden"> ({t('comments.threadHeading', { name: author })})</span>
                </button>
              )}
            </div>
          </div>
        ) : null}
        {resolved && thread.resolvedBy ? (
          <p className="comment-thread__meta">
            {t('comments.resolvedBy', {
              name: thread.resolvedBy.name,
              time: thread.resolvedAt ? formatDate(thread.resolvedAt) : '',
            })}
          </p>
        ) : null}
      </article>
    </li>
  );
}
