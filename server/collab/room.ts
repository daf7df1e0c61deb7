import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncMessageType } from '../../shared/collab/messages';
import { META_MAP } from '../../shared/editor/fields';
import { CloseCode, preframe, type Connection } from './connection';
import type { LoadedDoc } from './loadDoc';
import { isEmptyUpdate } from '../stores/docStorage/seqs';
import type { UpdateWriter } from './writer';
import { AppliedSeqs } from './appliedSeqs';
import { answerAwarenessQuery } from './awarenessQuery';
import { log } from '../log';
import { isSatisfied, knownClocksOf, noteClocks, noteUpdate, type KnownClocks } from './dependencies';
import { inspectUpdate, UpdateRefused, type Inspected } from './inspectUpdate';
import {
  AwarenessTooBig,
  DEFAULT_AWARENESS_LIMITS,
  sanitizeAwarenessUpdate,
  type AwarenessLimits,
} from './awareness';
import { DEFAULT_UPDATE_LIMITS, type UpdateLimits } from './updateLimits';
import { takeUpdateToken } from './updateRate';
import { HeldUpdates } from './heldUpdates';
import { TypeDepths } from './typeDepths';
import { encodeDurableFrame, encodeUpdateFrame, frame, ProtocolError } from './frames';

/** Transaction and awareness origin of what another instance committed or announced. */
export const FROM_ANOTHER_INSTANCE = Symbol('another instance');

const NOTHING: Inspected = { needs: new Map(), to: new Map(), structs: 0 };

/**
 * One loaded document and the sockets editing it. The in-memory doc only ever contains committed
 * updates: incoming updates go to the UpdateWriter and are applied (and so relayed) after commit.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Which log rows the doc contains (see AppliedSeqs). */
  readonly seqs: AppliedSeqs;
  /** Seq up to which the stored state covers the log (what the last compaction wrote). */
  compactedSeq: number;
  /** Title last written to the documents table. */
  persistedTitle: string | undefined;
  /**
   * Estimated stored size: the state and log read at load, plus every update accepted since, reset
   * to the state's size at each compaction. Checked against UpdateLimits.maxDocumentBytes.
   */
  sizeBytes: number;
  /** The doc changed since the documents row was last touched. */
  dirtyMeta = false;
  /** Told who committed each edit of a socket here (automatic versions name their authors). */
  onEdit: ((userId: string) => void) | undefined;
  /** Updates held back for missing content (see releaseHeld). */
  private readonly held: HeldUpdates;
  /** Clocks of everything committed or queued for commit (what later updates may build on). */
  private readonly known: KnownClocks;
  /** Nesting of the document's types (an update may not nest past MAX_DOCUMENT_TYPE_DEPTH). */
  private readonly typeDepths: TypeDepths;

  constructor(
    readonly docId: string,
    loaded: LoadedDoc,
    private readonly writer: UpdateWriter,
    private readonly awarenessLimits: AwarenessLimits = DEFAULT_AWARENESS_LIMITS,
    private readonly updateLimits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
  ) {
    this.doc = loaded.doc;
    this.known = knownClocksOf(this.doc);
    this.held = new HeldUpdates(updateLimits);
    this.typeDepths = new TypeDepths(this.doc);
    this.seqs = new AppliedSeqs(loaded.lastSeq);
    this.compactedSeq = loaded.stateSeq;
    this.sizeBytes = loaded.storedBytes ?? 0;
    this.persistedTitle = this.title;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);

    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.dirtyMeta = true;
      const message = encodeUpdateFrame(update);
      const framed = preframe(message);
      for (const connection of this.connections) {
        if (connection !== origin) connection.sendFramed(framed, message);
      }
    });

    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = added.concat(updated, removed);
        const owner = this.connections.has(origin as Connection) ? (origin as Connection) : undefined;
        if (owner) {
          for (const id of added) owner.awarenessIds.add(id);
          for (const id of removed) owner.awarenessIds.delete(id);
        }
        const message = frame((encoder) => {
          encoding.writeVarUint(encoder, MessageType.awareness);
          encoding.writeVarUint8Array(
            encoder,
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
          );
        });
        const framed = preframe(message);
        for (const connection of this.connections) connection.sendFramed(framed, message);
      },
    );
  }

  /** Every log row up to this seq is in the doc: what a compaction may cover. */
  get lastSeq(): number {
    return this.seqs.contiguous;
  }

  /** Log rows on top of the stored state (quarantined rows included: an estimate for compaction). */
  get logCount(): number {
    return this.lastSeq - this.compactedSeq;
  }

  /** The collaborative title (meta.title), if set. */
  get title(): string | undefined {
    const title = this.doc.getMap(META_MAP).get('title');
    return typeof title === 'string' ? title : undefined;
  }

  /** Adds a socket and starts the sync handshake (our step 1, and current presence). */
  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(
      frame((encoder) => {
        encoding.writeVarUint(encoder, MessageType.sync);
        encoding.writeVarUint(encoder, SyncMessageType.step1);
        encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
      }),
    );
    const states = this.awareness.getStates();
    if (states.size > 0) connection.send(this.awarenessFrame([...states.keys()]));
  }

  /** Removes a socket; its presence disappears for everyone. */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    // Held updates were never stored or acked; the client sends them again when it re-syncs.
    this.held.drop(connection);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /**
   * Handles one binary frame from `connection`. Throws ProtocolError for malformed input; the
   * caller closes that socket. Nothing is written for a frame that fails to decode.
   */
  receive(connection: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    let messageType: number;
    try {
      messageType = decoding.readVarUint(decoder);
    } catch {
      throw new ProtocolError('empty or truncated frame');
    }
    switch (messageType) {
      case MessageType.sync:
        return this.receiveSync(connection, decoder);
      case MessageType.awareness:
        return this.receiveAwareness(connection, decoder);
      case MessageType.queryAwareness:
        return answerAwarenessQuery(this.awareness, connection);
      case MessageType.auth:
        // y-websocket clients never send auth messages; permission is decided at the upgrade.
        return;
      default:
        throw new ProtocolError(`unknown message type ${messageType}`, CloseCode.unsupportedData);
    }
  }

  /** Applies a committed update; doc observers relay it to every other socket. */
  applyCommitted(update: Uint8Array, origin: Connection | null, seq: number): void {
    Y.applyUpdate(this.doc, update, origin);
    const author = origin?.identity?.userId;
    if (author) this.onEdit?.(author);
    if (!origin) {
      // Server-side writes (template upgrades) bypass receive(): note what they add.
      noteUpdate(this.known, update);
      this.sizeBytes += update.length;
      this.releaseHeld();
    }
    if (seq > 0) this.seqs.applied(seq);
  }

  /**
   * Applies what other instances committed — their log rows in seq order, or a stored state when
   * catching up past a compaction — in one transaction; every socket here receives it. A row that
   * does not apply is logged and skipped: its own instance quarantines it.
   */
  applyFromLog(updates: readonly Uint8Array[]): void {
    this.doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(this.doc, update, FROM_ANOTHER_INSTANCE);
          noteUpdate(this.known, update);
          this.sizeBytes += update.length;
        } catch (error) {
          log.error('a committed update from the log could not be applied', {
            docId: this.docId,
            error: String(error),
          });
        }
      }
    }, FROM_ANOTHER_INSTANCE);
    this.releaseHeld();
  }

  /** Sends the durable-ack to a socket that asked for it. */
  acknowledge(connection: Connection, count: number): void {
    if (count > connection.committedCount) connection.committedCount = count;
    // Never past an update that is still held or queued: an ack covers every frame before it.
    count = connection.ackable;
    if (!connection.wantsDurableAcks || count <= connection.ackedUpdates) return;
    connection.ackedUpdates = count;
    connection.send(encodeDurableFrame(count));
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    let syncType: number;
    let payload: Uint8Array;
    try {
      syncType = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      throw new ProtocolError('truncated sync message');
    }
    if (syncType === SyncMessageType.step1) {
      let update: Uint8Array;
      try {
        update = Y.encodeStateAsUpdate(this.doc, payload);
      } catch {
        throw new ProtocolError('malformed state vector');
      }
      connection.send(
        frame((encoder) => {
          encoding.writeVarUint(encoder, MessageType.sync);
          encoding.writeVarUint(encoder, SyncMessageType.step2);
          encoding.writeVarUint8Array(encoder, update);
        }),
      );
      return;
    }
    if (syncType !== SyncMessageType.step2 && syncType !== SyncMessageType.update) {
      throw new ProtocolError(`unknown sync message type ${syncType}`, CloseCode.unsupportedData);
    }
    // Commenters and viewers follow live but never change the document. Their (empty) sync step 2
    // on connect is still counted and acked — nothing to store is truthfully "saved" — so their
    // save status settles; anything with content is dropped uncounted and never acked.
    if (!connection.canWrite && !isEmptyUpdate(payload)) return;
    const empty = isEmptyUpdate(payload);
    // Before decoding: a socket over its rate costs nothing more. 1013, not 44xx: its client
    // reconnects and re-sends what was not stored as one sync step 2.
    if (!empty && !takeUpdateToken(connection, this.updateLimits.rate, performance.now())) {
      throw new ProtocolError('too many updates per second', CloseCode.tryAgainLater);
    }
    const inspected = empty ? NOTHING : this.inspect(payload);
    const { needs } = inspected;
    // Deletions always pass: they are how a document that reached the limit gets smaller.
    if (inspected.structs > 0 && this.sizeBytes + payload.length > this.updateLimits.maxDocumentBytes) {
      throw new ProtocolError('document too large', CloseCode.documentTooLarge);
    }
    // Storage slow or failing: queued updates wait in memory. Bound what one socket can pile up;
    // this update is dropped unacked and its client re-sends it on reconnect (sync step 2).
    if (connection.pendingUpdates >= connection.maxPendingUpdates) {
      throw new ProtocolError('too many unsaved updates', CloseCode.tryAgainLater);
    }
    connection.receivedUpdates++;
    const count = connection.receivedUpdates;
    if (!isSatisfied(needs, this.known)) {
      // A copy: the frame may be a view into a larger read from the socket.
      const refused = this.held.hold(connection, {
        update: payload.slice(),
        to: inspected.to,
        count,
        needs,
        types: inspected.types,
      });
      if (refused) throw new ProtocolError(refused.reason, refused.code);
      connection.outstanding.add(count);
      return;
    }
    this.admitTypes(inspected.types);
    this.accept(connection, payload, inspected.to, count);
    this.releaseHeld();
  }

  /** Checks the nesting an update's types reach in the document; a refusal closes the socket (1009). */
  private admitTypes(types: Inspected['types']): void {
    try {
      this.typeDepths.admit(types);
    } catch (error) {
      if (!(error instanceof UpdateRefused)) throw error;
      throw new ProtocolError(error.message, CloseCode.tooBig);
    }
  }

  /** Decodes and checks an update once (see inspectUpdate); a refusal closes the socket. */
  private inspect(update: Uint8Array): Inspected {
    try {
      return inspectUpdate(update, this.updateLimits);
    } catch (error) {
      if (!(error instanceof UpdateRefused)) throw error;
      throw new ProtocolError(error.message, error.overLimit ? CloseCode.tooBig : CloseCode.invalidPayload);
    }
  }

  private accept(connection: Connection, update: Uint8Array, to: KnownClocks, count: number): void {
    connection.pendingUpdates++;
    connection.outstanding.add(count);
    noteClocks(this.known, to);
    this.sizeBytes += update.length;
    this.writer.enqueue({ docId: this.docId, update, origin: connection, ackCount: count });
  }

  /** Queues held updates whose missing content has arrived meanwhile. */
  private releaseHeld(): void {
    this.held.release(
      (needs) => isSatisfied(needs, this.known),
      (connection, held) => {
        connection.outstanding.delete(held.count);
        try {
          this.admitTypes(held.types);
        } catch (error) {
          this.held.drop(connection);
          connection.close(CloseCode.tooBig, (error as Error).message);
          return;
        }
        this.accept(connection, held.update, held.to, held.count);
      },
    );
  }

  private receiveAwareness(connection: Connection, decoder: decoding.Decoder): void {
    connection.presenceRate ??= { tokens: Number.NaN, tokensAt: 0 };
    if (!takeUpdateToken(connection.presenceRate, this.awarenessLimits.rate, performance.now())) return;
    try {
      const update = sanitizeAwarenessUpdate(
        decoding.readVarUint8Array(decoder),
        connection,
        (clientId) => this.isOwnedByOther(clientId, connection),
        this.awarenessLimits,
      );
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
    } catch (error) {
      if (error instanceof AwarenessTooBig) throw new ProtocolError(error.message, CloseCode.tooBig);
      throw new ProtocolError('malformed awareness update');
    }
  }

  private isOwnedByOther(clientId: number, connection: Connection): boolean {
    for (const other of this.connections) {
      if (other !== connection && other.awarenessIds.has(clientId)) return true;
    }
    return false;
  }

  private awarenessFrame(clients: number[]): Uint8Array {
    return frame((encoder) => {
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    });
  }

  /** Closes every socket (shutdown). */
  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason);
  }
}
