import { useId } from 'react';
import type { TeamKind } from '../../../shared/domain/roles';
import type { DocumentSummary } from '../../../shared/schemas/documents';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NewTitledForm } from '../../ui/NewTitledForm';
import { createTemplateDraft } from '../templates/templatesApi';
import type { Loadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { LIBRARY_PATH, templatePath } from '../../app/router';
import { TeamItemList } from './TeamItemList';
import { Library } from 'lucide-react';

/**
 * "Ontwikkelpaden" on the team page. An atelier sees its drafts and (with `document.create`) a
 * form for a new one; a co-creatieteam designs against published versions, so it gets the way to
 * the library (its designs follow in a later issue).
 */
export function TeamTemplates({
  teamId,
  kind,
  canCreate,
  documents,
}: {
  teamId: string;
  kind: TeamKind;
  canCreate: boolean;
  documents: Loadable<DocumentSummary[]>;
}) {
  const t = useT();
  const headingId = useId();
  if (kind !== 'atelier') {
    return (
      <section className="page-section" aria-labelledby={headingId} data-testid="team-ontwikkelpaden">
        <h2 id={headingId}>{t('teamTemplates.heading')}</h2>
        <p>{t('teamTemplates.cocreatie')}</p>
        <p>
          <Link to={LIBRARY_PATH} className="button" data-testid="to-library">
            <Library aria-hidden="true" />
            {t('teamTemplates.toLibrary')}
          </Link>
        </p>
      </section>
    );
  }
  const drafts =
    documents.status === 'ready' ? documents.data.filter((doc) => doc.kind === 'ontwikkelpad') : [];
  return (
    <section className="page-section" aria-labelledby={headingId} data-testid="team-ontwikkelpaden">
      <h2 id={headingId}>{t('teamTemplates.heading')}</h2>
      {documents.status === 'loading' ? <p className="muted">{t('home.documentsLoading')}</p> : null}
      {documents.status === 'error' ? <ErrorMessage error={documents.error} /> : null}
      {documents.status === 'ready' && drafts.length === 0 ? (
        <p className="empty-state">{t(canCreate ? 'teamTemplates.emptyCanCreate' : 'teamTemplates.empty')}</p>
      ) : null}
      {drafts.length > 0 ? (
        <TeamItemList
          items={drafts}
          pathFor={templatePath}
          untitled={t('template.untitled')}
          showUpdated
          testId="team-drafts"
          linkTestId="draft-link"
        />
      ) : null}
      {canCreate ? <NewTemplateForm teamId={teamId} /> : null}
    </section>
  );
}

/** "Nieuw ontwikkelpad": creates an empty draft (default sections) in the atelier and opens it. */
function NewTemplateForm({ teamId }: { teamId: string }) {
  const t = useT();
  return (
    <NewTitledForm
      teamId={teamId}
      create={createTemplateDraft}
      pathFor={templatePath}
      testId="new-ontwikkelpad-form"
      heading={t('teamTemplates.new')}
      titleLabel={t('teamTemplates.titleLabel')}
      titleHint={t('teamTemplates.titleHint')}
      submitLabel={t('teamTemplates.submit')}
    />
  );
}
