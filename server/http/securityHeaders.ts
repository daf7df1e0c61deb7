import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { siteOf } from './site';

/** Sent only over https: a browser that saw it refuses plain http to this host for 180 days. */
export const HSTS = 'max-age=15552000; includeSubDomains';

const PLAIN_ORIGIN = /^https?:\/\/[a-z0-9.\-[\]:]+$/i;

/**
 * The own origin's WebSocket form for connect-src. CSP3 lets 'self' cover same-origin ws:/wss:,
 * but browsers before it do not; a Host that is not a plain name adds nothing ('self' remains).
 */
function ownSocketOrigin(c: Context): string {
  const origin = siteOf(c).origin;
  return origin && PLAIN_ORIGIN.test(origin) ? origin.replace(/^http/, 'ws') : '';
}

/**
 * The headers every response carries (HTML, API, assets, errors). Scripts only from our own files
 * (Vite emits module scripts, none inline), nothing may frame the app, no referrer leaves it
 * (invite and feedback links carry tokens). Styles allow 'unsafe-inline': ProseMirror and the
 * collaboration carets write style attributes and Tiptap injects its base <style> element; an
 * injected style cannot run code.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      // The favicon is `data:,` (index.html): no icon request at all.
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", ownSocketOrigin],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Decided per request by the front door: only over https.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
}
