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
  | { name: 'library' }
  | { name: 'templateVersion'; versionId: string }
  | { name: 'templateDiff'; versionId: string; otherId: string }
  | { name: 'templateDraft'; docId: string }
  | { name: 'design'; docId: string }
  | { name: 'traject'; trajectId: string }
  | { name: 'catalog' }
  | { name: 'search' }
  | { name: 'catalogEntry'; id: string }
  | { name: 'versionEditor'; docId: string; versionId: string }
  | { name: 'rounds'; docId: string }
  | { name: 'roundManage'; docId: string; roundId: string }
  | { name: 'review'; roundId: string }
  | { name: 'roundLink'; token: string }
  | { name: 'passwordReset'; token: string }
  | { name: 'forgotPassword' }
  | { name: 'unsubscribe'; token: string }
  | { name: 'catalogTraject'; id: string }
  | { name: 'certificate'; of: 'design' | 'traject'; id: string }
  | { name: 'externalReview'; assignmentId: string }
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

const PARAM_ROUTES: Array<{ pattern: RegExp; make: (...params: string[]) => Route }> = [
  // Feedback rounds and a version in the editor: under the document's own editor path.
  {
    pattern: /^\/(?:ontwerpen|d)\/([^/]+)\/versies\/([^/]+)\/?$/,
    make: (docId = '', versionId = '') => ({ name: 'versionEditor', docId, versionId }),
  },
  {
    pattern: /^\/(?:ontwerpen|d|ontwikkelpaden)\/([^/]+)\/feedback\/?$/,
    make: (docId = '') => ({ name: 'rounds', docId }),
  },
  {
    pattern: /^\/(?:ontwerpen|d|ontwikkelpaden)\/([^/]+)\/feedback\/([^/]+)\/?$/,
    make: (docId = '', roundId = '') => ({ name: 'roundManage', docId, roundId }),
  },
  { pattern: /^\/ronde\/([^/]+)\/?$/, make: (roundId = '') => ({ name: 'review', roundId }) },
  {
    pattern: /^\/toetsing\/([^/]+)\/?$/,
    make: (assignmentId = '') => ({ name: 'externalReview', assignmentId }),
  },
  { pattern: /^\/feedback\/([^/]+)\/?$/, make: (token = '') => ({ name: 'roundLink', token }) },
  {
    pattern: /^\/(ontwerpen|trajecten)\/([^/]+)\/certificaat\/?$/,
    make: (kind = '', id = '') => ({
      name: 'certificate',
      of: kind === 'trajecten' ? 'traject' : 'design',
      id,
    }),
  },
  { pattern: /^\/d\/([^/]+)\/?$/, make: (id = '') => ({ name: 'document', id }) },
  { pattern: /^\/teams\/([^/]+)\/?$/, make: (teamId = '') => ({ name: 'team', teamId }) },
  { pattern: /^\/uitnodiging\/([^/]+)\/?$/, make: (token = '') => ({ name: 'invite', token }) },
  { pattern: /^\/afmelden\/([^/]+)\/?$/, make: (token = '') => ({ name: 'unsubscribe', token }) },
  {
    pattern: /^\/wachtwoord-herstellen\/([^/]+)\/?$/,
    make: (token = '') => ({ name: 'passwordReset', token }),
  },
  {
    pattern: /^\/bibliotheek\/([^/]+)\/vergelijk\/([^/]+)\/?$/,
    make: (versionId = '', otherId = '') => ({ name: 'templateDiff', versionId, otherId }),
  },
  {
    pattern: /^\/bibliotheek\/([^/]+)\/?$/,
    make: (versionId = '') => ({ name: 'templateVersion', versionId }),
  },
  { pattern: /^\/ontwikkelpaden\/([^/]+)\/?$/, make: (docId = '') => ({ name: 'templateDraft', docId }) },
  { pattern: /^\/ontwerpen\/([^/]+)\/?$/, make: (docId = '') => ({ name: 'design', docId }) },
  { pattern: /^\/trajecten\/([^/]+)\/?$/, make: (trajectId = '') => ({ name: 'traject', trajectId }) },
  {
    pattern: /^\/catalogus\/trajecten\/([^/]+)\/?$/,
    make: (id = '') => ({ name: 'catalogTraject', id }),
  },
  { pattern: /^\/catalogus\/([^/]+)\/?$/, make: (id = '') => ({ name: 'catalogEntry', id }) },
];

const FIXED_ROUTES: Record<string, Route> = {
  '/': { name: 'home' },
  '': { name: 'home' },
  '/inloggen': { name: 'login' },
  '/aanmelden': { name: 'signup' },
  '/account': { name: 'account' },
  '/wachtwoord-vergeten': { name: 'forgotPassword' },
  '/bibliotheek': { name: 'library' },
  '/catalogus': { name: 'catalog' },
  '/zoeken': { name: 'search' },
};

/** Maps a pathname to a route. */
export function matchRoute(pathname: string): Route {
  const fixed = FIXED_ROUTES[pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname];
  if (fixed) return fixed;
  for (const { pattern, make } of PARAM_ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const params = match.slice(1).map((raw) => decodeSegment(raw ?? ''));
    return params.every((param) => param) ? make(...(params as string[])) : { name: 'notFound' };
  }
  return { name: 'notFound' };
}

/** Path of the editor page of a document. */
export function documentPath(id: string): string {
  return `/d/${encodeURIComponent(id)}`;
}

/** Path of the editor of an ontwikkelpad draft. */
export function templatePath(docId: string): string {
  return `/ontwikkelpaden/${encodeURIComponent(docId)}`;
}

/** Path of the editor of a leerarrangement design. */
export function designPath(docId: string): string {
  return `/ontwerpen/${encodeURIComponent(docId)}`;
}

/** Path of a professionaliseringstraject. */
export function trajectPath(trajectId: string): string {
  return `/trajecten/${encodeURIComponent(trajectId)}`;
}

/** Where a document opens: its own editor for ontwikkelpad drafts and designs, the section editor otherwise. */
export function pathForDocument(document: { id: string; kind?: string }): string {
  if (document.kind === 'ontwikkelpad') return templatePath(document.id);
  if (document.kind === 'leerarrangement') return designPath(document.id);
  return documentPath(document.id);
}

/** The library of published ontwikkelpaden. */
export const LIBRARY_PATH = '/bibliotheek';

/** Path of one published version of an ontwikkelpad. */
export function templateVersionPath(versionId: string): string {
  return `${LIBRARY_PATH}/${encodeURIComponent(versionId)}`;
}

/** Path of the comparison of two published versions. */
export function templateDiffPath(versionId: string, otherId: string): string {
  return `${templateVersionPath(versionId)}/vergelijk/${encodeURIComponent(otherId)}`;
}

/** The public catalog of approved leerarrangementen (no login needed). */
export const CATALOG_PATH = '/catalogus';

/** Path of one approved leerarrangement in the catalog. */
export function catalogEntryPath(id: string): string {
  return `${CATALOG_PATH}/${encodeURIComponent(id)}`;
}

/** The editor path prefix of a document kind (`/ontwerpen`, `/ontwikkelpaden`, `/d`). */
function editorPrefix(kind: string | undefined): string {
  return kind === 'leerarrangement' ? '/ontwerpen' : kind === 'ontwikkelpad' ? '/ontwikkelpaden' : '/d';
}

/** A saved version opened read-only in the editor. */
export function versionEditorPath(docId: string, versionId: string, kind?: string): string {
  const prefix = kind === 'leerarrangement' ? '/ontwerpen' : '/d';
  return `${prefix}/${encodeURIComponent(docId)}/versies/${encodeURIComponent(versionId)}`;
}

/** The feedback rounds of a document (list and "Nieuwe feedbackronde"). */
export function roundsPath(docId: string, kind?: string): string {
  return `${editorPrefix(kind)}/${encodeURIComponent(docId)}/feedback`;
}

/** One round as the team manages it (reviewers, participation, triage, summary). */
export function roundManagePath(docId: string, roundId: string, kind?: string): string {
  return `${roundsPath(docId, kind)}/${encodeURIComponent(roundId)}`;
}

/** The reviewer's page of a round (the frozen version, comments, criteria; the summary once closed). */
export function reviewPath(roundId: string): string {
  return `/ronde/${encodeURIComponent(roundId)}`;
}

/** An invitation link of a round. */
export function roundLinkPath(token: string): string {
  return `/feedback/${encodeURIComponent(token)}`;
}

/** Path of one approved professionaliseringstraject in the catalog. */
export function catalogTrajectPath(id: string): string {
  return `${CATALOG_PATH}/trajecten/${encodeURIComponent(id)}`;
}

/** Path of the certificate preview of a design or a traject. */
export function certificatePath(of: 'design' | 'traject', id: string): string {
  return `/${of === 'traject' ? 'trajecten' : 'ontwerpen'}/${encodeURIComponent(id)}/certificaat`;
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

/** `/wachtwoord-vergeten`: asks for a reset link by mail. */
export const FORGOT_PASSWORD_PATH = '/wachtwoord-vergeten';

/** `/aanmelden`, with `?next=` when the user should come back to `next` afterwards. */
export function signupPath(next?: string): string {
  return next && safeNextPath(next) !== '/' ? `/aanmelden?next=${encodeURIComponent(next)}` : '/aanmelden';
}

/**
 * Replaces the query string of the current page (filters that should survive a reload and be
 * shareable). No new history entry per keystroke, and no focus move: the user stays in the field.
 */
export function replaceSearchParams(params: Record<string, string | null | undefined>): void {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const query = search.toString();
  const to = location.pathname + (query ? `?${query}` : '');
  if (to === location.pathname + location.search) return;
  history.replaceState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
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
