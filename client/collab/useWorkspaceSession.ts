import { useCallback, useEffect, useState } from 'react';
import type { CollabSession, SessionUser } from './session';
import { useCollabSession } from './useCollabSession';

/**
 * The session of an open editor page, plus `discard`: throw the offline copy away and reopen from
 * the server (local changes the server will never accept, after edit access was withdrawn).
 * `session` is null while opening and while discarding; render the document only when it is set,
 * so the document (and its editors) unmount before the copy is deleted.
 */
export function useWorkspaceSession(
  docId: string,
  user: SessionUser,
): { session: CollabSession | null; discard: () => void } {
  const [generation, setGeneration] = useState(0);
  const [discarding, setDiscarding] = useState(false);
  const session = useCollabSession(docId, user, generation);

  // Discarding runs after the document (and its editors) unmounted, then a fresh session opens.
  useEffect(() => {
    if (!discarding || !session) return;
    session
      .discardLocalCopy()
      .catch((error: unknown) => console.warn('could not delete the offline copy', error))
      .then(() => {
        setGeneration((n) => n + 1);
        setDiscarding(false);
      });
  }, [discarding, session]);
  const discard = useCallback(() => setDiscarding(true), []);

  return { session: discarding ? null : session, discard };
}
