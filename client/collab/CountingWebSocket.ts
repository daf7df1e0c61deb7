import { isDocumentUpdateFrame, SyncMessageType } from '../../shared/collab/messages';
import { splitUpdateFrame } from '../../shared/collab/splitUpdate';

type SendData = Parameters<WebSocket['send']>[0];

function asBytes(data: SendData): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null; // strings and Blobs never carry y-websocket frames
}

/**
 * The browser WebSocket, counting the document-update frames it sends. The server acknowledges
 * "the first n document-update frames this socket sent are on disk" (durable-ack); comparing that
 * n with `sentUpdates` tells whether everything this socket carried is saved. Every reconnect
 * makes a new socket, so the counters restart at 0 exactly like the server's.
 */
export class CountingWebSocket extends WebSocket {
  /** Document-update frames (sync step 2 or update) sent on this socket. */
  sentUpdates = 0;
  /** Highest durable-ack received on this socket. */
  ackedUpdates = 0;
  /**
   * `sentUpdates` right after this socket's first sync step 2 went out. That frame holds every
   * change the server was missing when the socket opened — including everything typed offline.
   */
  stepTwoSentAt: number | null = null;
  /** Called after each counted frame and each new ack. */
  onCountChange: (() => void) | null = null;

  /**
   * Sends a frame; a large document update (a sync step 2 after much offline work, a huge paste)
   * as several frames the server accepts (splitUpdateFrame), each counted as the server counts it.
   */
  override send(data: SendData): void {
    const frame = asBytes(data);
    if (!frame || !isDocumentUpdateFrame(frame)) {
      super.send(data);
      return;
    }
    const pieces = splitUpdateFrame(frame);
    if (pieces.length === 1) super.send(data);
    // Split pieces are freshly encoded, so backed by an ArrayBuffer.
    else for (const piece of pieces) super.send(piece as Uint8Array<ArrayBuffer>);
    this.sentUpdates += pieces.length;
    if (this.stepTwoSentAt === null && frame[1] === SyncMessageType.step2)
      this.stepTwoSentAt = this.sentUpdates;
    this.onCountChange?.();
  }

  /** Records a durable-ack for the first `count` document-update frames. */
  acknowledge(count: number): void {
    if (count <= this.ackedUpdates) return;
    this.ackedUpdates = count;
    this.onCountChange?.();
  }
}
