import { EditorRegistryProvider } from '../../comments/EditorRegistry';
import { usePageTitle } from '../../../app/PageShell';
import { Main } from '../../../app/Main';
import type { CurrentUser } from '../../account/accountApi';
import type { TemplateDraft } from '../templatesApi';
import { useT } from '../../../i18n/I18nProvider';
import { useDocumentReady } from '../../../collab/hooks';
import {
  CollabWorkspace,
  useOpenWorkspace,
  useTeamName,
  WorkspaceHeader,
  WorkspaceLayout,
  WorkspaceTools,
  type OpenSession,
} from '../../documents/WorkspaceShell';
import { DraftEditor } from './DraftEditor';
import { useDraftView } from './draftView';

interface WorkspaceProps {
  draft: TemplateDraft;
  user: CurrentUser;
  /** Called after a successful publication (the version list is fetched again). */
  onPublished: () => void;
}

/**
 * Opens the collaborative session of the draft; the same session, save tracking, presence and
 * access following as the section editor (DocumentEditor/WorkspaceShell).
 */
export function TemplateWorkspace({ draft, user, onPublished }: WorkspaceProps) {
  const t = useT();
  return (
    <CollabWorkspace
      docId={draft.id}
      user={user}
      initialAccess={{ role: draft.role, capabilities: draft.capabilities }}
      loadingLabel={t('templateEditor.loading')}
    >
      {(open) => <OpenDraft open={open} user={user} draft={draft} onPublished={onPublished} />}
    </CollabWorkspace>
  );
}

interface OpenDraftProps {
  open: OpenSession;
  user: CurrentUser;
  draft: TemplateDraft;
  onPublished: () => void;
}

function OpenDraft({ open, user, draft, onPublished }: OpenDraftProps) {
  const t = useT();
  const { session, access } = open;
  const ws = useOpenWorkspace(open, user);
  const canPublish = access.capabilities.includes('template.publish') && ws.ended === null;
  const view = useDraftView(session.ydoc);
  const ready = useDocumentReady(session, view.hasContent);
  const teamName = useTeamName(draft.teamId);
  const shownTitle = view.title.trim() || t('template.untitled');
  usePageTitle(shownTitle);

  return (
    <EditorRegistryProvider canComment={ws.canComment} initiallyOpen={false}>
      <WorkspaceHeader ws={ws} teamId={draft.teamId} teamName={teamName} title={shownTitle}>
        <WorkspaceTools docId={session.docId} canEdit={ws.canEdit} kind="ontwikkelpad" />
      </WorkspaceHeader>
      <Main className="page page--draft page--comments">
        <WorkspaceLayout
          ws={ws}
          ready={ready}
          loadingLabel={t('templateEditor.loading')}
          loadingHeading={shownTitle}
          outline
        >
          <DraftEditor
            session={session}
            view={view}
            user={ws.me}
            editable={ws.canEdit}
            canPublish={canPublish}
            saveState={ws.saveState}
            versions={draft.versions}
            onPublished={onPublished}
          />
        </WorkspaceLayout>
      </Main>
    </EditorRegistryProvider>
  );
}
