import type { WebSocket } from 'ws';
import { log } from '../log';
import type { AppDeps } from '../deps';
import { CloseCode, Connection } from './connection';
import { ProtocolError } from './frames';
import type { Room } from './room';
import type { Admitted } from './upgradeCheck';

/** An open socket and the room serving it (undefined while its document loads). */
interface Served {
  connection: Connection;
  room: Room | undefined;
  /** Frames that arrived while the document loaded, handled in order once it is there. */
  early: Buffer[];
  /** Their bytes, bounded like held updates (MAX_HELD_BYTES_PER_SOCKET). */
  earlyBytes: number;
  earlyBytesMax: number;
}

/**
 * Frames one socket may send while its document loads; more closes it (1013). Their bytes count
 * against the socket's held-update budget (more: 1009), as they are held the same way.
 */
const MAX_EARLY_FRAMES = 1_000;

/**
 * Serves a socket that has just been upgraded on /collab/:docId: joins its document's room and
 * hands it every frame. Its listeners close over the Served record only, so nothing of the upgrade
 * (request, headers) stays alive for the socket's life.
 */
export function serveSocket(deps: AppDeps, ws: WebSocket, docId: string, admitted: Admitted): void {
  // Several upgrades of one user can pass the upgrade's check at once; this one is exact.
  if (deps.rooms.admit(admitted.identity)) {
    ws.close(CloseCode.tryAgainLater, 'te veel verbindingen');
    return;
  }
  const connection = new Connection(ws, docId, admitted);
  const served: Served = {
    connection,
    room: undefined,
    early: [],
    earlyBytes: 0,
    earlyBytesMax: deps.env.MAX_HELD_BYTES_PER_SOCKET,
  };
  listen(deps, ws, served);
  deps.rooms.join(connection).then(
    (room) => {
      if (!room) return;
      served.room = room;
      served.earlyBytes = 0;
      for (const frame of served.early.splice(0)) receive(served, frame, true);
    },
    (error: unknown) => {
      // e.g. the document's stored state could not be read: this socket only, with a reason.
      log.error('collab socket could not join its document', { docId, error: String(error) });
      connection.close(CloseCode.internalError, 'internal error');
    },
  );
}

function listen(deps: AppDeps, ws: WebSocket, served: Served): void {
  const { connection } = served;
  ws.on('message', (data: Buffer, isBinary: boolean) => receive(served, data, isBinary));
  ws.on('close', () => {
    connection.closed = true;
    deps.rooms.leave(connection);
  });
  // ws reports oversized frames here after closing with 1009; the close event follows.
  ws.on('error', (error: Error & { code?: string }) => {
    log.warn('collab socket error', { docId: connection.docId, code: error.code, error: error.message });
  });
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
    if (served.earlyBytes + data.length > served.earlyBytesMax) {
      served.early.length = 0;
      connection.close(CloseCode.tooBig, 'frames over the byte budget while the document loads');
    } else if (served.early.length >= MAX_EARLY_FRAMES) {
      served.early.length = 0;
      connection.close(CloseCode.tryAgainLater, 'document is still loading');
    } else {
      served.early.push(data);
      served.earlyBytes += data.length;
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
