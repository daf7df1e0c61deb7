import { useEffect, useState } from 'react';
import { openCollabSession, type CollabSession, type SessionUser } from './session';

/**
 * Opens the document `docId` for as long as the calling component is mounted and tears it down
 * afterwards. A new `generation` closes the session and opens a fresh one (after its offline copy
 * was discarded). `user` is read when the session opens.
 */
export function useCollabSession(docId: string, user: SessionUser, generation = 0): CollabSession | null {
  const [session, setSession] = useState<{ generation: number; value: CollabSession } | null>(null);
  const [initialUser] = useState(user);

  useEffect(() => {
    const opened = openCollabSession(docId, initialUser);
    // Opening a session is the external system this effect synchronises with (sockets,
    // IndexedDB); its handle has to reach render, and doing that is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession({ generation, value: opened });
    return () => {
      opened.destroy();
      setSession((current) => (current?.value === opened ? null : current));
    };
  }, [docId, initialUser, generation]);

  return session?.generation === generation && session.value.docId === docId ? session.value : null;
}
