import type { Context } from 'hono';
import { siteOf } from './site';

/**
 * The client's network address: the socket's peer, or behind trusted proxies (TRUST_PROXY) the
 * right-most X-Forwarded-For entry no trusted proxy wrote. Every per-address limit counts by it.
 */
export function clientAddress(c: Context): string {
  return siteOf(c).address;
}
