import { useEffect } from 'react';
import { RequireUser } from '../../auth/RequireUser';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageShell } from '../../components/PageShell';
import type { CurrentUser } from '../../http/account';
import { getDocument } from '../../http/documents';
import { useLoadable } from '../../http/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { navigate, pathForDocument } from '../../routing/router';
import { NotFoundScene } from '../NotFound/NotFoundScene';
import { EditorWorkspace } from './EditorWorkspace';

/**
 * `/d/:id`: asks the server for the document and the caller's role on it, then opens it —
 * editable or read-only as the capabilities say.
 */
export function DocumentEditorScene({ id }: { id: string }) {
  return <RequireUser>{(user) => <DocumentLoader id={id} user={user} />}</RequireUser>;
}

function DocumentLoader({ id, user }: { id: string; user: CurrentUser }) {
  const t = useT();
  const document = useLoadable(id, getDocument);
  // An ontwikkelpad draft has its own editor; `/d/:id` links (recent documents, old bookmarks)
  // land there, replacing this entry so Back does not bounce.
  // The same for a leerarrangement design (its own editor at /ontwerpen/:id).
  const ownEditor =
    document.state.status === 'ready' &&
    (document.state.data.kind === 'ontwikkelpad' || document.state.data.kind === 'leerarrangement')
      ? pathForDocument(document.state.data)
      : null;
  const isOntwikkelpad = ownEditor !== null;
  useEffect(() => {
    if (ownEditor) navigate(ownEditor, { replace: true });
  }, [ownEditor]);

  if (document.state.status === 'loading' || isOntwikkelpad) {
    return (
      <PageShell title={t('editor.loading')}>
        <p className="muted" data-testid="document-loading">
          {t('editor.loading')}
        </p>
      </PageShell>
    );
  }
  if (document.state.status === 'error') {
    const { error } = document.state;
    if (error.status === 404 || error.status === 400) return <NotFoundScene kind="document" />;
    const heading = error.status === 403 ? t('editor.noAccessHeading') : t('error.title');
    return (
      <PageShell title={heading} narrow>
        <div className="notice" data-testid="document-unavailable">
          <h1>{heading}</h1>
          {error.status === 403 ? <p>{t('editor.noAccessBody')}</p> : <ErrorMessage error={error} />}
          <p className="button-row">
            {error.status === 403 ? null : (
              <button type="button" className="button" onClick={document.reload}>
                {t('common.retry')}
              </button>
            )}
            <Link to="/" className="button button--primary">
              {t('common.toMyTeams')}
            </Link>
          </p>
        </div>
      </PageShell>
    );
  }
  const { data } = document.state;
  return (
    <EditorWorkspace
      key={id}
      docId={id}
      teamId={data.teamId}
      user={user}
      initialAccess={{ role: data.role, capabilities: data.capabilities }}
    />
  );
}
