import { useEffect, useRef, useState } from 'react';
import { sameEntries, scanOutline, type OutlineEntry } from './outlineScan';

// Typing changes the DOM on every key; the outline follows a moment later, once.
const RESCAN_DELAY_MS = 200;

/** The outline of the element `root` holds, kept current as headings and comment marks change. */
export function useOutline(root: HTMLElement | null): {
  entries: OutlineEntry[];
  headings: HTMLElement[];
} {
  const [outline, setOutline] = useState<{ entries: OutlineEntry[]; headings: HTMLElement[] }>({
    entries: [],
    headings: [],
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!root) return;
    const scan = () => {
      timer.current = null;
      const next = scanOutline(root);
      setOutline((previous) =>
        sameEntries(previous.entries, next.entries) &&
        previous.headings.every((heading, index) => heading === next.headings[index])
          ? previous
          : next,
      );
    };
    scan();
    const observer = new MutationObserver(() => {
      timer.current ??= setTimeout(scan, RESCAN_DELAY_MS);
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-comment-thread', 'data-count', 'hidden'],
    });
    return () => {
      observer.disconnect();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [root]);
  return outline;
}
