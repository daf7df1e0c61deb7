import { useEffect, useId } from 'react';
import { useDocumentList } from '../../http/documents';
import { AppHeader } from '../../components/AppHeader';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { documentPath } from '../../routing/router';
import { NewDocumentForm } from './NewDocumentForm';
import { Main } from '../../components/Main';

/** `/`: all documents, newest first, and the form to start a new one. */
export function DocumentListScene() {
  const { t, locale } = useI18n();
  const { list, reload } = useDocumentList();
  const listHeadingId = useId();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  useEffect(() => {
    document.title = `${t('list.pageTitle')} — ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <AppHeader />
      <Main className="page">
        <h1>{t('list.heading')}</h1>
        <NewDocumentForm />
        <section
          className="document-list"
          aria-labelledby={listHeadingId}
          aria-busy={list.status === 'loading'}
        >
          <h2 id={listHeadingId}>{t('list.allHeading')}</h2>
          {list.status === 'loading' ? <p className="muted">{t('list.loading')}</p> : null}
          {list.status === 'error' ? (
            <div className="document-list__error">
              <ErrorMessage error={list.error} />
              <button type="button" className="button" onClick={reload}>
                {t('list.retry')}
              </button>
            </div>
          ) : null}
          {list.status === 'ready' && list.data.length === 0 ? (
            <p className="empty-state" data-testid="document-list-empty">
              {t('list.empty')}
            </p>
          ) : null}
          {list.status === 'ready' && list.data.length > 0 ? (
            <ul className="document-list__items" data-testid="document-list">
              {list.data.map((doc) => (
                <li key={doc.id} className="document-list__item">
                  <Link to={documentPath(doc.id)} className="document-list__link" data-testid="document-link">
                    {doc.title.trim() || t('list.untitled')}
                  </Link>
                  <span className="document-list__meta">
                    {t('list.updatedAt')}{' '}
                    <time dateTime={doc.updatedAt}>{dateFormat.format(new Date(doc.updatedAt))}</time>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </Main>
    </>
  );
}
