import { NewTitledForm } from '../../ui/NewTitledForm';
import { createDocument } from '../documents/documentsApi';
import { useT } from '../../i18n/I18nProvider';
import { documentPath } from '../../app/router';

/** "Nieuw document": creates a document in the team (title optional) and opens it. */
export function NewDocumentForm({ teamId }: { teamId: string }) {
  const t = useT();
  return (
    <NewTitledForm
      teamId={teamId}
      create={createDocument}
      pathFor={documentPath}
      testId="new-document-form"
      heading={t('newDocument.heading')}
      titleLabel={t('newDocument.titleLabel')}
      titleHint={t('newDocument.titleHint')}
      submitLabel={t('newDocument.submit')}
    />
  );
}
