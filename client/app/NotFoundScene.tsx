import { useEffect } from 'react';
import { AppHeader } from './AppHeader';
import { useT } from '../i18n/I18nProvider';
import { Link } from './Link';
import { Main } from './Main';

/** Friendly dead end: an unknown document (`kind="document"`) or an unknown address. */
export function NotFoundScene({ kind }: { kind: 'document' | 'page' }) {
  const t = useT();
  useEffect(() => {
    document.title = `${t('notFound.pageTitle')} — ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <AppHeader />
      <Main className="page page--narrow">
        <div className="notice" data-testid="not-found">
          <h1>{t(kind === 'document' ? 'notFound.heading' : 'notFound.pageHeading')}</h1>
          <p>{t(kind === 'document' ? 'notFound.body' : 'notFound.pageBody')}</p>
          <p>
            <Link to="/" className="button button--primary">
              {t('common.toMyTeams')}
            </Link>
          </p>
        </div>
      </Main>
    </>
  );
}
