import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { ACCESS_CHANGES_PARAM } from '../../shared/collab/accessChanged';
import { DURABLE_PARAM } from '../../shared/collab/messages';
import { sendError } from '../http/errors';
import { isAllowedOrigin } from '../http/origin';
import { clientAddress } from '../http/address';
import { log } from '../log';
import type { AppDeps } from '../deps';
import { CloseCode, Connection, type SocketIdentity } from './connection';
import { can } from '../../shared/domain/roles';
import { colorForUser } from '../../shared/domain/colors';
import { sessionTokenFromHeader } from '../auth/cookies';
import { documentRole } from '../policies/document';
import { ProtocolError, type Room } from './room';

interface CollabEnv {
  Variables: { socketAccess: { identity: SocketIdentity; canWrite: boolean } };
}

const DOC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * /collab/:docId — the y-websocket endpoint. The upgrade is refused with a plain HTTP status, before
 * any document is loaded, for a foreign Origin (403), no valid session (401), an unknown document
 * (404) or no access (403). Commenters and viewers get a read-only socket.
 */
export function collabRoutes(deps: AppDeps, upgradeWebSocket: UpgradeWebSocket<WebSocket>) {
  return new Hono<CollabEnv>().get(
    '/:docId',
    async (c, next) => {
      const origin = c.req.header('origin');
      // Browsers always send Origin; refusing foreign ones stops cross-site WebSocket hijacking.
      if (origin && !isAllowedOrigin(c, origin, deps.env.ALLOWED_ORIGINS)) {
        return sendError(c, 403, 'forbidden_origin', 'Verbinding van een andere site geweigerd.');
      }
      const auth = await deps.sessions.validate(sessionTokenFromHeader(c.req.header('cookie')));
      if (!auth) return sendError(c, 401, 'unauthenticated', 'Log eerst in.');
      const address = clientAddress(c);
      const capped = deps.rooms.admit({ userId: auth.user.id, address });
      if (capped) {
        return sendError(
          c,
          429,
          'too_many_connections',
          capped === 'user'
            ? 'Je hebt te veel documenten tegelijk open. Sluit een paar tabbladen en probeer het opnieuw.'
            : 'Te veel verbindingen vanaf dit adres. Probeer het later opnieuw.',
        );
      }
      const docId = c.req.param('docId');
      const found = DOC_ID.test(docId) ? await documentRole(deps.stores, auth.user.id, docId) : undefined;
      if (!found) return sendError(c, 404, 'not_found', 'Dit document bestaat niet.');
      if (!can(found.role, 'document.read')) {
        return sendError(c, 403, 'forbidden', 'Je hebt geen toegang tot dit document.');
      }
      // Decided here, before any document is loaded; the socket handler below only reads it.
      c.set('socketAccess', {
        identity: {
          userId: auth.user.id,
          sessionId: auth.session.id,
          name: auth.user.name,
          color: colorForUser(auth.user.id),
          address,
        },
        canWrite: can(found.role, 'document.edit'),
      });
      return next();
    },
    upgradeWebSocket((c) => {
      const docId = c.req.param('docId') ?? '';
      const asked = {
        durableAcks: c.req.query(DURABLE_PARAM) === '1',
        accessChanges: c.req.query(ACCESS_CHANGES_PARAM) === '1',
      };
      const access = c.get('socketAccess');
      // No closure made here may use `c`: @hono/node-ws's listeners keep their scope alive.
      return {
        onOpen: (_event, ws) => openSocket(deps, ws.raw as WebSocket, docId, asked, access),
        // Only for frames node-ws buffered before the socket was open and replays right after
        // onOpen (none arrive that early with node-ws 1.3; kept so such a frame is never lost).
        onMessage: (event, ws) => {
          const served = serving.get(ws.raw as WebSocket);
          const data: unknown = event.data;
          if (!served) return;
          if (data instanceof ArrayBuffer) receive(served, Buffer.from(data), true);
          else receive(served, Buffer.alloc(0), false);
        },
      };
    }),
  );
}

/** An open socket and the room serving it (undefined while its document loads). */
interface Served {
  connection: Connection;
  room: Room | undefined;
  /** Frames that arrived while the document loaded, handled in order once it is there. */
  early: Buffer[];
}

/** Frames one socket may send while its document loads; more closes it (1013). */
const MAX_EARLY_FRAMES = 1_000;

/** What serves each open socket (for frames node-ws replays; see onMessage). */
const serving = new WeakMap<WebSocket, Served>();

/** Listeners @hono/node-ws puts on each socket, which keep the upgrade's Hono context alive. */
type Listeners = Record<'message' | 'close' | 'error', Array<(...args: unknown[]) => void>>;
const listenersOf = (ws: WebSocket): Listeners => ({
  message: ws.listeners('message') as Listeners['message'],
  close: ws.listeners('close') as Listeners['close'],
  error: ws.listeners('error') as Listeners['error'],
});

/**
 * Takes an upgraded socket over from @hono/node-ws. The upgrade itself (the checks above, the
 * handshake) stays with it, but once open the socket is served from ws's own events: node-ws
 * keeps each upgrade's Hono context, Request and Headers alive for the socket's life through its
 * listeners (~7.5 KB a socket, ~30 MB at 4,000 sockets) and copies every frame into a new
 * ArrayBuffer and MessageEvent. node-ws adds those listeners right after onOpen returns, in the
 * same synchronous run, so a microtask removes exactly the ones that were not there at open
 * (ws's own server keeps its `close` listener). tests/server/collab/route.test.ts pins this.
 */
function openSocket(
  deps: AppDeps,
  ws: WebSocket,
  docId: string,
  asked: { durableAcks: boolean; accessChanges: boolean },
  access: { identity: SocketIdentity; canWrite: boolean },
): void {
  const before = listenersOf(ws);
  // Several upgrades of one user can pass the check above at once; this one is exact.
  if (deps.rooms.admit(access.identity)) {
    ws.close(CloseCode.tryAgainLater, 'te veel verbindingen');
    return;
  }
  const connection = new Connection(ws, docId, { ...asked, ...access });
  const served: Served = { connection, room: undefined, early: [] };
  serving.set(ws, served);
  queueMicrotask(() => {
    // Ours first: an event whose last listener is removed is `delete`d from ws's _events, which
    // turns that object into a slower, bigger dictionary for the socket's whole life.
    listen(deps, ws, served);
    dropListenersAddedSince(ws, before);
  });
  deps.rooms.join(connection).then(
    (room) => {
      if (!room) return;
      served.room = room;
      for (const frame of served.early.splice(0)) receive(served, frame, true);
    },
    (error: unknown) => {
      // e.g. the document's stored state could not be read: this socket only, with a reason.
      log.error('collab socket could not join its document', { docId, error: String(error) });
      connection.close(CloseCode.internalError, 'internal error');
    },
  );
}

function dropListenersAddedSince(ws: WebSocket, before: Listeners): void {
  const now = listenersOf(ws);
  for (const event of ['message', 'close', 'error'] as const) {
    for (const listener of now[event]) {
      if (!before[event].includes(listener) && !(ROUTE_LISTENER in listener)) ws.off(event, listener);
    }
  }
}

/** Marks the listeners the route puts on a socket (tests/server/collab/route.test.ts checks them). */
export const ROUTE_LISTENER = Symbol('werkplaats.collab.listener');
const mark = <T extends object>(listener: T): T => Object.assign(listener, { [ROUTE_LISTENER]: true });

/** Its own scope: these closures must not keep anything of the upgrade alive. */
function listen(deps: AppDeps, ws: WebSocket, served: Served): void {
  const { connection } = served;
  ws.on(
    'message',
    mark((data: Buffer, isBinary: boolean) => receive(served, data, isBinary)),
  );
  ws.on(
    'close',
    mark(() => {
      connection.closed = true;
      deps.rooms.leave(connection);
    }),
  );
  // ws reports oversized frames here after closing with 1009; the close event follows.
  ws.on(
    'error',
    mark((error: Error & { code?: string }) => {
      log.warn('collab socket error', { docId: connection.docId, code: error.code, error: error.message });
    }),
  );
}

function receive(served: Served, data: Buffer, isBinary: boolean): void {
  const { connection, room } = served;
  if (connection.closed) return;
  connection.lastFrameAt = Date.now();
  if (!isBinary) {
    connection.close(CloseCode.unsupportedData, 'text frames are not part of the protocol');
    return;
  }
  if (!room) {
    if (served.early.length >= MAX_EARLY_FRAMES) {
      connection.close(CloseCode.tryAgainLater, 'document is still loading');
    } else {
      served.early.push(data);
    }
    return;
  }
  try {
    room.receive(connection, data);
  } catch (error) {
    if (error instanceof ProtocolError) {
      connection.close(error.code, error.message);
    } else {
      log.error('collab message failed', { docId: connection.docId, error: String(error) });
      connection.close(CloseCode.internalError, 'internal error');
    }
  }
}
