import type { ReactNode } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingPage, UnavailablePage } from '../../app/StatusPages';
import type { ApiError } from '../../api/request';
import type { Loadable } from '../../api/useLoadable';
import { NotFoundScene } from '../../app/NotFoundScene';

/**
 * The loading and error states of a rounds page: "loading…", the not-found page for a 404 or 400,
 * a notice for any other error, and otherwise the page itself (`children(data)`).
 */
export function RoundLoadGate<T>({
  state,
  title,
  loadingText,
  loadingTestId,
  errorTitle = title,
  unavailableTestId,
  notFound,
  children,
}: {
  state: Loadable<T>;
  /** The page title while loading, and of the error notice unless `errorTitle` is given. */
  title: string;
  loadingText?: string;
  loadingTestId?: string;
  errorTitle?: string;
  unavailableTestId: string;
  notFound: 'document' | 'page';
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') {
    return <LoadingPage title={title} text={loadingText} testId={loadingTestId} />;
  }
  if (state.status === 'error') {
    const error: ApiError = state.error;
    if (error.status === 404 || error.status === 400) return <NotFoundScene kind={notFound} />;
    return (
      <UnavailablePage title={errorTitle} testId={unavailableTestId}>
        <ErrorMessage error={error} />
      </UnavailablePage>
    );
  }
  return <>{children(state.data)}</>;
}
