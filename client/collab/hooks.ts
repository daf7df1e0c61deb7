import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { META_MAP, SECTIONS_ARRAY } from '../../shared/editor/fields';
import { readableUserColor } from './colors';
import type { ConnectionEnd } from './ConnectionEndTracker';
import type { SaveState } from './SaveTracker';
import type { AwarenessUser, CollabSession } from './session';

/** connecting / saved / saving / offline for the open document. */
export function useSaveState(session: CollabSession): SaveState {
  return useSyncExternalStore(session.saveTracker.subscribe, session.saveTracker.getSnapshot);
}

/** Why the connection ended for good (4401 / 4403), or null. */
export function useConnectionEnd(session: CollabSession): ConnectionEnd | null {
  return useSyncExternalStore(session.endTracker.subscribe, session.endTracker.getSnapshot);
}

/** Publishes the local user as the awareness `user` field (presence bar, caret labels). */
export function publishAwarenessUser(session: CollabSession, user: AwarenessUser): void {
  session.provider.awareness.setLocalStateField('user', { name: user.name, color: user.color });
}

/** Keeps the awareness `user` field equal to the local user. */
export function useAwarenessUser(session: CollabSession, user: AwarenessUser): void {
  useEffect(() => {
    publishAwarenessUser(session, { name: user.name, color: user.color });
  }, [session, user.name, user.color]);
}

/** One person in the document, as their awareness state describes them. */
export interface PresentUser {
  clientId: number;
  name: string | null;
  color: string;
  isSelf: boolean;
}

function readPresence(session: CollabSession): PresentUser[] {
  const selfId = session.ydoc.clientID;
  const users: PresentUser[] = [];
  session.provider.awareness.getStates().forEach((state, clientId) => {
    const user: unknown = state['user'];
    const name =
      typeof user === 'object' && user !== null && typeof (user as { name?: unknown }).name === 'string'
        ? (user as { name: string }).name.trim() || null
        : null;
    const color = typeof user === 'object' && user !== null ? (user as { color?: unknown }).color : undefined;
    users.push({ clientId, name, color: readableUserColor(color), isSelf: clientId === selfId });
  });
  // Yourself first, then the others in a stable order.
  return users.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.clientId - b.clientId);
}

function samePresence(a: PresentUser[], b: PresentUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((user, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        user.clientId === other.clientId &&
        user.name === other.name &&
        user.color === other.color
      );
    })
  );
}

/** Everyone whose awareness state is known, including yourself. */
export function usePresence(session: CollabSession): PresentUser[] {
  const [users, setUsers] = useState(() => readPresence(session));
  useEffect(() => {
    const awareness = session.provider.awareness;
    // 'change' fires for real changes only (not for the 15 s keep-alive renewals); cursor moves
    // are changes too, so skip renders when names and colours stayed the same.
    const onChange = () =>
      setUsers((previous) => {
        const next = readPresence(session);
        return samePresence(previous, next) ? previous : next;
      });
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [session]);
  return users;
}

/** A section of the document as the Y.Doc lists it. */
export interface Section {
  id: string;
  heading: string;
}

function readSections(sections: Y.Array<unknown>): Section[] {
  const seen = new Set<string>();
  const result: Section[] = [];
  for (const item of sections.toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const id: unknown = item.get('id');
    const heading: unknown = item.get('heading');
    // Ids key the editors; a duplicate would bind two editors to one fragment, so show it once.
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
    seen.add(id);
    result.push({ id, heading: typeof heading === 'string' ? heading : '' });
  }
  return result;
}

/** The sections, in order, following collaborative changes. */
export function useSections(session: CollabSession): Section[] {
  const [sections, setSections] = useState(() => readSections(session.ydoc.getArray(SECTIONS_ARRAY)));
  useEffect(() => {
    const array = session.ydoc.getArray<unknown>(SECTIONS_ARRAY);
    const onChange = () => setSections(readSections(array));
    onChange();
    array.observeDeep(onChange);
    return () => array.unobserveDeep(onChange);
  }, [session]);
  return sections;
}

function readTitle(meta: Y.Map<unknown>): string {
  const title: unknown = meta.get('title');
  return typeof title === 'string' ? title : '';
}

/** The collaborative title and a setter that writes it into the Y.Doc. */
export function useDocumentTitle(session: CollabSession): [string, (title: string) => void] {
  const [title, setTitleState] = useState(() => readTitle(session.ydoc.getMap(META_MAP)));
  useEffect(() => {
    const meta = session.ydoc.getMap<unknown>(META_MAP);
    const onChange = () => setTitleState(readTitle(meta));
    onChange();
    meta.observe(onChange);
    return () => meta.unobserve(onChange);
  }, [session]);
  const setTitle = (next: string) => {
    const meta = session.ydoc.getMap<unknown>(META_MAP);
    if (meta.get('title') !== next) meta.set('title', next);
  };
  return [title, setTitle];
}

/**
 * True once the document content is known: the server has synced it, or IndexedDB held a copy
 * with sections (an empty local copy on a first visit says nothing, so keep waiting for the server).
 */
export function useDocumentReady(session: CollabSession, hasSections: boolean): boolean {
  const { serverSynced, localLoaded } = useSyncExternalStore(
    session.loadTracker.subscribe,
    session.loadTracker.getSnapshot,
  );
  return serverSynced || (localLoaded && hasSections);
}
