import { EditorRegistryProvider } from '../comments/EditorRegistry';
import { usePageTitle } from '../../app/PageShell';
import { Main } from '../../app/Main';
import type { CurrentUser } from '../account/accountApi';
import { useT } from '../../i18n/I18nProvider';
import { useDocumentReady, useDocumentTitle, useSections } from '../../collab/hooks';
import { DocumentSections } from './DocumentSections';
import type { DocumentAccess } from './useDocumentAccess';
import {
  CollabWorkspace,
  useOpenWorkspace,
  useTeamName,
  WorkspaceHeader,
  WorkspaceLayout,
  WorkspaceTools,
  type OpenSession,
} from './WorkspaceShell';

interface WorkspaceProps {
  docId: string;
  teamId: string | null;
  user: CurrentUser;
  initialAccess: DocumentAccess;
}

/** Opens the collaborative session for `docId` and shows the document once it is open. */
export function EditorWorkspace({ docId, teamId, user, initialAccess }: WorkspaceProps) {
  const t = useT();
  return (
    <CollabWorkspace
      docId={docId}
      user={user}
      initialAccess={initialAccess}
      loadingLabel={t('editor.loading')}
    >
      {(open) => <OpenDocument open={open} user={user} teamId={teamId} />}
    </CollabWorkspace>
  );
}

function OpenDocument({
  open,
  user,
  teamId,
}: {
  open: OpenSession;
  user: CurrentUser;
  teamId: string | null;
}) {
  const t = useT();
  const { session } = open;
  const ws = useOpenWorkspace(open, user);
  const sections = useSections(session);
  const ready = useDocumentReady(session, sections.length > 0);
  const [title, setTitle] = useDocumentTitle(session);
  const teamName = useTeamName(teamId);
  const shownTitle = title.trim() || t('document.untitled');
  usePageTitle(shownTitle);

  return (
    <EditorRegistryProvider canComment={ws.canComment} initiallyOpen={false}>
      <WorkspaceHeader
        ws={ws}
        teamId={teamId}
        teamName={teamName}
        titleField={<TitleField title={title} onChange={setTitle} ready={ready} canEdit={ws.canEdit} />}
      >
        <WorkspaceTools docId={session.docId} canEdit={ws.canEdit} kind="document" />
      </WorkspaceHeader>
      <Main className="page page--document page--comments">
        <h1 className="visually-hidden">{shownTitle}</h1>
        <WorkspaceLayout ws={ws} ready={ready} loadingLabel={t('editor.loading')}>
          <DocumentSections session={session} sections={sections} user={ws.me} editable={ws.canEdit} />
        </WorkspaceLayout>
      </Main>
    </EditorRegistryProvider>
  );
}

/** The document's title in the header; typing changes it for everyone (when the role may edit). */
function TitleField({
  title,
  onChange,
  ready,
  canEdit,
}: {
  title: string;
  onChange: (title: string) => void;
  ready: boolean;
  canEdit: boolean;
}) {
  const t = useT();
  return (
    <div className="field field--inline title-field">
      <label htmlFor="document-title">{t('editor.titleLabel')}</label>
      <input
        id="document-title"
        type="text"
        maxLength={200}
        autoComplete="off"
        value={title}
        disabled={!ready}
        readOnly={!canEdit}
        onChange={(event) => {
          if (canEdit) onChange(event.target.value);
        }}
      />
    </div>
  );
}
