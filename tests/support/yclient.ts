import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  DURABLE_PARAM,
  isDocumentUpdateFrame,
  MessageType,
  SyncMessageType,
} from '../../shared/collab/messages';
import type { TemplateKind, Sector } from '../../shared/domain/template/types';
import { META_MAP, SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';
import { DESIGN_KEYS } from '../../shared/editor/designDoc';
import {
  buildOutcomeMap,
  buildTemplateSection,
  buildTheme,
  moveItem,
  nextOrder,
  TEMPLATE_KEYS,
  orderedItems,
  setText,
} from '../../shared/editor/templateDoc';
import { syncStep1Frame } from './rawclient';

/** Polls `condition` every few ms; rejects with `message` (and the last state) after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  message: string | (() => string),
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms: ${typeof message === 'function' ? message() : message}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves after the current event-loop turn (lets sockets and group commits run). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** The Yjs update carried by a document-update frame (`[0, 1|2, varUint8Array update]`). */
export function updateOfFrame(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/**
 * A `ws` socket that counts its document-update frames the way the browser client does
 * (client/collab/CountingWebSocket.ts) and remembers each frame's update, so a test can say
 * exactly which updates a durable-ack covers. Every reconnect makes a new socket: counters
 * restart at 0, like the server's.
 */
export class CountingWebSocket extends WebSocket {
  /** The Yjs update of every document-update frame sent on this socket, in order. */
  readonly sentUpdates: Uint8Array[] = [];
  /** Highest durable-ack received on this socket. */
  ackedUpdates = 0;
  /** Every durable-ack value received, in order. */
  readonly acks: number[] = [];
  /** Message type (first varUint) of every frame received. */
  readonly receivedTypes: number[] = [];
  /** Sync step 2 frames received (the server sends one only in answer to a step 1). */
  receivedStep2 = 0;
  /** Close code, once closed. */
  closeCode: number | null = null;
  /** Called after each ack (tests check storage at that exact moment). */
  onAck: ((count: number) => void) | null = null;

  constructor(url: string | URL, protocols?: string | string[], options?: WebSocket.ClientOptions) {
    super(url, protocols, options);
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : asBytes(data);
      if (bytes && bytes.length > 0) {
        this.receivedTypes.push(decoding.readVarUint(decoding.createDecoder(bytes)));
        if (bytes[0] === MessageType.sync && bytes[1] === SyncMessageType.step2) this.receivedStep2++;
      }
    });
    this.on('close', (code: number) => (this.closeCode = code));
  }

  override send(data: unknown, ...rest: unknown[]): void {
    const frame = asBytes(data);
    // Record before sending: the ack may come back before send() returns control to us.
    if (frame && isDocumentUpdateFrame(frame)) this.sentUpdates.push(updateOfFrame(frame).slice());
    (super.send as (...args: unknown[]) => void)(data, ...rest);
  }

  /** Records a durable-ack for the first `count` document-update frames. */
  acknowledge(count: number): void {
    this.acks.push(count);
    if (count > this.ackedUpdates) this.ackedUpdates = count;
    this.onAck?.(count);
  }
}

/**
 * Resolves once the server has handled every frame sent on `socket` before this call, or once the
 * socket has closed (then nothing more will arrive on it either). The server handles one socket's
 * frames in order and answers a sync step 1 with a step 2, so that answer is the marker — no
 * sleeping. (The provider applies the answer: it only holds what it already has.)
 */
export async function roundTrip(socket: CountingWebSocket, timeoutMs = 10_000): Promise<void> {
  const before = socket.receivedStep2;
  if (socket.readyState === socket.OPEN) socket.send(syncStep1Frame());
  await waitFor(
    () => socket.receivedStep2 > before || socket.closeCode !== null,
    'no answer to sync step 1',
    timeoutMs,
  );
}

/** A y-websocket provider in Node with its doc and counting socket. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves on the first sync with the server (our step 1 answered). */
  synced: Promise<void>;
  /** Every socket this provider opened, oldest first. */
  sockets: CountingWebSocket[];
  /** The current (newest) socket. */
  readonly socket: CountingWebSocket;
  /**
   * Set when the server closed the connection for good (44xx: y-websocket emits `closed` and stops
   * reconnecting); null while the provider would still reconnect.
   */
  readonly permanentClose: { code: number; reason: string } | null;
  /** Stops reconnecting and closes the socket. */
  destroy(): void;
}

/** Options of connectClient. */
export interface ConnectOptions {
  /** Ask for durable-acks (`?durable=1`). */
  durable?: boolean;
  /** Fixed Yjs client id (deterministic tests). */
  clientID?: number;
  /** Use this doc instead of a new one. */
  doc?: Y.Doc;
  /** Cookie header sent with every upgrade (the session: `user.cookie`). */
  cookie?: string;
  /** Origin header sent with every upgrade (browsers always send one). */
  origin?: string;
}

/**
 * Connects the real y-websocket client to `wsUrl/docId` through `ws`, with BroadcastChannel off
 * and Werkplaats' durable-ack handler installed (it is installed for plain clients too, so a test
 * can assert that they never receive type 4).
 */
export function connectClient(wsUrl: string, docId: string, options: ConnectOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  if (options.clientID !== undefined) doc.clientID = options.clientID;
  const sockets: CountingWebSocket[] = [];
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  // y-websocket constructs its socket as `new WebSocketPolyfill(url, protocols)`; a browser sends
  // the session cookie by itself, `ws` needs it passed as a header.
  class TrackedSocket extends CountingWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
      sockets.push(this);
    }
  }
  const provider = new WebsocketProvider(wsUrl, docId, doc, {
    WebSocketPolyfill: TrackedSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.durable ? { [DURABLE_PARAM]: '1' } : {},
    maxBackoffTime: 500,
  });
  provider.messageHandlers[MessageType.durable] = (_encoder, decoder, receiver) => {
    const count = decoding.readVarUint(decoder);
    // onmessage only runs for the provider's current socket, so the ack belongs to `receiver.ws`.
    if (receiver.ws instanceof CountingWebSocket) receiver.ws.acknowledge(count);
  };
  const synced = new Promise<void>((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer = setTimeout(() => reject(new Error(`client for ${docId} did not sync within 10 s`)), 10_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  // A test that never awaits `synced` must not produce an unhandled rejection.
  synced.catch(() => undefined);
  let permanentClose: { code: number; reason: string } | null = null;
  provider.on('closed', (event) => (permanentClose = { code: event.code, reason: event.reason }));
  return {
    doc,
    provider,
    synced,
    sockets,
    get socket() {
      const socket = sockets[sockets.length - 1];
      if (!socket) throw new Error('provider has not opened a socket yet');
      return socket;
    },
    get permanentClose() {
      return permanentClose;
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Connects and waits for the first sync. */
export async function connectSynced(
  wsUrl: string,
  docId: string,
  options: ConnectOptions = {},
): Promise<TestClient> {
  const client = connectClient(wsUrl, docId, options);
  await client.synced;
  return client;
}

/** Waits until the client's current socket has every document-update frame it sent acknowledged. */
export async function waitForAllAcked(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () =>
      client.socket.sentUpdates.length > 0 && client.socket.ackedUpdates === client.socket.sentUpdates.length,
    () => `acks: ${client.socket.ackedUpdates} of ${client.socket.sentUpdates.length} update frames`,
    timeoutMs,
  );
}

/** The section ids of a document, in order. */
export function sectionIds(doc: Y.Doc): string[] {
  return doc
    .getArray<Y.Map<string>>(SECTIONS_ARRAY)
    .toArray()
    .map((section) => String(section.get('id')));
}

/** The rich-text fragment of one section. */
export function sectionFragment(doc: Y.Doc, sectionId: string): Y.XmlFragment {
  return doc.getXmlFragment(sectionFragmentName(sectionId));
}

/** The XML text of one section (e.g. `<paragraph>Hallo</paragraph>`). */
export function sectionText(doc: Y.Doc, sectionId: string): string {
  return sectionFragment(doc, sectionId).toString();
}

/**
 * A comparable picture of a document: meta, sections and every section's XML, plus the extra
 * Y.Text names given (as deltas, so formatting counts). Built from `Y.encodeStateAsUpdate` into a
 * fresh doc, so it shows what the doc would send, not local caches.
 */
export function docContent(doc: Y.Doc, texts: string[] = []): Record<string, unknown> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const content: Record<string, unknown> = {
    meta: copy.getMap(META_MAP).toJSON(),
    sections: copy.getArray(SECTIONS_ARRAY).toJSON(),
  };
  for (const id of sectionIds(copy)) content[sectionFragmentName(id)] = sectionText(copy, id);
  for (const name of texts) content[`text:${name}`] = copy.getText(name).toDelta();
  copy.destroy();
  return content;
}

/** The state vector as a plain object (client → clock) for readable comparisons. */
export function stateVector(doc: Y.Doc): Record<string, number> {
  return Object.fromEntries(
    [...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([k, v]) => [String(k), v]),
  );
}

/** Deterministic PRNG (mulberry32) so random edits are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- Ontwikkelpad drafts: edits made the way the template editor makes them ----------------------

/** Fields of a leeruitkomst as the helpers take them. */
export interface OutcomeFields {
  id: string;
  code: string;
  title: string;
  description: string;
}

/** The themes array of an ontwikkelpad draft. */
export function draftThemes(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.themes);
}

/** The theme ids of a draft, in display order. */
export function draftThemeIds(doc: Y.Doc): string[] {
  return orderedItems(draftThemes(doc)).map((theme) => String(theme.get('id')));
}

/** Position of a theme in the underlying array (not its display position). */
function themeIndex(doc: Y.Doc, themeId: string): number {
  const index = draftThemes(doc)
    .toArray()
    .findIndex((theme) => theme.get('id') === themeId);
  if (index < 0) throw new Error(`no theme ${themeId} in the draft`);
  return index;
}

/** The outcome-id list of one theme. */
export function themeOutcomeIds(doc: Y.Doc, themeId: string): Y.Array<string> {
  return draftThemes(doc).get(themeIndex(doc, themeId)).get('outcomeIds') as Y.Array<string>;
}

/** The Y.Map of one outcome. */
export function draftOutcome(doc: Y.Doc, outcomeId: string): Y.Map<unknown> {
  const outcome = doc.getMap<Y.Map<unknown>>(TEMPLATE_KEYS.outcomes).get(outcomeId);
  if (!outcome) throw new Error(`no outcome ${outcomeId} in the draft`);
  return outcome;
}

/** Adds a theme (at the end, or at `index`) with the given outcomes. */
export function addDraftTheme(
  doc: Y.Doc,
  themeId: string,
  title: string,
  outcomes: OutcomeFields[] = [],
  index?: number,
): void {
  doc.transact(() => {
    const themes = draftThemes(doc);
    themes.push([
      buildTheme(
        themeId,
        title,
        outcomes.map((outcome) => outcome.id),
        nextOrder(themes),
      ),
    ]);
    if (index !== undefined) moveItem(themes, themeId, index);
    const map = doc.getMap<Y.Map<unknown>>(TEMPLATE_KEYS.outcomes);
    for (const outcome of outcomes) {
      map.set(outcome.id, buildOutcomeMap(outcome.id, outcome.code, outcome.title, outcome.description));
    }
  });
}

/** Removes every theme (a test starts from a known structure). */
export function clearDraftThemes(doc: Y.Doc): void {
  const themes = draftThemes(doc);
  themes.delete(0, themes.length);
}

/** Adds an outcome to a theme (at the end, or at `index`). */
export function addDraftOutcome(doc: Y.Doc, themeId: string, outcome: OutcomeFields, index?: number): void {
  doc.transact(() => {
    doc
      .getMap<Y.Map<unknown>>(TEMPLATE_KEYS.outcomes)
      .set(outcome.id, buildOutcomeMap(outcome.id, outcome.code, outcome.title, outcome.description));
    const ids = themeOutcomeIds(doc, themeId);
    ids.insert(index ?? ids.length, [outcome.id]);
  });
}

/** Removes an outcome from its theme(s) and from the outcomes map. */
export function removeDraftOutcome(doc: Y.Doc, outcomeId: string): void {
  doc.transact(() => {
    for (const theme of draftThemes(doc).toArray()) {
      const ids = theme.get('outcomeIds') as Y.Array<string>;
      for (let index = ids.length - 1; index >= 0; index--)
        if (ids.get(index) === outcomeId) ids.delete(index);
    }
    doc.getMap(TEMPLATE_KEYS.outcomes).delete(outcomeId);
  });
}

/** Moves an outcome to `index` of a theme (the same or another): remove its id, insert it again. */
export function moveDraftOutcome(doc: Y.Doc, outcomeId: string, toThemeId: string, index: number): void {
  doc.transact(() => {
    for (const theme of draftThemes(doc).toArray()) {
      const ids = theme.get('outcomeIds') as Y.Array<string>;
      const at = ids.toArray().indexOf(outcomeId);
      if (at >= 0) ids.delete(at);
    }
    themeOutcomeIds(doc, toThemeId).insert(index, [outcomeId]);
  });
}

/**
 * Moves a theme to `index`. Yjs has no move and a deleted Y.Map cannot be inserted again, so the
 * only way the draft's layout allows is: delete the theme, insert a copy (same id, title and
 * outcome ids) at the new place.
 */
export function moveDraftTheme(doc: Y.Doc, themeId: string, index: number): void {
  // The app's move: only the theme's `order` changes, the map (and what others add to it) stays.
  doc.transact(() => moveItem(draftThemes(doc), themeId, index));
}

/** Changes an outcome's fields: title and description as minimal text edits, the code as a value. */
export function editDraftOutcome(
  doc: Y.Doc,
  outcomeId: string,
  fields: Partial<Omit<OutcomeFields, 'id'>>,
): void {
  doc.transact(() => {
    const outcome = draftOutcome(doc, outcomeId);
    if (fields.code !== undefined) outcome.set('code', fields.code);
    if (fields.title !== undefined) setText(outcome.get('title') as Y.Text, fields.title);
    if (fields.description !== undefined) setText(outcome.get('description') as Y.Text, fields.description);
  });
}

/** Sets the draft's metadata and sectors (only the fields given). */
export function setDraftMeta(
  doc: Y.Doc,
  fields: {
    title?: string;
    kind?: TemplateKind;
    specialisation?: string;
    nlqfLevel?: number | null;
    sectors?: Sector[];
  },
): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_MAP);
    if (fields.title !== undefined) meta.set('title', fields.title);
    if (fields.kind !== undefined) meta.set('kind', fields.kind);
    if (fields.specialisation !== undefined) meta.set('specialisation', fields.specialisation);
    if (fields.nlqfLevel !== undefined) meta.set('nlqfLevel', fields.nlqfLevel);
    if (fields.sectors !== undefined) {
      const sectors = doc.getMap<boolean>(TEMPLATE_KEYS.sectors);
      for (const sector of [...sectors.keys()]) sectors.delete(sector);
      for (const sector of fields.sectors) sectors.set(sector, true);
    }
  });
}

/**
 * Opens a durable provider on a draft as `user`, applies `edit` and resolves once the server has
 * committed it (so the publish preview, which reads committed state, sees it); then disconnects.
 */
export async function editDraft(
  wsUrl: string,
  docId: string,
  user: { cookie: string },
  edit: (doc: Y.Doc) => void,
): Promise<void> {
  const client = await connectSynced(wsUrl, docId, { cookie: user.cookie, durable: true });
  try {
    edit(client.doc);
    await waitForAllAcked(client);
  } finally {
    client.destroy();
  }
}

/** A template section as the helpers take it. */
export interface TemplateSectionFields {
  id: string;
  heading: string;
  guidance: string;
}

/** Replaces the template sections of an ontwikkelpad draft (in this order). */
export function setDraftSections(doc: Y.Doc, sections: TemplateSectionFields[]): void {
  doc.transact(() => {
    const array = doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.templateSections);
    array.delete(0, array.length);
    array.push(
      sections.map((section, index) =>
        buildTemplateSection(section.id, section.heading, section.guidance, index),
      ),
    );
  });
}

// --- Leerarrangement designs: edits made the way the design editor makes them -------------------

/** Scalar fields of a design's meta map (only the ones given are set). */
export interface DesignMetaFields {
  title?: string;
  nlqfLevel?: number | null;
  ects?: number | null;
  mode?: string | null;
  placementType?: 'verticaal' | 'horizontaal' | null;
  position?: number | null;
  learningForm?: string | null;
}

/** Sets scalar meta fields of a design. */
export function setDesignMeta(doc: Y.Doc, fields: DesignMetaFields): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_MAP);
    for (const [key, value] of Object.entries(fields)) meta.set(key, value);
  });
}

/** Targets (or un-targets) a leeruitkomst by id. */
export function toggleOutcome(doc: Y.Doc, outcomeId: string, on: boolean): void {
  const targeted = doc.getMap<boolean>(DESIGN_KEYS.targetedOutcomes);
  if (on) targeted.set(outcomeId, true);
  else targeted.delete(outcomeId);
}

/** The Y.Map of one activity. */
export function designActivity(doc: Y.Doc, activityId: string): Y.Map<unknown> {
  const activity = doc
    .getArray<Y.Map<unknown>>(DESIGN_KEYS.activities)
    .toArray()
    .find((candidate) => candidate.get('id') === activityId);
  if (!activity) throw new Error(`no activity ${activityId} in the design`);
  return activity;
}

/** Replaces the whole text of a free-text field of a design (evcApproach, trajectRelation). */
export function setDesignText(doc: Y.Doc, name: 'evcApproach' | 'trajectRelation', value: string): void {
  setText(doc.getText(name), value);
}
