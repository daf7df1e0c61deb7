import { RequireUser } from '../../auth/RequireUser';
import type { CurrentUser } from '../../http/account';
import { getTemplateDraft } from '../../http/templates';
import { useLoadable } from '../../http/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { LIBRARY_PATH } from '../../routing/router';
import { EditorLoadGate } from '../DocumentEditor/EditorLoadGate';
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

  return (
    <EditorLoadGate
      resource={draft}
      loadingLabel={t('op.loading')}
      noAccessHeading={t('op.noAccessHeading')}
      noAccessBody={t('op.noAccessBody')}
      back={{ to: LIBRARY_PATH, label: t('version.toLibrary') }}
    >
      {(data) => <OntwikkelpadWorkspace key={docId} draft={data} user={user} onPublished={draft.reload} />}
    </EditorLoadGate>
  );
}
