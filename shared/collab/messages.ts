/**
 * Wire format of /collab/:docId. Types 0–3 are y-websocket's (y-protocols); 4 is Werkplaats' own
 * durable-ack, sent only to clients that add `?durable=1` so an unmodified y-websocket client sees
 * the plain protocol.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** [4, varUint n]: the first n document-update messages this socket sent are committed to disk. */
  durable: 4,
} as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncMessageType = { step1: 0, step2: 1, update: 2 } as const;

/** URL parameter with which a client asks for durable-acks. */
export const DURABLE_PARAM = 'durable';

/**
 * True when a raw frame carries document content (sync step 2 or update). Client and server count
 * exactly these frames per socket, so the ack counter means the same on both ends.
 */
export function isDocumentUpdateFrame(frame: Uint8Array): boolean {
  return (
    frame.length >= 2 &&
    frame[0] === MessageType.sync &&
    (frame[1] === SyncMessageType.step2 || frame[1] === SyncMessageType.update)
  );
}
