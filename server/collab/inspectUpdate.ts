import * as Y from 'yjs';
import { MAX_RICH_TEXT_DEPTH } from '../../shared/editor/xmlTree';
import type { KnownClocks, Requirements } from './dependencies';

/** Limits checked while an update is inspected (see UpdateLimits). */
export interface InspectionLimits {
  /** Structs (insertions, runs of text, tombstones) in one update. */
  maxStructs: number;
}

/**
 * Nested shared types (elements, texts, arrays, maps) one update may create under one root type:
 * the editor's MAX_RICH_TEXT_DEPTH element levels plus the text node at the bottom and one spare.
 */
export const MAX_TYPE_DEPTH = MAX_RICH_TEXT_DEPTH + 2;

/** A shared type an update creates, placed under `anchor` (an item outside the update) or a root. */
export interface CreatedType {
  client: number;
  clock: number;
  /** Levels below the anchor (or from the root when there is none); 1 directly under it. */
  depth: number;
  anchor: Y.ID | null;
}

/** What inspectUpdate learned about a well-formed update within the limits. */
export interface Inspected {
  /** Content it builds on but does not carry (see Room: applied only once present). */
  needs: Requirements;
  /** Per client, the clock after its last struct (what accepting it adds to the known clocks). */
  to: KnownClocks;
  /** Structs it carries (0: it only deletes). */
  structs: number;
  /** Shared types it creates, for the document's depth limit (TypeDepths); undefined: none. */
  types?: CreatedType[];
}

/** Why an update was refused: the message, and whether a limit (not malformed bytes) was passed. */
export class UpdateRefused extends Error {
  constructor(
    message: string,
    readonly overLimit: boolean,
  ) {
    super(message);
  }
}

/**
 * Decodes `update` once (apply decodes it again: Yjs has no way to apply decoded structs) and
 * checks everything the server refuses before applying: malformed bytes or empty deletion ranges
 * (applyUpdate would throw half-way), a hole (a Skip struct, which no later content can fill),
 * more structs than `limits.maxStructs`, and shared types nested deeper than MAX_TYPE_DEPTH
 * within the update (a 30,000-level list broke every recursive walk). Returns what the update
 * needs and adds.
 *
 * Requirements: the start of each client's run, every origin and parent item it does not carry
 * itself, every deleted range beyond its own runs. Yjs would keep an update missing them as
 * "pending" and re-examine that pile on every later update (fuzzing: ~12 ms per update after
 * 3,000 such updates), so the server applies an update only once they are met.
 */
export function inspectUpdate(update: Uint8Array, limits: InspectionLimits): Inspected {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new UpdateRefused('malformed document update', false);
  }
  const { structs, ds } = decoded;
  if (structs.length > limits.maxStructs) {
    throw new UpdateRefused(`${structs.length} structs in one update`, true);
  }
  const from: KnownClocks = new Map();
  const to: KnownClocks = new Map();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (!from.has(client)) from.set(client, clock);
    to.set(client, clock + struct.length);
  }
  const needs: Requirements = new Map();
  const need = (client: number, clock: number) => {
    if (clock > (needs.get(client) ?? 0)) needs.set(client, clock);
  };
  const carries = (client: number, clock: number) => {
    const start = from.get(client);
    return start !== undefined && clock >= start && clock < to.get(client)!;
  };
  const needItem = (id: Y.ID | null) => {
    if (id && !carries(id.client, id.clock)) need(id.client, id.clock + 1);
  };
  for (const [client, start] of from) need(client, start);
  // Each shared type this update creates, by client and clock (types are 1 long).
  let created: Map<number, Map<number, CreatedType>> | undefined;
  let types: CreatedType[] | undefined;
  for (const struct of structs) {
    if (struct instanceof Y.GC) continue;
    if (!(struct instanceof Y.Item)) throw new UpdateRefused('update with a hole in it', false);
    needItem(struct.origin);
    needItem(struct.rightOrigin);
    const parent = struct.parent as unknown;
    if (parent instanceof Y.ID) needItem(parent);
    if (struct.content instanceof Y.ContentType) {
      // Nesting is measured within the update here, and against the document by TypeDepths.
      const inUpdate = parent instanceof Y.ID ? created?.get(parent.client)?.get(parent.clock) : undefined;
      const type: CreatedType = {
        client: struct.id.client,
        clock: struct.id.clock,
        depth: (inUpdate?.depth ?? 0) + 1,
        anchor: inUpdate ? inUpdate.anchor : parent instanceof Y.ID ? parent : null,
      };
      if (type.depth > MAX_TYPE_DEPTH)
        throw new UpdateRefused(`types nested over ${MAX_TYPE_DEPTH} levels`, true);
      created ??= new Map();
      let ofClient = created.get(type.client);
      if (!ofClient) created.set(type.client, (ofClient = new Map()));
      ofClient.set(type.clock, type);
      (types ??= []).push(type);
    }
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      if (!(len > 0)) throw new UpdateRefused('empty deletion range', false);
      const end = clock + len;
      // Up to its own run's end the update carries what it deletes (its start is required above).
      if (!from.has(client) || end > to.get(client)!) need(client, end);
    }
  }
  return { needs, to, structs: structs.length, types };
}
