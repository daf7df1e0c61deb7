import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { FROM_ANOTHER_INSTANCE, type Room } from '../collab/room';

/**
 * The people other instances' sockets show in one room, by instance: their presence is applied to
 * the room's awareness (so this instance's sockets see it), and when an instance goes away its
 * people's carets are removed at once instead of after y-protocols' 30 s timeout.
 */
export class RemotePresence {
  private readonly byInstance = new Map<string, Set<number>>();

  constructor(private readonly room: Room) {}

  /** Applies a presence update another instance announced. Throws on one that does not decode. */
  apply(instance: string, update: Uint8Array): void {
    const entries = presenceEntries(update);
    const ids = this.byInstance.get(instance) ?? new Set<number>();
    for (const { clientId, present } of entries) {
      if (present) ids.add(clientId);
      else ids.delete(clientId);
    }
    if (ids.size > 0) this.byInstance.set(instance, ids);
    else this.byInstance.delete(instance);
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, FROM_ANOTHER_INSTANCE);
  }

  /** The instances whose people are shown here. */
  instances(): Iterable<string> {
    return this.byInstance.keys();
  }

  /** Removes the people of an instance that went away. */
  drop(instance: string): void {
    const ids = this.byInstance.get(instance);
    if (!ids) return;
    this.byInstance.delete(instance);
    awarenessProtocol.removeAwarenessStates(this.room.awareness, [...ids], FROM_ANOTHER_INSTANCE);
  }

  /** The presence of this instance's own sockets, encoded; undefined when none has any. */
  local(): Uint8Array | undefined {
    const states = this.room.awareness.getStates();
    const ids: number[] = [];
    for (const connection of this.room.connections) {
      for (const id of connection.awarenessIds) if (states.has(id)) ids.push(id);
    }
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids) : undefined;
  }
}

/** The clients an awareness update speaks of, and whether each is present (state not null). */
function presenceEntries(update: Uint8Array): Array<{ clientId: number; present: boolean }> {
  const decoder = decoding.createDecoder(update);
  const entries: Array<{ clientId: number; present: boolean }> = [];
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    entries.push({ clientId, present: decoding.readVarString(decoder) !== 'null' });
  }
  return entries;
}
