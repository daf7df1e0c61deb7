import type { UpdateRate } from './updateRate';

const MiB = 1024 * 1024;

/** What one socket's document updates may make a room spend (see Room.receiveSync). */
export interface UpdateLimits {
  /** Bytes of updates one socket may hold back waiting for missing content; more closes it (1009). */
  heldBytesPerSocket: number;
  /** The same over all sockets of a room; the socket whose update would pass it is closed (1013). */
  heldBytesPerRoom: number;
  /** Structs in one update; more closes the socket (1009). A 50-page paste is ~4,600. */
  maxStructs: number;
  /** Estimated stored bytes of a document; an update adding content past it closes the socket (4413). */
  maxDocumentBytes: number;
  /** Document updates per second one socket may send (token bucket); faster closes it (1013). */
  rate: UpdateRate;
}

/** The defaults also used by server/env.ts. */
export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  heldBytesPerSocket: 4 * MiB,
  heldBytesPerRoom: 16 * MiB,
  maxStructs: 50_000,
  maxDocumentBytes: 16 * MiB,
  rate: { perSecond: 200, burst: 1_000 },
};
