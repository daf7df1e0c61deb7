import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Auth } from '../deps';
import { log } from '../log';
import { clientAddress } from './address';
import { loggedPath } from './loggedPath';

/** The response header (and accepted request header) that carries the request id. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * An incoming id is echoed and logged only when it cannot forge a log line or a header: a proxy's
 * or load balancer's ids (UUIDs, hex, `trace.span`) fit; anything else gets a fresh one.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request's id: the caller's `X-Request-Id` when it looks safe, a new UUID otherwise. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The id the access log gave this request (for other log lines about it), if it passed through. */
export function requestIdOf(c: Context): string | undefined {
  return (c.var as { requestId?: string }).requestId;
}

interface AccessLogEnv {
  Variables: { requestId: string; auth?: Auth | null };
}

const elapsedMs = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/**
 * One `request` line per HTTP request: method, path (tokens and query string removed, see
 * loggedPath), status, duration in ms, bytes sent, client address, the signed-in user's id and the
 * request id, which every response also carries as `X-Request-Id` (set before the handlers run, so
 * error responses carry it too). On the Node server the line is written once the response is sent
 * or the connection closed (`aborted: true`): the duration then includes sending the body, and
 * `bytes` is what the socket sent for it, headers included. A streamed response (an event stream)
 * is logged when it ends.
 */
export function accessLog(): MiddlewareHandler<AccessLogEnv> {
  return async (c, next) => {
    const started = performance.now();
    const id = requestIdFor(c.req.header(REQUEST_ID_HEADER));
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    const socket = outgoing?.socket;
    const bytesBefore = socket?.bytesWritten ?? 0;
    await next();
    if (!log.enabled('info')) return;
    const line = {
      requestId: id,
      method: c.req.method,
      path: loggedPath(c.req.path),
      address: clientAddress(c),
      ...(c.var.auth ? { userId: c.var.auth.user.id } : {}),
    };
    if (!outgoing || !socket) {
      // Not on a Node socket (app.request() in tests): the response is ready, not yet sent.
      log.info('request', { ...line, status: c.res.status, ms: elapsedMs(started) });
      return;
    }
    outgoing.once('close', () => {
      log.info('request', {
        ...line,
        status: outgoing.statusCode,
        ms: elapsedMs(started),
        bytes: socket.bytesWritten - bytesBefore,
        ...(outgoing.writableFinished ? {} : { aborted: true }),
      });
    });
  };
}

/** What an upgrade's answer adds to its line. */
export interface UpgradeOutcome {
  /** The client address the checks used (honours a trusted proxy); the socket's peer otherwise. */
  address?: string;
  userId?: string;
  /** Why it was refused: the error code the plain HTTP route would answer with. */
  reason?: string;
}

/**
 * The access line of a WebSocket upgrade, which is served beside the app (server/collab/route.ts)
 * and so never passes accessLog: `id` goes into the handshake's or refusal's `X-Request-Id`, and
 * `answered` logs one `upgrade` line with 101 or the refusal's status. Nothing is logged per frame.
 */
export function upgradeAccess(request: IncomingMessage, address = request.socket.remoteAddress ?? 'unknown') {
  const started = performance.now();
  const id = requestIdFor(request.headers['x-request-id']);
  return {
    id,
    answered(status: number, outcome: UpgradeOutcome = {}): void {
      if (!log.enabled('info')) return;
      log.info('upgrade', {
        requestId: id,
        method: request.method ?? 'GET',
        path: loggedPath(request.url ?? ''),
        status,
        ms: elapsedMs(started),
        address: outcome.address ?? address,
        ...(outcome.userId ? { userId: outcome.userId } : {}),
        ...(outcome.reason ? { reason: outcome.reason } : {}),
      });
    },
  };
}
