import type { ReactNode } from 'react';
import type { Loadable } from '../api/useLoadable';
import { useT } from '../i18n/I18nProvider';
import { Link } from './Link';
import { ErrorMessage } from '../ui/ErrorMessage';
import { LoadingPage, UnavailablePage } from './StatusPages';

interface SceneLoadGateProps<T> {
  state: Loadable<T>;
  /** Shown (and the page title) while loading. */
  loadingLabel: string;
  /** `data-testid` of the notice shown when loading failed ("team-unavailable"). */
  unavailableTestId: string;
  /** The notice's heading per HTTP status (404, 403); any other failure is "Er ging iets mis". */
  headings: Partial<Record<number, string>>;
  /** A plain text instead of the server's message, per HTTP status. */
  bodies?: Partial<Record<number, string>>;
  /** The way out of the notice ("Naar mijn teams", "Naar de bibliotheek"). */
  back: { to: string; label: string };
  /** The page, once loaded. */
  children: (data: T) => ReactNode;
}

/**
 * What a scene shows before its page: a loading text, or a notice for a failed load (its heading
 * by status, the server's message or a plain text, and a link away); the page once the data is there.
 */
export function SceneLoadGate<T>({
  state,
  loadingLabel,
  unavailableTestId,
  headings,
  bodies = {},
  back,
  children,
}: SceneLoadGateProps<T>) {
  const t = useT();
  if (state.status === 'loading') {
    return <LoadingPage title={loadingLabel} testId="page-loading" />;
  }
  if (state.status === 'error') {
    const { error } = state;
    const heading = headings[error.status] ?? t('error.title');
    const body = bodies[error.status];
    return (
      <UnavailablePage title={heading} testId={unavailableTestId}>
        {body !== undefined ? <p>{body}</p> : <ErrorMessage error={error} />}
        <p>
          <Link to={back.to} className="button button--primary">
            {back.label}
          </Link>
        </p>
      </UnavailablePage>
    );
  }
  return children(state.data);
}
