import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

function createCounter(doc: Y.Doc) {
  let version = 0;
  const listeners = new Set<() => void>();
  // For the doc's lifetime (it is destroyed with its session): no change is missed between
  // render and subscribe.
  doc.on('update', () => {
    version += 1;
    for (const listener of [...listeners]) listener();
  });
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => version,
  };
}

/**
 * A number that changes with every local or remote update of `doc`. Components read the doc during
 * render and use this to re-render; useSyncExternalStore re-renders inside the input's own event,
 * so controlled inputs keep their caret.
 */
export function useDocVersion(doc: Y.Doc): number {
  const [counter] = useState(() => createCounter(doc));
  return useSyncExternalStore(counter.subscribe, counter.getSnapshot);
}

/**
 * `value` at most every `ms` milliseconds (the first at once, the last always delivered): the live
 * checks follow typing without recomputing on every keystroke.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const [last, setLast] = useState(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, last + ms - Date.now());
    const timer = setTimeout(() => {
      setShown(value);
      setLast(Date.now());
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, last, ms]);
  return shown;
}
