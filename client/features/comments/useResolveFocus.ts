import { useCallback, useEffect, useRef } from 'react';
import type { ShownThread } from './shownThreads';
import { threadDomId } from './threadDom';

interface Intent {
  threadId: string;
  /** The thread shown after it (or before it, for the last one) when "Afhandelen" was pressed. */
  next: string | null;
}

/**
 * Where keyboard focus goes after "Afhandelen": the button it was on disappears, so once the list
 * has the change, focus moves to the next thread (a filter that hides resolved threads), or to the
 * thread itself when it stays in view; with no thread left, to the panel's heading.
 */
export function useResolveFocus(visible: ShownThread[]): (threadId: string) => void {
  // A ref, not state: setting it must not render; the list's next change acts on it.
  const pending = useRef<Intent | null>(null);
  useEffect(() => {
    const intent = pending.current;
    if (!intent) return;
    const shown = visible.find(({ thread }) => thread.id === intent.threadId);
    if (shown && shown.thread.status !== 'resolved') return; // the list has not caught up yet
    const target = shown ? intent.threadId : intent.next;
    const element = target
      ? document.getElementById(threadDomId(target))
      : document.querySelector<HTMLElement>('#comments-panel h2');
    if (element && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element?.focus();
    pending.current = null;
  }, [visible]);
  return useCallback(
    (threadId: string) => {
      const ids = visible.map(({ thread }) => thread.id);
      const index = ids.indexOf(threadId);
      pending.current = { threadId, next: ids[index + 1] ?? ids[index - 1] ?? null };
    },
    [visible],
  );
}
