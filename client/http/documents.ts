import { useCallback, useEffect, useState } from 'react';
import type { CreateDocumentBody, DocumentSummary } from '../../shared/schemas/documents';
import { ApiError, requestJson } from './request';

/** The result of loading something: still busy, done, or failed with an ApiError. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', '');
}

/** GET /api/documents — newest first. */
export function listDocuments(): Promise<DocumentSummary[]> {
  return requestJson<DocumentSummary[]>('/api/documents');
}

/** GET /api/documents/:id. */
export function getDocument(id: string): Promise<DocumentSummary> {
  return requestJson<DocumentSummary>(`/api/documents/${encodeURIComponent(id)}`);
}

/** POST /api/documents; resolves with the new document's id. */
export function createDocument(body: CreateDocumentBody): Promise<{ id: string; docId: string }> {
  return requestJson<{ id: string; docId: string }>('/api/documents', { method: 'POST', body });
}

/** Loads the document list; `reload()` fetches it again. */
export function useDocumentList(): { list: Loadable<DocumentSummary[]>; reload: () => void } {
  const [list, setList] = useState<Loadable<DocumentSummary[]>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    listDocuments().then(
      (data) => !cancelled && setList({ status: 'ready', data }),
      (error: unknown) => !cancelled && setList({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setList({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { list, reload };
}

/** Loads one document's metadata. */
export function useDocumentSummary(id: string): Loadable<DocumentSummary> {
  const [state, setState] = useState<{ id: string; value: Loadable<DocumentSummary> }>({
    id,
    value: { status: 'loading' },
  });

  useEffect(() => {
    let cancelled = false;
    getDocument(id).then(
      (data) => !cancelled && setState({ id, value: { status: 'ready', data } }),
      (error: unknown) =>
        !cancelled && setState({ id, value: { status: 'error', error: toApiError(error) } }),
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  // A result for a previous id is stale the moment the id changes.
  return state.id === id ? state.value : { status: 'loading' };
}
