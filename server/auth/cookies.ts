import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../http/origin';

const PLAIN_NAME = 'werkplaats_session';
// Over https the __Host- prefix makes the browser insist on Secure, Path=/ and no Domain.
const HOST_NAME = '__Host-werkplaats_session';

/** The session token from the request's cookie, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, HOST_NAME) ?? getCookie(c, PLAIN_NAME);
}

/** Parses the session token out of a raw Cookie header (WebSocket upgrade). */
export function sessionTokenFromHeader(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === HOST_NAME || name === PLAIN_NAME) return decodeURIComponent(value.join('='));
  }
  return undefined;
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
