import { useCallback, useEffect, useRef, useState } from 'react';
import { stickyTop } from './stickyTop';

/**
 * The id of the section being read: the last heading that has passed the top third of the view
 * (below the sticky header). An IntersectionObserver watching that band says when to look again.
 * After a jump (`jumpedTo`) that heading stays current while it is in view, even when the page
 * cannot scroll far enough to bring it to the top (the last sections).
 */
export function useCurrentSection(headings: readonly HTMLElement[]): {
  current: string | null;
  jumpedTo: (id: string) => void;
} {
  const [current, setCurrent] = useState<string | null>(null);
  const jumped = useRef<string | null>(null);

  const pick = useCallback(() => {
    const top = stickyTop();
    const band = top + (window.innerHeight - top) / 3;
    const pinned = jumped.current ? headings.find((heading) => heading.id === jumped.current) : undefined;
    if (pinned) {
      const rect = pinned.getBoundingClientRect();
      if (rect.bottom > top && rect.top < window.innerHeight) return setCurrent(pinned.id);
      jumped.current = null;
    }
    let found = headings[0]?.id ?? null;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= band) found = heading.id;
      else break;
    }
    setCurrent(found);
  }, [headings]);

  useEffect(() => {
    if (headings.length === 0) return;
    // The observer reports every heading once when it starts watching: that sets the first value.
    const top = stickyTop();
    const observer = new IntersectionObserver(pick, {
      rootMargin: `-${Math.round(top)}px 0px -60% 0px`,
      threshold: [0, 1],
    });
    for (const heading of headings) observer.observe(heading);
    // A heading that jumps past the whole band between two frames crosses no threshold; the end of
    // a scroll catches that.
    window.addEventListener('scrollend', pick);
    return () => {
      observer.disconnect();
      window.removeEventListener('scrollend', pick);
    };
  }, [headings, pick]);

  const jumpedTo = useCallback(
    (id: string) => {
      jumped.current = id;
      pick();
    },
    [pick],
  );
  return { current: headings.length > 0 ? current : null, jumpedTo };
}
