import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
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
      const auth = deps.sessions.validate(sessionTokenFromHeader(c.req.header('cookie')));
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
      const found = DOC_ID.test(docId) ? documentRole(deps.stores, auth.user.id, docId) : undefined;
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
      const wantsDurableAcks = c.req.query(DURABLE_PARAM) === '1';
      const access = c.get('socketAccess');
      let connection: Connection | undefined;
      let room: Room | undefined;
      return {
        onOpen(_event, ws) {
          // @hono/node-ws keeps this upgrade's context alive as long as the socket: let go of the
          // Node request it no longer needs (its headers, raw headers and socket references).
          (c.env as { incoming?: unknown }).incoming = undefined;
          // Several upgrades of one user can pass the check above at once; this one is exact.
          if (deps.rooms.admit(access.identity)) {
            (ws.raw as WebSocket).close(CloseCode.tryAgainLater, 'te veel verbindingen');
            return;
          }
          connection = new Connection(
            ws.raw as WebSocket,
            docId,
            wantsDurableAcks,
            access.identity,
            access.canWrite,
          );
          room = deps.rooms.join(connection);
        },
        onMessage(event, _ws) {
          if (!connection || !room || connection.closed) return;
          connection.lastFrameAt = Date.now();
          const data = event.data;
          if (!(data instanceof ArrayBuffer)) {
            connection.close(CloseCode.unsupportedData, 'text frames are not part of the protocol');
            return;
          }
          try {
            room.receive(connection, new Uint8Array(data));
          } catch (error) {
            if (error instanceof ProtocolError) {
              connection.close(error.code, error.message);
            } else {
              log.error('collab message failed', { docId, error: String(error) });
              connection.close(CloseCode.internalError, 'internal error');
            }
          }
        },
        onClose() {
          if (!connection) return;
          connection.closed = true;
          deps.rooms.leave(connection);
        },
        onError(event) {
          // ws reports oversized frames here after closing with 1009; the close event follows.
          const error = (event as ErrorEvent).error as { code?: string; message?: string } | undefined;
          log.warn('collab socket error', { docId, code: error?.code, error: error?.message });
        },
      };
    }),
  );
}
