import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from './request';

/** The result of loading something: still busy, done, or failed with an ApiError. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

/** A loaded resource and ways to refresh or replace it. */
export interface LoadableResource<T> {
  state: Loadable<T>;
  /** Fetches again; the current data stays on screen until the new data arrives. */
  reload: () => void;
  /** Replaces the data with what a write returned, without fetching. */
  replace: (data: T) => void;
}

/**
 * Loads `load(key)` and loads again when `key` changes. `load` must be a stable (module-level)
 * function; the key is what identifies the resource (a team id, '' for "mine"). A changed
 * `version` refetches quietly (the current data stays): bump it after a write that affects this.
 */
export function useLoadable<T>(
  key: string,
  load: (key: string) => Promise<T>,
  version = 0,
): LoadableResource<T> {
  const [state, setState] = useState<{ key: string; value: Loadable<T> }>({
    key,
    value: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load(key).then(
      (data) => !cancelled && setState({ key, value: { status: 'ready', data } }),
      (error: unknown) => {
        if (cancelled) return;
        // A failed refresh keeps the data that is already shown; only a first load shows the error.
        setState((current) =>
          current.key === key && current.value.status === 'ready'
            ? current
            : { key, value: { status: 'error', error: toApiError(error) } },
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, load, attempt, version]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ key, value: { status: 'ready', data } }), [key]);

  // A result for a previous key is stale the moment the key changes.
  return { state: state.key === key ? state.value : { status: 'loading' }, reload, replace };
}
