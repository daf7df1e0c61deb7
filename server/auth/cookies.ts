import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../http/origin';

const PLAIN_NAME = 'werkplaats_session';
// Over https the __Host- prefix makes the browser insist on Secure, Path=/ and no Domain.
const HOST_NAME = '__Host-werkplaats_session';

/**
 * The session token from the request's cookie, if any. Over https only the __Host- cookie counts:
 * a plain one there was not set by us — the browser only sets __Host- cookies from this very
 * origin, while a sibling subdomain or a man in the middle of some http page can plant (toss) a
 * plain one, e.g. to sign the victim in to the attacker's account.
 */
export function readSessionCookie(c: Context): string | undefined {
  return isHttps(c) ? getCookie(c, HOST_NAME) : (getCookie(c, HOST_NAME) ?? getCookie(c, PLAIN_NAME));
}

/**
 * Parses the session token out of a raw Cookie header (WebSocket upgrade): the __Host- cookie
 * wherever it stands (a tossed cookie with a longer Path is sent first), and over `https` only it.
 */
export function sessionTokenFromHeader(
  cookieHeader: string | undefined,
  options: { https?: boolean } = {},
): string | undefined {
  if (!cookieHeader) return undefined;
  let plain: string | undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === HOST_NAME) return decodeURIComponent(value.join('='));
    if (name === PLAIN_NAME) plain ??= decodeURIComponent(value.join('='));
  }
  return options.https ? undefined : plain;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure + __Host- over https. */
export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  const secure = isHttps(c);
  setCookie(c, secure ? HOST_NAME : PLAIN_NAME, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    maxAge: maxAgeSeconds,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context): void {
  const secure = isHttps(c);
  deleteCookie(c, secure ? HOST_NAME : PLAIN_NAME, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
