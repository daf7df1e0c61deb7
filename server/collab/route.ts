import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { DURABLE_PARAM } from '../../shared/collab/messages';
import { sendError } from '../http/errors';
import { isAllowedOrigin, ownOrigin } from '../http/origin';
import { log } from '../log';
import type { AppDeps } from '../deps';
import { CloseCode, Connection } from './connection';
import { ProtocolError, type Room } from './room';

const DOC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * /collab/:docId — the y-websocket endpoint. The upgrade is refused (plain HTTP status, no
 * document loaded) for a foreign Origin or an unknown document.
 */
export function collabRoutes(deps: AppDeps, upgradeWebSocket: UpgradeWebSocket<WebSocket>) {
  return new Hono().get(
    '/:docId',
    async (c, next) => {
      const origin = c.req.header('origin');
      // Browsers always send Origin; refusing foreign ones stops cross-site WebSocket hijacking.
      if (
        origin &&
        !isAllowedOrigin(origin, deps.env.ALLOWED_ORIGINS, ownOrigin(c.req.url, c.req.header('host')))
      ) {
        return sendError(c, 403, 'forbidden_origin', 'Verbinding van een andere site geweigerd.');
      }
      const docId = c.req.param('docId');
      if (!DOC_ID.test(docId) || !deps.stores.documents.exists(docId)) {
        return sendError(c, 404, 'not_found', 'Dit document bestaat niet.');
      }
      return next();
    },
    upgradeWebSocket((c) => {
      const docId = c.req.param('docId') ?? '';
      const wantsDurableAcks = c.req.query(DURABLE_PARAM) === '1';
      let connection: Connection | undefined;
      let room: Room | undefined;
      return {
        onOpen(_event, ws) {
          connection = new Connection(ws.raw as WebSocket, docId, wantsDurableAcks);
          room = deps.rooms.join(connection);
        },
        onMessage(event, _ws) {
          if (!connection || !room || connection.closed) return;
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
