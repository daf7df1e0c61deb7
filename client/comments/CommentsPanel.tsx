import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import type * as Y from 'yjs';
import { resolveTextAnchor } from '../../shared/comments/anchors';
import type { Anchor, CommentMessage, CommentThread, PersonRef } from '../../shared/schemas/feedback';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorMessage } from '../components/ErrorMessage';
import {
  createThread,
  deleteMessage,
  editMessage,
  reopenThread,
  replyToThread,
  resolveThread,
  type CommentScope,
} from '../http/comments';
import { toApiError, type ApiError } from '../http/request';
import { useDateTimeFormat } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/nl';
import { useSearchParam } from '../routing/router';
import { itemKey, useRegistryState, type Highlight } from './EditorRegistry';
import { bodyToDraft, draftToBody, parseBody } from './mentions';
import { emptyDraft, MentionTextarea, type Draft } from './MentionTextarea';
import { useCommentThreads, useDocUpdates, useMentionable } from './useComments';

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

type StatusFilter = 'open' | 'resolved' | 'all';

/** A thread with its anchor's state where the panel shows it. */
interface ShownThread {
  thread: CommentThread;
  /** attached / detached (losgeraakt) / none (the whole document). */
  anchorState: 'attached' | 'detached' | 'none';
  /** The text the anchor covers now (attached text anchors). */
  quote: string | null;
}

const ITEM_KIND_KEYS: Record<string, MessageKey> = {
  outcome: 'comments.item.outcome',
  activity: 'comments.item.activity',
  evidence: 'comments.item.evidence',
  section: 'comments.item.section',
  field: 'comments.item.field',
};

/** A comment body with its @mentions as highlighted names. */
export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment-message__body">
      {parseBody(body).map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <span key={index} className="mention" data-user-id={part.userId}>
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}

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
  // A notification's link says which thread (?reactie=) and, for a round's thread seen by the team
  // on the live draft, which round (?ronde=); the user's own choice wins afterwards.
  const linked = useSearchParam('reactie');
  const linkedRound = useSearchParam('ronde');
  const [chosenRound, setRound] = useState<string | undefined>(undefined);
  const round = chosenRound ?? (roundId === null && linkedRound ? linkedRound : 'live');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('open');
  const [mineOnly, setMineOnly] = useState(false);
  const [chosenId, setActiveId] = useState<string | null | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const scope: CommentScope = useMemo(() => ({ docId, roundId }), [docId, roundId]);
  const { state, reload, rounds } = useCommentThreads(scope, round);
  const people = useMentionable(scope, canComment);
  const docVersion = useDocUpdates(ydoc);
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
  // A linked thread is selected until the user picks another.
  const activeId = chosenId === undefined ? linked : chosenId;
  const shown: ShownThread[] = useMemo(() => {
    if (!threads) return [];
    return threads.map((thread) => {
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
    });
    // docVersion: anchors move and detach with every change of the doc.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [threads, ydoc, localAnchors, docVersion]);

  // Whether an item (an activity, an outcome) still exists is the server's answer: ask again shortly
  // after the doc changes, when some thread hangs on an item.
  const hasItemAnchors = threads?.some((thread) => thread.anchor?.type === 'item') ?? false;
  useEffect(() => {
    if (!hasItemAnchors || docVersion === 0) return undefined;
    const timer = setTimeout(reload, 1500);
    return () => clearTimeout(timer);
  }, [hasItemAnchors, docVersion, reload]);

  const isMine = useCallback(
    (thread: CommentThread) =>
      thread.messages.some(
        (message) =>
          message.author?.id === currentUserId ||
          message.mentions.some((person) => person.id === currentUserId),
      ),
    [currentUserId],
  );
  // The active thread stays in the list whatever the filters (it was clicked in the text or linked).
  const visible = shown.filter(
    ({ thread }) =>
      thread.id === activeId ||
      ((statusFilter === 'all' || thread.status === statusFilter) && (!mineOnly || isMine(thread))),
  );
  const openCount = shown.filter(({ thread }) => thread.status === 'open').length;

  // Highlights of the visible attached text anchors, the counts for the toggle and item badges.
  useEffect(() => {
    if (!registry) return;
    const highlights: Highlight[] = localAnchors
      ? visible
          .filter(
            ({ anchorState, thread }) =>
              anchorState === 'attached' &&
              thread.anchor?.type === 'text' &&
              // Resolved threads are highlighted only while the filter asks for them.
              (thread.status === 'open' || statusFilter !== 'open'),
          )
          .map(({ thread }) => ({ threadId: thread.id, anchor: thread.anchor as Highlight['anchor'] }))
      : [];
    registry.setHighlights(highlights, activeId ?? null);
  });
  useEffect(() => {
    if (!registry || !threads) return;
    const counts = new Map<string, number>();
    for (const thread of threads) {
      if (thread.status !== 'open' || thread.anchor?.type !== 'item') continue;
      const key = itemKey(thread.anchor);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    registry.setCounts(openCount, counts);
  }, [registry, threads, openCount]);
  useEffect(() => () => registry?.setHighlights([], null), [registry]);

  // Clicking a highlight selects its thread (and shows it, whatever the filter).
  const listRef = useRef<HTMLOListElement>(null);
  const showThread = useCallback(
    (threadId: string) => {
      setActiveId(threadId);
      registry?.setPanelOpen(true);
      scrollToThread(threadId);
    },
    [registry],
  );
  useEffect(() => registry?.onThreadClick(showThread), [registry, showThread]);
  // Arriving through a link: open the panel and bring the thread into view once it is loaded.
  const linkedLoaded = linked !== null && (threads?.some((thread) => thread.id === linked) ?? false);
  useEffect(() => {
    if (!linked || !linkedLoaded) return;
    registry?.setPanelOpen(true);
    scrollToThread(linked);
  }, [linked, linkedLoaded, registry]);

  // --- composer ---------------------------------------------------------------------------------
  const [composer, setComposer] = useState<{ anchor: Anchor | null } | null>(null);
  const [composeError, setComposeError] = useState<MessageKey | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  // Focus the composer as it is rendered (after every open, also when it was open already).
  const [composerFocus, setComposerFocus] = useState(0);
  useLayoutEffect(() => {
    if (composerFocus > 0) composerRef.current?.focus();
  }, [composerFocus]);
  const returnFocus = useRef<HTMLElement | null>(null);
  const composerId = useId();
  const focusThread = useRef<string | null>(null);
  useEffect(() => {
    const id = focusThread.current;
    const element = id ? document.getElementById(threadDomId(id)) : null;
    if (!element) return;
    focusThread.current = null;
    element.focus();
  }, [threads]);

  const openComposer = useCallback((anchor: Anchor | null) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setComposer({ anchor });
    setComposeError(null);
    setSendError(null);
    setComposerFocus((count) => count + 1);
  }, []);

  useEffect(() => {
    if (!registry) return undefined;
    return registry.onCompose((request) => {
      if (!composerAllowed) return;
      if ('error' in request) {
        setComposer(null);
        setComposeError(request.error === 'noSelection' ? 'comments.noSelection' : 'comments.notInText');
        return;
      }
      openComposer(request.anchor);
    });
  }, [registry, composerAllowed, openComposer]);

  const closeComposer = (restoreFocus: boolean) => {
    setComposer(null);
    setDraft(emptyDraft);
    setSendError(null);
    if (restoreFocus && returnFocus.current?.isConnected) returnFocus.current.focus();
  };

  const submitThread = async (event: FormEvent) => {
    event.preventDefault();
    if (!composer || sending) return;
    const body = draftToBody(draft.text, draft.people).trim();
    if (!body) {
      setSendError(null);
      composerRef.current?.focus();
      return;
    }
    setSending(true);
    try {
      const created = await createThread(scope, { anchor: composer.anchor, body });
      setComposer(null);
      setDraft(emptyDraft);
      setSendError(null);
      if (statusFilter === 'resolved') setStatusFilter('open');
      setActiveId(created.id);
      setAnnouncement(t('comments.posted'));
      reload();
      // Focus the new thread once the list shows it.
      focusThread.current = created.id;
    } catch (error) {
      setSendError(toApiError(error));
    } finally {
      setSending(false);
    }
  };

  const closePanel = () => {
    registry?.setPanelOpen(false);
    document.getElementById('comments-toggle')?.focus();
  };

  return (
    <aside
      id={COMMENTS_PANEL_ID}
      className="comments-panel"
      aria-labelledby={headingId}
      hidden={!panelOpen}
      data-testid="comments-panel"
    >
      <div className="comments-panel__head">
        <h2 id={headingId}>{t('comments.heading')}</h2>
        {registry && registry.toggles > 0 ? (
          <button type="button" className="button button--small" onClick={closePanel}>
            {t('comments.close')}
          </button>
        ) : null}
      </div>
      <p role="status" className="visually-hidden" data-testid="comments-announcer">
        {announcement}
      </p>

      <div className="comments-panel__filters" role="group" aria-label={t('comments.filters')}>
        <div className="field field--inline">
          <label htmlFor={`${composerId}-status`}>{t('comments.filterStatus')}</label>
          <select
            id={`${composerId}-status`}
            value={statusFilter}
            data-testid="comments-filter-status"
            onChange={(event) => setStatusFilter(event.target.value as StatusFilter)}
          >
            <option value="open">{t('comments.filterOpen')}</option>
            <option value="resolved">{t('comments.filterResolved')}</option>
            <option value="all">{t('comments.filterAll')}</option>
          </select>
        </div>
        <label className="checkbox-option">
          <input
            type="checkbox"
            checked={mineOnly}
            data-testid="comments-filter-mine"
            onChange={(event) => setMineOnly(event.target.checked)}
          />{' '}
          {t('comments.filterMine')}
        </label>
        {roundId === null && rounds.length > 0 ? (
          <div className="field field--inline">
            <label htmlFor={`${composerId}-round`}>{t('comments.filterRound')}</label>
            <select
              id={`${composerId}-round`}
              value={round}
              data-testid="comments-filter-round"
              onChange={(event) => {
                setRound(event.target.value);
                setActiveId(null);
              }}
            >
              <option value="live">{t('comments.roundLive')}</option>
              {rounds.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>

      {composerAllowed ? (
        <div className="comments-composer">
          {composer ? (
            <form
              className="comments-composer__form"
              onSubmit={submitThread}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  closeComposer(true);
                }
              }}
              data-testid="comment-composer"
            >
              <AnchorContext anchor={composer.anchor} state="attached" quote={null} />
              <MentionTextarea
                id={`${composerId}-new`}
                label={t('comments.newLabel')}
                draft={draft}
                onChange={setDraft}
                people={people}
                textareaRef={composerRef}
                testId="comment-input"
              />
              {sendError ? <ErrorMessage error={sendError} /> : null}
              <div className="button-row">
                <button
                  type="submit"
                  className="button button--primary button--small"
                  disabled={sending}
                  data-testid="comment-submit"
                >
                  {sending ? t('comments.posting') : t('comments.post')}
                </button>
                <button type="button" className="button button--small" onClick={() => closeComposer(true)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <div className="button-row">
              {registry ? (
                <button
                  type="button"
                  className="button button--small"
                  data-testid="comment-on-selection"
                  aria-keyshortcuts="Control+Alt+M"
                  // Keep the editor's selection: the button must not take it away on mousedown.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => registry.requestCompose('selection')}
                >
                  {t('comments.onSelection')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--small"
                data-testid="comment-on-document"
                onClick={() => openComposer(null)}
              >
                {t('comments.onDocument')}
              </button>
            </div>
          )}
          {composeError ? (
            <p className="error-message" role="alert" data-testid="compose-error">
              {t(composeError)}
            </p>
          ) : null}
          {registry && !composer ? <p className="field__hint">{t('comments.shortcutHint')}</p> : null}
        </div>
      ) : canComment && !localAnchors ? (
        <p className="field__hint">{t('comments.roundReadOnly')}</p>
      ) : null}

      {state.status === 'loading' ? <p className="muted">{t('comments.loading')}</p> : null}
      {state.status === 'error' ? (
        <>
          <ErrorMessage error={state.error} />
          <button type="button" className="button button--small" onClick={reload}>
            {t('common.retry')}
          </button>
        </>
      ) : null}
      {state.status === 'ready' && visible.length === 0 ? (
        <p className="empty-state" data-testid="comments-empty">
          {shown.length === 0 ? t('comments.none') : t('comments.noneFiltered')}
        </p>
      ) : null}
      <ol className="comments-list" ref={listRef}>
        {visible.map((entry) => (
          <ThreadView
            key={entry.thread.id}
            entry={entry}
            active={entry.thread.id === activeId}
            onActivate={() => {
              const next = entry.thread.id === activeId ? null : entry.thread.id;
              setActiveId(next);
              if (next) revealAnchor(entry.thread);
            }}
            canComment={threadsWritable}
            currentUserId={currentUserId}
            people={people}
            onChanged={(message) => {
              if (message) setAnnouncement(message);
              reload();
            }}
          />
        ))}
      </ol>
    </aside>
  );
}

const threadDomId = (threadId: string) => `comment-thread-${threadId}`;

function scrollToThread(threadId: string) {
  requestAnimationFrame(() =>
    document.getElementById(threadDomId(threadId))?.scrollIntoView({ block: 'nearest' }),
  );
}

/** Scrolls the anchored text (or item) of a thread into view. */
function revealAnchor(thread: CommentThread) {
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

/** What a thread is about: the quoted text, an item, or the whole document; *losgeraakt* marked. */
function AnchorContext({
  anchor,
  state,
  quote,
}: {
  anchor: Anchor | null;
  state: ShownThread['anchorState'];
  quote: string | null;
}) {
  const t = useT();
  if (!anchor) {
    return <p className="comment-anchor comment-anchor--document">{t('comments.onWholeDocument')}</p>;
  }
  const detached = state === 'detached';
  const badge = detached ? (
    <span className="badge badge--warn comment-anchor__detached" data-testid="comment-detached">
      {t('comments.detached')}
    </span>
  ) : null;
  if (anchor.type === 'item') {
    return (
      <p className={`comment-anchor${detached ? ' comment-anchor--detached' : ''}`}>
        <span className="comment-anchor__kind">
          {t(ITEM_KIND_KEYS[anchor.itemKind] ?? 'comments.item.field')}:
        </span>{' '}
        <span data-testid="comment-item-label">{anchor.label}</span> {badge}
        {detached ? <span className="comment-anchor__note">{t('comments.detachedItemNote')}</span> : null}
      </p>
    );
  }
  return (
    <div className={`comment-anchor${detached ? ' comment-anchor--detached' : ''}`}>
      {badge}
      <blockquote className="comment-anchor__quote" data-testid="comment-quote">
        {detached ? anchor.quote : (quote ?? anchor.quote)}
      </blockquote>
      {detached ? <p className="comment-anchor__note">{t('comments.detachedNote')}</p> : null}
    </div>
  );
}

function ThreadView({
  entry,
  active,
  onActivate,
  canComment,
  currentUserId,
  people,
  onChanged,
}: {
  entry: ShownThread;
  active: boolean;
  onActivate: () => void;
  canComment: boolean;
  currentUserId: string;
  people: PersonRef[];
  onChanged: (announcement?: string) => void;
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
      setReplying(false);
      requestAnimationFrame(() => replyButtonRef.current?.focus());
    }
  };

  return (
    <li
      className={`comment-thread${active ? ' comment-thread--active' : ''}${resolved ? ' comment-thread--resolved' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-anchor-state={anchorState}
    >
      <article aria-labelledby={headingId} id={threadDomId(thread.id)} tabIndex={-1}>
        <h3 id={headingId} className="comment-thread__heading">
          {t('comments.threadHeading', { name: author })}
          {resolved ? (
            <span className="badge comment-thread__resolved"> {t('comments.resolvedBadge')}</span>
          ) : null}
        </h3>
        <AnchorContext anchor={thread.anchor} state={anchorState} quote={quote} />
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
              <form
                onSubmit={submitReply}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    event.preventDefault();
                    setReplying(false);
                    requestAnimationFrame(() => replyButtonRef.current?.focus());
                  }
                }}
              >
                <MentionTextarea
                  id={replyId}
                  label={t('comments.replyLabel', { name: author })}
                  draft={draft}
                  onChange={setDraft}
                  people={people}
                  textareaRef={replyRef}
                  testId="reply-input"
                  rows={2}
                />
                <div className="button-row">
                  <button
                    type="submit"
                    className="button button--primary button--small"
                    disabled={busy}
                    data-testid="reply-submit"
                  >
                    {t('comments.reply')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      setReplying(false);
                      requestAnimationFrame(() => replyButtonRef.current?.focus());
                    }}
                  >
                    {t('common.cancel')}
                  </button>
                </div>
              </form>
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
                  onClick={() => void run(() => resolveThread(thread.id), t('comments.resolvedDone'))}
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

function MessageView({
  message,
  own,
  people,
  formatDate,
  onChanged,
}: {
  message: CommentMessage;
  own: boolean;
  people: PersonRef[];
  formatDate: (iso: string) => string;
  onChanged: (announcement?: string) => void;
}) {
  const t = useT();
  const editId = useId();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const name = message.author?.name ?? t('comments.unknownAuthor');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const body = draftToBody(editing.text, editing.people).trim();
    if (!body) return;
    setBusy(true);
    try {
      await editMessage(message.id, body);
      setEditing(null);
      setError(null);
      onChanged(t('comments.edited'));
      requestAnimationFrame(() => editButtonRef.current?.focus());
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="comment-message" data-testid="comment-message" data-message-id={message.id}>
      <p className="comment-message__meta">
        <span className="comment-message__author">{name}</span>{' '}
        <time dateTime={message.createdAt}>{formatDate(message.createdAt)}</time>
        {message.editedAt && !message.deleted ? (
          <span className="comment-message__edited"> · {t('comments.editedMark')}</span>
        ) : null}
      </p>
      {message.deleted ? (
        <p className="comment-message__body comment-message__body--deleted">{t('comments.deletedMessage')}</p>
      ) : editing ? (
        <form
          onSubmit={save}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setEditing(null);
              requestAnimationFrame(() => editButtonRef.current?.focus());
            }
          }}
        >
          <MentionTextarea
            id={editId}
            label={t('comments.editLabel')}
            draft={editing}
            onChange={setEditing}
            people={people}
            textareaRef={editRef}
            testId="edit-input"
            rows={2}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {t('common.save')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setEditing(null);
                requestAnimationFrame(() => editButtonRef.current?.focus());
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <CommentBody body={message.body} />
      )}
      {error ? <ErrorMessage error={error} /> : null}
      {own && !editing ? (
        <div className="button-row comment-message__actions">
          <button
            ref={editButtonRef}
            type="button"
            className="button button--small"
            data-testid="message-edit"
            onClick={() => {
              const current = bodyToDraft(message.body);
              setEditing({ text: current.text, people: current.people });
              requestAnimationFrame(() => editRef.current?.focus());
            }}
          >
            {t('comments.edit')}
            <span className="visually-hidden"> ({t('comments.messageOf', { name })})</span>
          </button>
          <ConfirmButton
            label={t('comments.delete')}
            context={`(${t('comments.messageOf', { name })})`}
            question={t('comments.confirmDelete')}
            testId="message-delete"
            onConfirm={() => {
              deleteMessage(message.id).then(
                () => onChanged(t('comments.deleted')),
                (caught: unknown) => setError(toApiError(caught)),
              );
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
