import { useEffect, useState } from 'react';
import type { UserIdentity } from './identity';
import { openCollabSession, type CollabSession } from './session';

/**
 * Opens the document `docId` for as long as the calling component is mounted (or `docId` is
 * null) and tears it down afterwards. `user` is read when the session opens; keep awareness up to
 * date with `useAwarenessUser`.
 */
export function useCollabSession(docId: string | null, user: UserIdentity): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [initialUser] = useState(user);

  useEffect(() => {
    if (docId === null) return;
    const opened = openCollabSession(docId, initialUser);
    // Opening a session is the external system this effect synchronises with (sockets,
    // IndexedDB); its handle has to reach render, and doing that is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(opened);
    return () => {
      opened.destroy();
      setSession((current) => (current === opened ? null : current));
    };
  }, [docId, initialUser]);

  return session?.docId === docId ? session : null;
}
