import { useState, type FormEvent } from 'react';
import { navigate } from '../app/router';
import { toApiError, type ApiError } from './request';

/**
 * The submit of a form that creates something and opens it: `create` makes it and answers the
 * path to open. Busy while it runs (and still while the new page opens); a failure shows the
 * server's error and lets the user try again. A second submit while busy does nothing.
 */
export function useCreateAndOpen(create: () => Promise<string>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      navigate(await create());
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };
  return { busy, error, onSubmit };
}
