import { useEffect, useSyncExternalStore } from 'react';
import type { CommentsRegistry } from './CommentsRegistry';

/**
 * From this width threads sit in the margin beside their anchors (margin.css uses the same value).
 * Below it the text column and a margin of cards would not both fit beside the outline column
 * (about 14 + 42 + 20 rem with the gaps); there the panel shows them.
 */
export const MARGIN_MEDIA_QUERY = '(min-width: 85rem)';

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia(MARGIN_MEDIA_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

const wideEnough = () => window.matchMedia(MARGIN_MEDIA_QUERY).matches;

/**
 * True when this page shows threads in the margin: a wide screen and a page whose panel can be
 * closed (a "Reacties" toggle exists; a page without one keeps its panel). Tells the registry, so
 * a compose request then opens the composer in the margin instead of opening the panel.
 */
export function useMarginMode(registry: CommentsRegistry | null): boolean {
  const wide = useSyncExternalStore(subscribe, wideEnough);
  const margin = wide && registry !== null && registry.toggles > 0;
  useEffect(() => registry?.setMarginMode(margin), [registry, margin]);
  return margin;
}
