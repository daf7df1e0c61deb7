/**
 * Wire format of /collab/:docId. Types 0–3 are y-websocket's (y-protocols); 4 and 5 are Werkplaats'
 * own, each sent only to clients that ask for it in the URL (`?durable=1`, `?access=1`): y-websocket's
 * provider logs "Unable to compute message" for a type it has no handler for, so an unmodified
 * client must see the plain protocol.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** [4, varUint n]: the first n document-update messages this socket sent are committed to disk. */
  durable: 4,
  /** [5]: this user's access to the document may have changed (shared/collab/accessChanged.ts). */
  accessChanged: 5,
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
