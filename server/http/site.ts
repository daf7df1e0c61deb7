import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { allowedHostnames, isAllowedHost } from './hostCheck';
import { forwardedClient, type TrustProxy } from './proxyAddress';

/** Where a request came from and which site it asked for, decided once per request. */
export interface Site {
  /** The client's address: the peer, or with TRUST_PROXY the first untrusted X-Forwarded-For hop. */
  address: string;
  /** The app's own origin as the browser sees it: PUBLIC_ORIGIN, else from Host and the protocol. */
  origin: string | undefined;
  /** Whether the browser reached us over https (the __Host- cookie, HSTS). */
  https: boolean;
  /** Whether the Host header names this server; if not, the request is answered with 421. */
  hostAllowed: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by frontDoor for every request (server/http/frontDoor.ts). */
    site: Site;
  }
}

/** The settings a Site is decided by (server/env.ts). */
export interface SiteSettings {
  HOST: string;
  PUBLIC_ORIGIN?: string | undefined;
  TRUST_PROXY?: TrustProxy | undefined;
}

/** A request as both the Hono app and the raw WebSocket upgrade can describe it. */
export interface RawRequest {
  /** The socket peer's address. */
  peer: string | undefined;
  /** Lower-case header name → value. */
  header(name: string): string | undefined;
  /** Whether the connection itself is TLS (never, unless the server is given certificates). */
  tls: boolean;
}

/** Decides the Site of each request under `settings`. */
export function siteResolver(settings: SiteSettings): (request: RawRequest) => Site {
  const allowed = allowedHostnames(settings);
  const configured = settings.PUBLIC_ORIGIN ? new URL(settings.PUBLIC_ORIGIN) : undefined;
  return (request) => {
    const host = request.header('host');
    // Without PUBLIC_ORIGIN the origin comes from the request. Trusting X-Forwarded-Proto is safe
    // there: a cross-site page cannot set it on a victim's request, and it only ever makes the
    // cookie stricter (Secure) or the own origin https.
    const https = configured
      ? configured.protocol === 'https:'
      : request.tls || request.header('x-forwarded-proto') === 'https';
    const origin = configured?.origin ?? (host ? `${https ? 'https:' : 'http:'}//${host}` : undefined);
    return {
      address: forwardedClient(
        request.peer ?? 'unknown',
        request.header('x-forwarded-for'),
        settings.TRUST_PROXY,
      ),
      origin,
      https,
      hostAllowed: isAllowedHost(allowed, host),
    };
  };
}

/** The request as RawRequest, from a Hono context served by @hono/node-server. */
export function rawRequestOf(c: Context): RawRequest {
  return {
    peer: peerAddress(c),
    header: (name) => c.req.header(name),
    tls: new URL(c.req.url).protocol === 'https:',
  };
}

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Not served from a socket (app.request in a test).
    return undefined;
  }
}

/** The request's Site: what frontDoor decided, or (outside the full app) decided now without settings. */
export function siteOf(c: Context): Site {
  return (c.get('site') as Site | undefined) ?? siteResolver({ HOST: '0.0.0.0' })(rawRequestOf(c));
}
