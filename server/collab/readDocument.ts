import type * as Y from 'yjs';
import type { AppDeps } from '../deps';
import { loadDoc } from './loadDoc';

/**
 * Runs `read` on the committed state of a document: the live room's doc when it is loaded (it holds
 * exactly the committed updates), otherwise a copy loaded from storage and destroyed afterwards.
 */
export async function readDocument<T>(
  deps: Pick<AppDeps, 'rooms' | 'stores'>,
  docId: string,
  read: (doc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  const room = deps.rooms.peek(docId);
  if (room) return read(room.doc);
  const { doc } = await loadDoc(deps.stores.docStorage, docId);
  try {
    return await read(doc);
  } finally {
    doc.destroy();
  }
}
