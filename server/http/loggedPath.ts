/*
 * Which part of a request's URL may be logged. Invite, review-link and password-reset links carry
 * their secret in the path; whoever reads the logs must not be able to use them.
 */

/**
 * Paths whose segment after the prefix is a secret token: the API routes (`/api/invites/:token`,
 * `/api/round-links/:token`, `/api/auth/password-reset/:token`, `/api/mail/unsubscribe/:token`,
 * each with what follows, e.g. `/accept`) and the pages the links open (client/app/router.ts:
 * `/uitnodiging/:token`, `/feedback/:token`, `/wachtwoord-herstellen/:token`, `/afmelden/:token`). Lower case: paths are compared so.
 * tests/server/http/loggedPath.test.ts fails for an API route with a token parameter, or a client
 * route whose parameter is a token, that is not listed here.
 */
export const TOKEN_PATH_PREFIXES = [
  '/api/invites/',
  '/api/round-links/',
  '/api/auth/password-reset/',
  '/api/mail/unsubscribe/',
  '/uitnodiging/',
  '/feedback/',
  '/wachtwoord-herstellen/',
  '/afmelden/',
] as const;

/** Stands in for a redacted token: the logged path still shows which route was asked. */
export const REDACTED = ':token';

/** Longer paths are cut: a 16 KB URL should not become a 16 KB log line. */
const MAX_LOGGED_PATH = 512;

/**
 * The path to log for a request target (with or without a query string): the query string is
 * dropped (it may carry a token, e.g. `?next=/uitnodiging/<token>` on the login page) and a token
 * segment becomes `:token`. The prefix is matched on the path as a router sees it — dot segments
 * resolved, percent-escapes decoded, repeated slashes collapsed — and ignoring case, so no
 * spelling of a token route reaches the log with its token.
 */
export function loggedPath(target: string): string {
  let path: string;
  try {
    // Prefixed with an origin, so `//host/…` stays a path instead of naming a host.
    path = new URL(`http://path${target.startsWith('/') ? '' : '/'}${target}`).pathname;
  } catch {
    return '[unparseable]';
  }
  const plain = decoded(path).replace(/\/{2,}/g, '/');
  const lower = plain.toLowerCase();
  for (const prefix of TOKEN_PATH_PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    const rest = plain.slice(prefix.length);
    const slash = rest.indexOf('/');
    path = `${prefix}${REDACTED}${slash >= 0 ? rest.slice(slash) : ''}`;
    break;
  }
  return path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
