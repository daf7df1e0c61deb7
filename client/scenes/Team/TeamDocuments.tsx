import { useId } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { listTeamDocuments } from '../../http/teams';
import { useLoadable } from '../../http/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { documentPath } from '../../routing/router';
import { NewDocumentForm } from './NewDocumentForm';

/** The team's documents, and "Nieuw document" for roles with `document.create`. */
export function TeamDocuments({
  teamId,
  canCreate,
  version,
}: {
  teamId: string;
  canCreate: boolean;
  version: number;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const documents = useLoadable(teamId, listTeamDocuments, version);
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teamDocs.heading')}</h2>
      {documents.state.status === 'loading' ? <p className="muted">{t('home.documentsLoading')}</p> : null}
      {documents.state.status === 'error' ? <ErrorMessage error={documents.state.error} /> : null}
      {documents.state.status === 'ready' && documents.state.data.length === 0 ? (
        <p className="empty-state">{t(canCreate ? 'teamDocs.emptyCanCreate' : 'teamDocs.empty')}</p>
      ) : null}
      {documents.state.status === 'ready' && documents.state.data.length > 0 ? (
        <ul className="item-list" data-testid="team-documents">
          {documents.state.data.map((doc) => (
            <li key={doc.id} className="item-list__item">
              <Link to={documentPath(doc.id)} className="item-list__title" data-testid="document-link">
                {doc.title.trim() || t('document.untitled')}
              </Link>
              <span className="item-list__meta">
                {t('document.updatedAt')} <time dateTime={doc.updatedAt}>{formatDate(doc.updatedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {canCreate ? <NewDocumentForm teamId={teamId} /> : null}
    </section>
  );
}
