import { useEffect } from 'react';
import { RequireUser } from '../auth/RequireUser';
import type { CurrentUser } from '../account/accountApi';
import { getDocument } from './documentsApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { navigate, pathForDocument } from '../../app/router';
import { EditorLoadGate } from './EditorLoadGate';
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
  useEffect(() => {
    if (ownEditor) navigate(ownEditor, { replace: true });
  }, [ownEditor]);

  return (
    <EditorLoadGate
      resource={document}
      loadingLabel={t('editor.loading')}
      stillLoading={ownEditor !== null}
      noAccessHeading={t('editor.noAccessHeading')}
      noAccessBody={t('editor.noAccessBody')}
      back={{ to: '/', label: t('common.toMyTeams') }}
    >
      {(data) => (
        <EditorWorkspace
          key={id}
          docId={id}
          teamId={data.teamId}
          user={user}
          initialAccess={{ role: data.role, capabilities: data.capabilities }}
        />
      )}
    </EditorLoadGate>
  );
}
