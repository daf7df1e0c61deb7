import { useDocumentSummary } from '../../http/documents';
import { AppHeader } from '../../components/AppHeader';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { NotFoundScene } from '../NotFound/NotFoundScene';
import { EditorWorkspace } from './EditorWorkspace';
import { Main } from '../../components/Main';

/**
 * `/d/:id`: checks that the document exists, then opens it. When the server cannot be reached the
 * editor opens anyway: IndexedDB may hold the document, and edits sync once the server is back.
 */
export function DocumentEditorScene({ id }: { id: string }) {
  const t = useT();
  const summary = useDocumentSummary(id);

  if (summary.status === 'loading') {
    return (
      <>
        <AppHeader />
        <Main className="page">
          <p className="muted" data-testid="document-loading">
            {t('editor.loading')}
          </p>
        </Main>
      </>
    );
  }
  if (summary.status === 'error') {
    const { error } = summary;
    if (error.status === 404 || error.status === 400) return <NotFoundScene kind="document" />;
    if (error.status !== 0) {
      return (
        <>
          <AppHeader />
          <Main className="page page--narrow">
            <h1>{t('error.title')}</h1>
            <ErrorMessage error={error} />
          </Main>
        </>
      );
    }
  }
  return <EditorWorkspace key={id} docId={id} />;
}
