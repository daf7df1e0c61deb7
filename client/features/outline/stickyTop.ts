import { useEffect, type RefObject } from 'react';

const VARIABLE = '--sticky-top';

/** How far from the top of the view the sticky header reaches (0 without one), in pixels. */
export function stickyTop(): number {
  const value = getComputedStyle(document.documentElement).getPropertyValue(VARIABLE);
  const pixels = Number.parseFloat(value);
  return Number.isFinite(pixels) ? pixels : 0;
}

/**
 * Publishes the height of the sticky element `ref` as `--sticky-top` on the root element, so
 * headings scrolled to, sticky side columns and focused fields keep clear of it.
 */
export function useStickyTop(ref: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const root = document.documentElement;
    const update = () =>
      root.style.setProperty(VARIABLE, `${Math.ceil(element.getBoundingClientRect().height)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(VARIABLE);
    };
  }, [ref, enabled]);
}
