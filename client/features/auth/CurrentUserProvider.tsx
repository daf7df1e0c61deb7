import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getMe, type CurrentUser } from '../account/accountApi';
import { ApiError, toApiError, UNAUTHENTICATED_EVENT } from '../../api/request';

/** Who is signed in, as far as the client knows. */
export type CurrentUserState =
  | { status: 'loading' }
  | { status: 'signedIn'; user: CurrentUser }
  | { status: 'signedOut' }
  /** GET /api/me failed for another reason than 401 (server unreachable, 5xx). */
  | { status: 'error'; error: ApiError };

interface CurrentUserValue {
  state: CurrentUserState;
  /** After sign-up, login or a name change: the user the server returned. */
  setUser: (user: CurrentUser) => void;
  /** After logout or account deletion. */
  setSignedOut: () => void;
  /** Asks GET /api/me again (after an error). */
  reload: () => void;
}

const CurrentUserContext = createContext<CurrentUserValue | null>(null);

/**
 * Identity comes from the server's session (GET /api/me), never from local storage: the name and
 * colour others see are set by the server from the session as well.
 */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<CurrentUserState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    getMe().then(
      (user) => !cancelled && setState({ status: 'signedIn', user }),
      (error: unknown) => {
        if (cancelled) return;
        const apiError = toApiError(error);
        setState(apiError.status === 401 ? { status: 'signedOut' } : { status: 'error', error: apiError });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    // Any API call that meets a 401 means the session is gone (logout elsewhere, expiry).
    const onUnauthenticated = () => setState({ status: 'signedOut' });
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  }, []);

  const setUser = useCallback((user: CurrentUser) => setState({ status: 'signedIn', user }), []);
  const setSignedOut = useCallback(() => setState({ status: 'signedOut' }), []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ state, setUser, setSignedOut, reload }),
    [state, setUser, setSignedOut, reload],
  );
  return <CurrentUserContext value={value}>{children}</CurrentUserContext>;
}

/** The current-user state and its setters. */
export function useCurrentUser(): CurrentUserValue {
  const value = useContext(CurrentUserContext);
  if (!value) throw new Error('useCurrentUser() outside <CurrentUserProvider>');
  return value;
}

/** The signed-in user, or null (loading, signed out, error). */
export function useSignedInUser(): CurrentUser | null {
  const { state } = useCurrentUser();
  return state.status === 'signedIn' ? state.user : null;
}
