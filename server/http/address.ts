import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The client's network address (the socket's peer; X-Forwarded-For is not trusted). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
