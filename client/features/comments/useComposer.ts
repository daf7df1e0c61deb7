import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type RefObject,
} from 'react';
import type { Anchor, CommentThread } from '../../../shared/schemas/rounds';
import { createThread, type CommentScope } from './commentsApi';
import { toApiError, type ApiError } from '../../api/request';
import type { MessageKey } from '../../i18n/nl';
import type { CommentsRegistry } from './CommentsRegistry';
import { draftToBody } from './mentions';
import { emptyDraft, type Draft } from './MentionTextarea';
import { threadDomId } from './threadDom';

/** The new-thread composer's state and actions, from `useComposer`. */
export interface Composer {
  /** Open with its anchor (null: the whole document), or closed. */
  open: { anchor: Anchor | null } | null;
  /** Why a compose request could not open the composer (no selection, not in text). */
  error: MessageKey | null;
  draft: Draft;
  setDraft: (draft: Draft) => void;
  sending: boolean;
  sendError: ApiError | null;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Opens (or re-focuses) the composer on `anchor`; Escape or cancel returns focus to the opener. */
  openOn: (anchor: Anchor | null) => void;
  close: (restoreFocus: boolean) => void;
  submit: (event: FormEvent) => Promise<void>;
}

/**
 * The composer of a new thread. It opens on compose requests from the page's editors and item
 * buttons while `allowed`, and focuses the new thread once the list (`threads`) shows it.
 */
export function useComposer({
  registry,
  allowed,
  scope,
  threads,
  onPosted,
}: {
  registry: CommentsRegistry | null;
  allowed: boolean;
  scope: CommentScope;
  threads: CommentThread[] | null;
  /** The thread was created (select it, announce it, reload the list). */
  onPosted: (threadId: string) => void;
}): Composer {
  const [open, setOpen] = useState<{ anchor: Anchor | null } | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // Focus the composer as it is rendered (after every open, also when it was open already).
  const [focusRequests, setFocusRequests] = useState(0);
  useLayoutEffect(() => {
    if (focusRequests === 0) return undefined;
    textareaRef.current?.focus();
    if (document.activeElement === textareaRef.current) return undefined;
    // In the margin the composer's card is shown once it is placed beside its text, a render later.
    const frame = requestAnimationFrame(() => textareaRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequests]);
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusThread = useRef<string | null>(null);
  useEffect(() => {
    const id = focusThread.current;
    const element = id ? document.getElementById(threadDomId(id)) : null;
    if (!element) return;
    focusThread.current = null;
    element.focus();
  }, [threads]);

  const openOn = useCallback((anchor: Anchor | null) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen({ anchor });
    setError(null);
    setSendError(null);
    setFocusRequests((count) => count + 1);
  }, []);

  useEffect(() => {
    if (!registry) return undefined;
    return registry.onCompose((request) => {
      if (!allowed) return;
      if ('error' in request) {
        setOpen(null);
        setError(request.error === 'noSelection' ? 'comments.noSelection' : 'comments.notInText');
        return;
      }
      openOn(request.anchor);
    });
  }, [registry, allowed, openOn]);

  const close = (restoreFocus: boolean) => {
    setOpen(null);
    setDraft(emptyDraft);
    setSendError(null);
    if (restoreFocus && returnFocus.current?.isConnected) returnFocus.current.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open || sending) return;
    const body = draftToBody(draft.text, draft.people).trim();
    if (!body) {
      setSendError(null);
      textareaRef.current?.focus();
      return;
    }
    setSending(true);
    try {
      const created = await createThread(scope, { anchor: open.anchor, body });
      setOpen(null);
      setDraft(emptyDraft);
      setSendError(null);
      // Focus the new thread once the list shows it.
      focusThread.current = created.id;
      onPosted(created.id);
    } catch (caught) {
      setSendError(toApiError(caught));
    } finally {
      setSending(false);
    }
  };

  return { open, error, draft, setDraft, sending, sendError, textareaRef, openOn, close, submit };
}
