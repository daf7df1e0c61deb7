import { useId } from 'react';
import type { DocumentSummary } from '../../../shared/schemas/documents';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { Loadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { documentPath } from '../../app/router';
import { NewDocumentForm } from './NewDocumentForm';
import { TeamItemList } from './TeamItemList';

/**
 * The team's free documents (kind `document`; ontwikkelpad drafts have their own section), and
 * "Nieuw document" for roles with `document.create`.
 */
export function TeamDocuments({
  teamId,
  canCreate,
  documents: all,
}: {
  teamId: string;
  canCreate: boolean;
  /** Every document of the team (GET /api/teams/:id/documents). */
  documents: Loadable<DocumentSummary[]>;
}) {
  const t = useT();
  const headingId = useId();
  const state: Loadable<DocumentSummary[]> =
    all.status === 'ready'
      ? {
          ...all,
          data: all.data.filter((doc) => doc.kind !== 'ontwikkelpad' && doc.kind !== 'leerarrangement'),
        }
      : all;
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teamDocs.heading')}</h2>
      {state.status === 'loading' ? <p className="muted">{t('home.documentsLoading')}</p> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? (
        <p className="empty-state">{t(canCreate ? 'teamDocs.emptyCanCreate' : 'teamDocs.empty')}</p>
      ) : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <TeamItemList
          items={state.data}
          pathFor={documentPath}
          untitled={t('document.untitled')}
          showUpdated
          testId="team-documents"
          linkTestId="document-link"
        />
      ) : null}
      {canCreate ? <NewDocumentForm teamId={teamId} /> : null}
    </section>
  );
}
