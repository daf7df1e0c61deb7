import { useSyncExternalStore } from 'react';

/** The pages of the app. */
export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'account' }
  | { name: 'team'; teamId: string }
  | { name: 'invite'; token: string }
  | { name: 'document'; id: string }
  | { name: 'notFound' };

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

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const PARAM_ROUTES: Array<{ pattern: RegExp; make: (param: string) => Route }> = [
  { pattern: /^\/d\/([^/]+)\/?$/, make: (id) => ({ name: 'document', id }) },
  { pattern: /^\/teams\/([^/]+)\/?$/, make: (teamId) => ({ name: 'team', teamId }) },
  { pattern: /^\/uitnodiging\/([^/]+)\/?$/, make: (token) => ({ name: 'invite', token }) },
];

const FIXED_ROUTES: Record<string, Route> = {
  '/': { name: 'home' },
  '': { name: 'home' },
  '/inloggen': { name: 'login' },
  '/aanmelden': { name: 'signup' },
  '/account': { name: 'account' },
};

/** Maps a pathname to a route. */
export function matchRoute(pathname: string): Route {
  const fixed = FIXED_ROUTES[pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname];
  if (fixed) return fixed;
  for (const { pattern, make } of PARAM_ROUTES) {
    const raw = pattern.exec(pathname)?.[1];
    if (raw === undefined) continue;
    const param = decodeSegment(raw);
    return param ? make(param) : { name: 'notFound' };
  }
  return { name: 'notFound' };
}

/** Path of the editor page of a document. */
export function documentPath(id: string): string {
  return `/d/${encodeURIComponent(id)}`;
}

/** Path of a team's page. */
export function teamPath(teamId: string): string {
  return `/teams/${encodeURIComponent(teamId)}`;
}

/** Path of the page that shows an invite link. */
export function invitePath(token: string): string {
  return `/uitnodiging/${encodeURIComponent(token)}`;
}

/**
 * Only a path on this site may be a `next` target: `//evil.example` and `/\evil.example` are
 * protocol-relative URLs to another host in browsers, so they fall back to the start page (no open
 * redirect). The auth pages themselves are no useful target either.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const pathname = next.split(/[?#]/)[0] ?? '';
  const route = matchRoute(pathname);
  if (route.name === 'login' || route.name === 'signup') return '/';
  return next;
}

/** `/inloggen`, with `?next=` when the user should come back to `next` afterwards. */
export function loginPath(next?: string): string {
  return next && safeNextPath(next) !== '/' ? `/inloggen?next=${encodeURIComponent(next)}` : '/inloggen';
}

/** `/aanmelden`, with `?next=` when the user should come back to `next` afterwards. */
export function signupPath(next?: string): string {
  return next && safeNextPath(next) !== '/' ? `/aanmelden?next=${encodeURIComponent(next)}` : '/aanmelden';
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

/** Pathname plus query string (what `next=` should bring the user back to). */
export function useCurrentPath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname + location.search);
}

/** One query-string parameter of the current URL, or null. */
export function useSearchParam(name: string): string | null {
  const search = useSyncExternalStore(subscribe, () => location.search);
  return new URLSearchParams(search).get(name);
}
