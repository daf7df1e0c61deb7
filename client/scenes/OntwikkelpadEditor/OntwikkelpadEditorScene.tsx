import { RequireUser } from '../../auth/RequireUser';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageShell } from '../../components/PageShell';
import type { CurrentUser } from '../../http/account';
import { getTemplateDraft } from '../../http/templates';
import { useLoadable } from '../../http/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { LIBRARY_PATH } from '../../routing/router';
import { NotFoundScene } from '../NotFound/NotFoundScene';
import { OntwikkelpadWorkspace } from './OntwikkelpadWorkspace';

/**
 * `/ontwikkelpaden/:docId`: an ontwikkelpad draft of an atelier. Asks the server for the draft,
 * the caller's role and the published versions, then opens the collaborative editor — editable
 * or read-only as the capabilities say. Anyone outside the atelier gets "geen toegang".
 */
export function OntwikkelpadEditorScene({ docId }: { docId: string }) {
  return <RequireUser>{(user) => <DraftLoader docId={docId} user={user} />}</RequireUser>;
}

function DraftLoader({ docId, user }: { docId: string; user: CurrentUser }) {
  const t = useT();
  const draft = useLoadable(docId, getTemplateDraft);

  if (draft.state.status === 'loading') {
    return (
      <PageShell title={t('op.loading')}>
        <p className="muted" data-testid="document-loading">
          {t('op.loading')}
        </p>
      </PageShell>
    );
  }
  if (draft.state.status === 'error') {
    const { error } = draft.state;
    if (error.status === 404 || error.status === 400) return <NotFoundScene kind="document" />;
    const heading = error.status === 403 ? t('op.noAccessHeading') : t('error.title');
    return (
      <PageShell title={heading} narrow>
        <div className="notice" data-testid="document-unavailable">
          <h1>{heading}</h1>
          {error.status === 403 ? <p>{t('op.noAccessBody')}</p> : <ErrorMessage error={error} />}
          <p className="button-row">
            {error.status === 403 ? null : (
              <button type="button" className="button" onClick={draft.reload}>
                {t('common.retry')}
              </button>
            )}
            <Link to={LIBRARY_PATH} className="button button--primary">
              {t('version.toLibrary')}
            </Link>
          </p>
        </div>
      </PageShell>
    );
  }
  return (
    <OntwikkelpadWorkspace key={docId} draft={draft.state.data} user={user} onPublished={draft.reload} />
  );
}
