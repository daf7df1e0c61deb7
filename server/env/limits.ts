import { availableParallelism } from 'node:os';
import { z } from 'zod';

const MiB = 1024 * 1024;

/** Pool threads by default: the event loop and the commit thread keep a core each where there are few. */
const DEFAULT_WORKER_THREADS = availableParallelism() <= 2 ? 1 : Math.min(4, availableParallelism() - 2);

/** What one socket, user, address or document may hold or send. */
export const limitsSettings = {
  /**
   * Open collaboration sockets and event streams one user may hold (all documents, all tabs; an
   * editor tab holds one of each, so 40 is about 20 open documents). Beyond it the upgrade or stream
   * is refused with 429 (or, when two sockets arrive at once, the socket is closed with 1013).
   */
  MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(40),
  /**
   * Open collaboration sockets per client address. Behind a reverse proxy every user shares the
   * proxy's address unless TRUST_PROXY is set; without it, size this for the whole user base.
   */
  MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(200),
  /**
   * Document updates from one socket that may wait for their commit (storage slow or failing).
   * Beyond it that socket is closed with 1013; its client re-sends what is not stored on reconnect.
   */
  MAX_PENDING_UPDATES_PER_SOCKET: z.coerce.number().int().min(1).default(1000),
  /**
   * Threads for CPU-heavy requests (version diff, exports), so they never stop the event loop. Each
   * holds its own heap (tens of MB once used); more threads serve more such requests at once but
   * compete with the event loop and the commit thread for cores. Default: 1 up to two cores, else
   * one per core beyond two (at most 4).
   */
  WORKER_THREADS: z.coerce.number().int().min(1).max(16).default(DEFAULT_WORKER_THREADS),
  /** Diff/export requests that may wait for a worker thread; more get 503 ("Het is nu te druk"). */
  WORKER_QUEUE_MAX: z.coerce.number().int().min(0).default(16),
  /**
   * Time limit of one diff or export on a worker thread, in ms: the thread is terminated and
   * replaced, the request gets 503. Long enough for the largest real document (~1 s on one core).
   */
  WORKER_JOB_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  /**
   * Bytes of document updates one socket may hold back because they build on content the server
   * does not have yet (normally for milliseconds: an edit typed during the handshake, or one built
   * on another tab's edit). More closes that socket with 1009; it re-syncs on reconnect. At least
   * MAX_FRAME_BYTES, so one whole frame can wait.
   */
  MAX_HELD_BYTES_PER_SOCKET: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * MiB),
  /**
   * The same over all sockets of one document; the socket whose update would pass it is closed
   * with 1013 (it reconnects and re-syncs). Bounds held memory per document, not per attacker.
   */
  MAX_HELD_BYTES_PER_DOCUMENT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * MiB),
  /**
   * Structs (insertions, runs of text, tombstones) in one document update; more closes the socket
   * with 1009 before anything is applied. A 50-page paste is ~4,600 structs; 900,000 one-letter
   * insertions in one 6.9 MiB frame held the event loop 2.4 s. Applying costs ~10 µs a struct.
   */
  MAX_STRUCTS_PER_UPDATE: z.coerce.number().int().min(1000).default(50_000),
  /**
   * Largest document, as its stored bytes (state plus update log, estimated between compactions). An
   * update adding content past it closes that socket with 4413 and the editor says "Dit document is
   * te groot"; deletions still pass. A 50-page formatted document is ~215 KB, so 16 MiB is several
   * thousand pages (the 6.9 MiB dense document of issue 19 took ~1.5 s to load cold).
   */
  MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(16 * MiB),
  /**
   * Document updates one socket may send per second on average, and at once (token bucket). Faster
   * closes that socket with 1013; its client reconnects and re-sends what was not stored as one
   * update. Typing sends ~10–30 a second and a paste one, so only scripts and floods meet it.
   */
  MAX_UPDATES_PER_SECOND: z.coerce.number().positive().default(200),
  MAX_UPDATES_BURST: z.coerce.number().int().min(1).default(1000),
  /** Largest awareness (presence) state of one client, in bytes; larger closes the socket (1009). */
  MAX_AWARENESS_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .default(16 * 1024),
  /** Awareness client ids one socket may announce (a tab has one; more is someone faking people). */
  MAX_AWARENESS_IDS_PER_SOCKET: z.coerce.number().int().min(1).default(4),
  /**
   * Presence frames (carets, selections) one socket may send per second, in bursts of four times
   * as many; more are dropped (not relayed), the socket stays. Each is sent to everyone in the
   * room, so this bounds what one reader can make the server send.
   */
  MAX_PRESENCE_FRAMES_PER_SECOND: z.coerce.number().positive().default(60),
  /** How often sockets are pinged (one that missed the last ping is dropped) and idle ones closed. */
  HEARTBEAT_SECONDS: z.coerce.number().positive().default(30),
  /**
   * A socket that sends nothing for this long is closed (y-websocket renews its presence every
   * 15 s, so only abandoned or hostile sockets are affected); its document is unloaded when no one
   * is left.
   */
  SOCKET_IDLE_SECONDS: z.coerce.number().positive().default(600),
  /**
   * A connection must have sent its complete request head (HTTP request or WebSocket upgrade)
   * within this time, or it is closed: slow or silent unauthenticated connections do not linger.
   */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Whole HTTP request (head and body) time limit. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
};
