import type { ReactNode } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageShell } from '../../app/PageShell';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { Link } from '../../app/Link';
import { CATALOG_PATH } from '../../app/router';
import { CatalogLicense } from './CatalogLicense';

/**
 * Loads one public catalog page (a leerarrangement or a traject): a loading state, a "not in the
 * catalog" page (404) or error with the way back and the license, else `render(data)`.
 */
export function CatalogDetail<T>({
  id,
  load,
  notFoundKey,
  render,
}: {
  id: string;
  load: (id: string) => Promise<T>;
  notFoundKey: MessageKey;
  render: (data: T) => ReactNode;
}) {
  const t = useT();
  const entry = useLoadable(id, load);
  if (entry.state.status === 'loading') {
    return (
      <PageShell title={t('catalog.title')}>
        <p className="muted">{t('catalog.loading')}</p>
      </PageShell>
    );
  }
  if (entry.state.status === 'error') {
    return (
      <PageShell title={t('catalog.title')} narrow>
        <h1>{t('catalog.title')}</h1>
        {entry.state.error.status === 404 ? (
          <p data-testid="catalog-not-found">{t(notFoundKey)}</p>
        ) : (
          <ErrorMessage error={entry.state.error} />
        )}
        <p>
          <Link to={CATALOG_PATH}>{t('catalog.back')}</Link>
        </p>
        <CatalogLicense />
      </PageShell>
    );
  }
  return <>{render(entry.state.data)}</>;
}
