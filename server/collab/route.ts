import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { sendError } from '../http/errors';
import { REQUEST_ID_HEADER, upgradeAccess } from '../http/accessLog';
import { siteOf, siteResolver, type Site } from '../http/site';
import { log } from '../log';
import type { AppDeps } from '../deps';
import { serveSocket } from './socket';
import { checkUpgrade, isRefusal, type UpgradeRequest } from './upgradeCheck';

/**
 * /collab/:docId as plain HTTP: the same checks as the upgrade (so the route table and its tests
 * see who may connect), then 426 — the document is only served over a WebSocket.
 */
export function collabRoutes(deps: AppDeps) {
  return new Hono().get('/:docId', async (c) => {
    const checked = await checkUpgrade(deps, {
      docId: c.req.param('docId'),
      header: (name) => c.req.header(name),
      query: (name) => c.req.query(name),
      site: siteOf(c),
    });
    if (isRefusal(checked)) return sendError(c, checked.status, checked.code, checked.message);
    return sendError(c, 426, 'upgrade_required', 'Open dit adres met een WebSocket.');
  });
}

const COLLAB_PATH = /^\/collab\/([^/?]+)(?:\?|$)/;

/**
 * The WebSocket side of /collab/:docId, with `ws` directly rather than through @hono/node-ws:
 * node-ws runs every upgrade through the whole Hono app (a Request, Headers, URL and Context per
 * socket), kept that context alive through its listeners and copied every incoming frame into a
 * new ArrayBuffer and MessageEvent — a large part of the memory held and churned at 4,000 sockets
 * (docs/benchmarks.md). The checks are the plain route's (checkUpgrade), answered before the
 * handshake with the same HTTP statuses.
 */
export function collabSockets(deps: AppDeps) {
  // ws closes a socket whose frame exceeds maxPayload with 1009, before buffering it whole.
  // permessage-deflate stays off (ws's default for servers): frames are pre-framed once per broadcast.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.env.MAX_FRAME_BYTES });
  const resolveSite = siteResolver(deps.env);
  // Upgrades never pass through the app, so they are counted and logged here, as its requests are.
  const count = (route: string, status: number) =>
    deps.metrics.httpRequests.inc({ method: 'GET', route, status: String(status) });
  // The handshake's X-Request-Id: ws builds the 101 response itself and hands its headers here.
  const requestIds = new WeakMap<IncomingMessage, string>();
  wss.on('headers', (headers, request) => {
    const id = requestIds.get(request);
    if (id) headers.push(`${REQUEST_ID_HEADER}: ${id}`);
  });
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removed its own error listener when it handed the socket over; a reset during the
    // checks must not become an uncaught error.
    socket.on('error', destroyOnError);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const site = resolveSite({ peer: request.socket.remoteAddress, header, tls: isTls(request) });
    const access = upgradeAccess(request, site.address);
    const match = COLLAB_PATH.exec(request.url ?? '');
    if (!match) {
      count('*', 404);
      access.answered(404, { reason: 'not_found' });
      refuse(socket, 404, access.id);
      return;
    }
    const docId = decodedSegment(match[1]!);
    // The app's front door refuses a foreign Host the same way (server/http/frontDoor.ts).
    if (!site.hostAllowed) {
      count('/collab/:docId', 421);
      access.answered(421, { reason: 'misdirected_request' });
      refuse(socket, 421, access.id);
      return;
    }
    checkUpgrade(deps, upgradeRequest(request, docId, header, site)).then(
      (checked) => {
        if (isRefusal(checked)) {
          count('/collab/:docId', checked.status);
          access.answered(checked.status, { reason: checked.code });
          refuse(socket, checked.status, access.id);
          return;
        }
        count('/collab/:docId', 101);
        access.answered(101, { userId: checked.identity.userId });
        requestIds.set(request, access.id);
        socket.off('error', destroyOnError);
        wss.handleUpgrade(request, socket, head, (ws) => serveSocket(deps, ws, docId, checked));
      },
      (error: unknown) => {
        log.error('collab upgrade failed', { requestId: access.id, error: String(error) });
        count('/collab/:docId', 500);
        access.answered(500, { reason: 'internal' });
        refuse(socket, 500, access.id);
      },
    );
  };
  return {
    wss,
    /** Serves upgrades on the HTTP server's 'upgrade' event. */
    injectWebSocket: (server: Server) => void server.on('upgrade', upgrade),
  };
}

function upgradeRequest(
  request: IncomingMessage,
  docId: string,
  header: (name: string) => string | undefined,
  site: Site,
): UpgradeRequest {
  const queryAt = request.url!.indexOf('?');
  const query = queryAt >= 0 ? new URLSearchParams(request.url!.slice(queryAt + 1)) : undefined;
  return { docId, header, query: (name) => query?.get(name) ?? undefined, site };
}

/** Whether the upgrade arrived over TLS (only when the server itself is given certificates). */
const isTls = (request: IncomingMessage) =>
  'encrypted' in request.socket && request.socket.encrypted === true;

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

/** Refuses an upgrade with a bare status line, as a WebSocket client only reads the status. */
function refuse(socket: Duplex, status: number, requestId: string): void {
  socket.end(
    `HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n${REQUEST_ID_HEADER}: ${requestId}\r\nContent-Length: 0\r\n\r\n`,
  );
}
