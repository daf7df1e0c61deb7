import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { placeCards, type MarginCard } from './marginLayout';

/** A card of the margin and the element its anchor is (a highlight, an item's button). */
export interface MarginItem {
  key: string;
  anchorSelector: string;
  /** Page y (px) to use while the anchor element is not on the page yet (a highlight being drawn). */
  fallbackTop?: number | null;
}

/** Where the margin's cards are: top per placed key (px), and how tall the margin must be. */
export interface MarginPlacement {
  tops: ReadonlyMap<string, number>;
  extent: number;
}

const EMPTY: MarginPlacement = { tops: new Map(), extent: 0 };

function same(a: MarginPlacement, b: MarginPlacement): boolean {
  if (a.extent !== b.extent || a.tops.size !== b.tops.size) return false;
  for (const [key, top] of a.tops) if (b.tops.get(key) !== top) return false;
  return true;
}

/** Reads the anchors' and cards' positions and places the cards. */
function measure(root: HTMLElement, items: MarginItem[], activeKey: string | null): MarginPlacement {
  const origin = root.getBoundingClientRect().top;
  const cards: MarginCard[] = [];
  for (const item of items) {
    const anchor = document.querySelector(item.anchorSelector);
    const card = root.querySelector<HTMLElement>(`[data-margin-key="${CSS.escape(item.key)}"]`);
    const top = anchor
      ? anchor.getBoundingClientRect().top
      : item.fallbackTop != null
        ? item.fallbackTop - window.scrollY
        : null;
    if (top === null || !card) continue;
    cards.push({ key: item.key, desired: top - origin, height: card.offsetHeight });
  }
  const tops = placeCards(cards, activeKey);
  let extent = 0;
  for (const card of cards) extent = Math.max(extent, (tops.get(card.key) ?? 0) + card.height);
  return { tops, extent: Math.ceil(extent) };
}

/**
 * Places the cards inside `container` (each a `[data-margin-key]` element) beside their anchors,
 * and follows everything that moves an anchor or resizes a card: typing, remote edits, highlights
 * arriving, a resized window, a card that grows (a reply form). A card whose anchor is not on the
 * page has no top.
 */
export function useMarginPlacement(
  container: RefObject<HTMLElement | null>,
  items: MarginItem[],
  activeKey: string | null,
): MarginPlacement {
  const [placement, setPlacement] = useState<MarginPlacement>(EMPTY);
  const latest = useRef({ items, activeKey });
  const resizes = useRef<ResizeObserver | null>(null);

  // After every render, before paint: new cards, a new active card, changed threads.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- every render, on purpose
  useLayoutEffect(() => {
    latest.current = { items, activeKey };
    const root = container.current;
    if (!root) return;
    const next = measure(root, items, activeKey);
    // Placed before paint, so a card never shows at a wrong place first; the next measure finds the
    // same places (placing moves no anchor and resizes no card), so this settles at once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPlacement((previous) => (same(previous, next) ? previous : next));
    if (resizes.current) {
      for (const card of root.querySelectorAll('[data-margin-key]')) resizes.current.observe(card);
    }
  });

  useEffect(() => {
    const root = container.current;
    const main = root?.closest('.comments-layout')?.querySelector('.comments-layout__main');
    if (!root || !main) return undefined;
    let frame = 0;
    const schedule = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const next = measure(root, latest.current.items, latest.current.activeKey);
        setPlacement((previous) => (same(previous, next) ? previous : next));
      });
    };
    const observer = new ResizeObserver(schedule);
    resizes.current = observer;
    observer.observe(main);
    for (const card of root.querySelectorAll('[data-margin-key]')) observer.observe(card);
    // Text typed above an anchor, a highlight (re)drawn: anchors move without any size changing.
    const mutations = new MutationObserver(schedule);
    mutations.observe(main, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['class'],
    });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      resizes.current = null;
      mutations.disconnect();
      window.removeEventListener('resize', schedule);
    };
  }, [container]);

  return placement;
}
