import { createHmac, timingSafeEqual } from 'node:crypto';

/** The client page a mail's unsubscribe link opens (it asks before switching mail off). */
export const UNSUBSCRIBE_PAGE = '/afmelden/';
/** The RFC 8058 one-click endpoint (List-Unsubscribe): a POST there switches mail off. */
export const UNSUBSCRIBE_API = '/api/mail/unsubscribe/';

const signature = (key: Uint8Array, userId: string) =>
  createHmac('sha256', key).update(`unsubscribe:${userId}`).digest('base64url');

/**
 * A token that lets whoever holds it switch off one person's notification mail, without a login:
 * the user id and an HMAC of it. It only ever turns mail off, so leaking it costs little.
 */
export function unsubscribeToken(key: Uint8Array, userId: string): string {
  return `${userId}.${signature(key, userId)}`;
}

/** The user a token names when its signature holds, else undefined. */
export function verifyUnsubscribeToken(key: Uint8Array, token: string): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const userId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signature(key, userId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
}

/** The List-Unsubscribe headers (RFC 2369, RFC 8058 one-click) for a token. */
export function unsubscribeHeaders(origin: string, token: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${origin}${UNSUBSCRIBE_API}${encodeURIComponent(token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
