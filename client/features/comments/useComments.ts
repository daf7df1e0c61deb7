import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { CommentThread, PersonRef, Round } from '../../../shared/schemas/rounds';
import {
  commentEventsUrl,
  listDocumentRounds,
  listMentionable,
  listThreads,
  type CommentScope,
} from './commentsApi';
import { NOTIFICATIONS_REFRESH_EVENT } from '../notifications/notificationsApi';
import { toApiError, type ApiError } from '../../api/request';

export type ThreadsState =
  | { status: 'loading' }
  | { status: 'ready'; threads: CommentThread[] }
  | { status: 'error'; error: ApiError };

/**
 * The threads of one scope, fetched again whenever the server says they changed (SSE `changed` on
 * the document's or round's event stream) and when the stream (re)connects. Keeps the last list
 * while refetching, so the panel does not flicker.
 */
export function useCommentThreads(scope: CommentScope, round: string) {
  // The list belongs to one key; another scope or round shows "loading" until its own list arrives.
  const key = `${scope.docId}|${scope.roundId ?? ''}|${round}`;
  const [loaded, setLoaded] = useState<{ key: string; state: ThreadsState } | null>(null);
  const state: ThreadsState = loaded?.key === key ? loaded.state : { status: 'loading' };
  const [rounds, setRounds] = useState<Round[]>([]);
  const request = useRef(0);
  const { docId, roundId } = scope;

  const reload = useCallback(() => {
    const id = ++request.current;
    listThreads({ docId, roundId }, round).then(
      (threads) => {
        if (id === request.current) setLoaded({ key, state: { status: 'ready', threads } });
      },
      (error: unknown) => {
        if (id === request.current) setLoaded({ key, state: { status: 'error', error: toApiError(error) } });
      },
    );
  }, [docId, roundId, round, key]);

  const reloadRounds = useCallback(() => {
    if (roundId) return;
    // Before rounds exist (or for people who may not list them) the filter simply has no rounds.
    listDocumentRounds(docId).then(setRounds, () => setRounds([]));
  }, [docId, roundId]);

  useEffect(() => reload(), [reload]);

  useEffect(() => reloadRounds(), [reloadRounds]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(commentEventsUrl({ docId, roundId }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let opened = false;
    source.addEventListener('open', () => {
      // A reconnect may have missed changes.
      if (opened) reload();
      opened = true;
    });
    source.addEventListener('changed', (event) => {
      let kind = 'comments';
      try {
        kind = (JSON.parse((event as MessageEvent<string>).data) as { kind?: string }).kind ?? kind;
      } catch {
        // An event without data still means "something changed".
      }
      if (kind === 'round') reloadRounds();
      clearTimeout(timer);
      timer = setTimeout(() => {
        reload();
        // New comments may have mentioned or answered me.
        window.dispatchEvent(new Event(NOTIFICATIONS_REFRESH_EVENT));
      }, 100);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [docId, roundId, reload, reloadRounds]);

  return { state, reload, rounds };
}

/** Who can be @mentioned (empty until loaded, or when the caller may not comment). */
export function useMentionable(scope: CommentScope, enabled: boolean): PersonRef[] {
  const [people, setPeople] = useState<PersonRef[]>([]);
  const { docId, roundId } = scope;
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    listMentionable({ docId, roundId }).then(
      (list) => {
        if (live) setPeople(list);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [docId, roundId, enabled]);
  return people;
}

/** A counter that follows the Y.Doc's updates (throttled), to recompute anchors. */
export function useDocUpdates(doc: Y.Doc, wait = 200): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        setVersion((n) => n + 1);
      }, wait);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [doc, wait]);
  return version;
}
