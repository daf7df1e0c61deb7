import { useSyncExternalStore } from 'react';

/** The pages of the app. */
export type Route = { name: 'documents' } | { name: 'document'; id: string } | { name: 'notFound' };

const NAVIGATE_EVENT = 'werkplaats:navigate';

/**
 * Set by an in-app navigation (or back/forward), cleared by the next key press or pointer press:
 * while set, newly mounted page content takes focus, as after a full page load a screen reader
 * would start at the new page instead of on a link that no longer exists.
 */
let contentFocusPending = false;
const clearContentFocus = () => {
  contentFocusPending = false;
};
window.addEventListener('keydown', clearContentFocus, true);
window.addEventListener('pointerdown', clearContentFocus, true);
window.addEventListener('popstate', () => {
  contentFocusPending = true;
});

/** Whether page content that mounts now should take focus (see `Main`). */
export function isContentFocusPending(): boolean {
  return contentFocusPending;
}

/** Maps a pathname to a route. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'documents' };
  const documentMatch = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (documentMatch?.[1]) {
    try {
      return { name: 'document', id: decodeURIComponent(documentMatch[1]) };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

/** Path of the editor page of a document. */
export function documentPath(id: string): string {
  return `/d/${encodeURIComponent(id)}`;
}

/** Goes to `to` with the history API (no reload). */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  contentFocusPending = true;
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current pathname; re-renders on navigation and back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
