import { RequireUser } from '../../auth/RequireUser';
import type { CurrentUser } from '../../account/accountApi';
import { getTemplateDraft } from '../templatesApi';
import { useLoadable } from '../../../api/useLoadable';
import { useT } from '../../../i18n/I18nProvider';
import { LIBRARY_PATH } from '../../../app/router';
import { EditorLoadGate } from '../../documents/EditorLoadGate';
import { TemplateWorkspace } from './TemplateWorkspace';

/**
 * `/ontwikkelpaden/:docId`: an ontwikkelpad draft of an atelier. Asks the server for the draft,
 * the caller's role and the published versions, then opens the collaborative editor — editable
 * or read-only as the capabilities say. Anyone outside the atelier gets "geen toegang".
 */
export function TemplateEditorScene({ docId }: { docId: string }) {
  return <RequireUser>{(user) => <DraftLoader docId={docId} user={user} />}</RequireUser>;
}

function DraftLoader({ docId, user }: { docId: string; user: CurrentUser }) {
  const t = useT();
  const draft = useLoadable(docId, getTemplateDraft);

  return (
    <EditorLoadGate
      resource={draft}
      loadingLabel={t('templateEditor.loading')}
      noAccessHeading={t('templateEditor.noAccessHeading')}
      noAccessBody={t('templateEditor.noAccessBody')}
      back={{ to: LIBRARY_PATH, label: t('version.toLibrary') }}
    >
      {(data) => <TemplateWorkspace key={docId} draft={data} user={user} onPublished={draft.reload} />}
    </EditorLoadGate>
  );
}
