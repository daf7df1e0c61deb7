import type { ReactNode } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingPage, UnavailablePage } from '../../app/StatusPages';
import type { LoadableResource } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { NotFoundScene } from '../../app/NotFoundScene';

interface EditorLoadGateProps<T> {
  resource: LoadableResource<T>;
  /** Shown (and the page title) while loading. */
  loadingLabel: string;
  /** Keep showing the loading page although the data is there (e.g. while redirecting). */
  stillLoading?: boolean;
  /** The notice for a 403. */
  noAccessHeading: string;
  noAccessBody: string;
  /** The way out of the notice ("Naar mijn teams", "Naar de bibliotheek"). */
  back: { to: string; label: string };
  /** The editor, once loaded. */
  children: (data: T) => ReactNode;
}

/**
 * What an editor page shows before its editor: a loading text, "niet gevonden" for an unknown id
 * (404, 400), a "geen toegang" notice (403) or the error with a retry button; the editor once the
 * data is there.
 */
export function EditorLoadGate<T>({
  resource,
  loadingLabel,
  stillLoading = false,
  noAccessHeading,
  noAccessBody,
  back,
  children,
}: EditorLoadGateProps<T>) {
  const t = useT();
  const { state } = resource;
  if (state.status === 'loading' || stillLoading) {
    return <LoadingPage title={loadingLabel} testId="document-loading" />;
  }
  if (state.status === 'error') {
    const { error } = state;
    if (error.status === 404 || error.status === 400) return <NotFoundScene kind="document" />;
    const heading = error.status === 403 ? noAccessHeading : t('error.title');
    return (
      <UnavailablePage title={heading} testId="document-unavailable">
        {error.status === 403 ? <p>{noAccessBody}</p> : <ErrorMessage error={error} />}
        <p className="button-row">
          {error.status === 403 ? null : (
            <button type="button" className="button" onClick={resource.reload}>
              {t('common.retry')}
            </button>
          )}
          <Link to={back.to} className="button button--primary">
            {back.label}
          </Link>
        </p>
      </UnavailablePage>
    );
  }
  return <>{children(state.data)}</>;
}
