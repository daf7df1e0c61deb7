import { useEffect, useMemo, useState } from 'react';
import { CommentsPanel } from '../../comments/CommentsPanel';
import { CommentsToggle } from '../../comments/CommentsToggle';
import { EditorRegistryProvider } from '../../comments/EditorRegistry';
import { AppHeader } from '../../components/AppHeader';
import { VersionsButton } from '../../components/versions/VersionsButton';
import { FeedbackRoundsButton } from '../../rounds/FeedbackRoundsButton';
import { Main } from '../../components/Main';
import { PresenceBar } from '../../components/PresenceBar';
import { SaveStatusIndicator, statusDisplay } from '../../components/SaveStatusIndicator';
import type { CurrentUser } from '../../http/account';
import { getTeam } from '../../http/teams';
import type { TemplateDraft } from '../../http/templates';
import { useLoadable } from '../../http/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey } from '../../i18n/labels';
import {
  useAwarenessUser,
  useConnectionEnd,
  useDocumentReady,
  usePresence,
  useSaveState,
} from '../../realtime/hooks';
import { awarenessUser, type CollabSession } from '../../realtime/session';
import { useWorkspaceSession } from '../../realtime/useWorkspaceSession';
import { Link } from '../../routing/Link';
import { teamPath } from '../../routing/router';
import { ConnectionEndedNotice } from '../DocumentEditor/ConnectionEndedNotice';
import {
  useDocumentAccess,
  useEditAccessTransitions,
  type DocumentAccess,
} from '../DocumentEditor/useDocumentAccess';
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
 * access following as the section editor (client/realtime, DocumentEditor/useDocumentAccess).
 * The role lives here, above the session, so it survives reopening after a discarded copy.
 */
export function OntwikkelpadWorkspace({ draft, user, onPublished }: WorkspaceProps) {
  const t = useT();
  const [access, setAccess] = useState<DocumentAccess>({
    role: draft.role,
    capabilities: draft.capabilities,
  });
  const { session, discard } = useWorkspaceSession(draft.id, user);
  if (!session) {
    return (
      <>
        <AppHeader />
        <Main className="page">
          <p className="muted" data-testid="document-loading">
            {t('op.loading')}
          </p>
        </Main>
      </>
    );
  }
  return (
    <OpenDraft
      key={session.ydoc.guid}
      session={session}
      user={user}
      draft={draft}
      access={access}
      onAccessChange={setAccess}
      onDiscard={discard}
      onPublished={onPublished}
    />
  );
}

interface OpenDraftProps {
  session: CollabSession;
  user: CurrentUser;
  draft: TemplateDraft;
  access: DocumentAccess;
  onAccessChange: (access: DocumentAccess) => void;
  onDiscard: () => void;
  onPublished: () => void;
}

function OpenDraft({ session, user, draft, access, onAccessChange, onDiscard, onPublished }: OpenDraftProps) {
  const t = useT();
  const me = useMemo(() => awarenessUser({ id: user.id, name: user.name }), [user.id, user.name]);
  useAwarenessUser(session, me);
  const saveState = useSaveState(session);
  const ended = useConnectionEnd(session);
  // Decided by the server's capability list (shared/domain/roles.ts), never by comparing roles.
  const mayEdit = access.capabilities.includes('document.edit');
  const canEdit = mayEdit && ended === null;
  const canComment = access.capabilities.includes('document.comment') && ended === null;
  const canPublish = access.capabilities.includes('template.publish') && ended === null;
  useDocumentAccess(session, access, onAccessChange, saveState, canEdit);
  useEditAccessTransitions(session, mayEdit, onDiscard);

  const users = usePresence(session);
  const view = useDraftView(session.ydoc);
  const ready = useDocumentReady(session, view.hasContent);
  const team = useLoadable(draft.teamId ?? '', loadTeam);
  const teamName = team.state.status === 'ready' ? team.state.data?.name : undefined;
  const shownTitle = view.title.trim() || t('template.untitled');

  useEffect(() => {
    document.title = `${shownTitle} — ${t('app.name')}`;
  }, [shownTitle, t]);

  return (
    <EditorRegistryProvider canComment={canComment} initiallyOpen={false}>
      <AppHeader>
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <ol>
            <li>
              <Link to="/">{t('header.myTeams')}</Link>
            </li>
            {draft.teamId ? (
              <li>
                <Link to={teamPath(draft.teamId)} data-testid="team-link">
                  {teamName ?? t('editor.team')}
                </Link>
              </li>
            ) : null}
          </ol>
        </nav>
        <SaveStatusIndicator state={statusDisplay(saveState, ended, !mayEdit)} readOnly={!mayEdit} />
        <PresenceBar users={users} />
        <VersionsButton docId={session.docId} canEdit={canEdit} />
        <FeedbackRoundsButton docId={session.docId} kind="ontwikkelpad" />
        <CommentsToggle />
      </AppHeader>
      <Main className="page page--draft page--comments">
        <div className="comments-layout">
          <div className="comments-layout__main">
            {/* A live region that exists from the start, so a role change while reading is announced. */}
            <div role="status" className="readonly-region">
              {!mayEdit && ended === null ? (
                <p className="notice notice--info" data-testid="readonly-banner" data-role={access.role}>
                  {t('editor.readOnlyBanner', { role: t(roleLabelKey(access.role)) })}
                </p>
              ) : null}
            </div>
            {ended ? <ConnectionEndedNotice reason={ended} docId={session.docId} /> : null}
            {!ready ? (
              <>
                <h1 className="visually-hidden">{shownTitle}</h1>
                <p className="muted" data-testid="document-loading">
                  {t('op.loading')}
                </p>
              </>
            ) : (
              <DraftEditor
                session={session}
                view={view}
                user={me}
                editable={canEdit}
                canPublish={canPublish}
                saveState={saveState}
                versions={draft.versions}
                onPublished={onPublished}
              />
            )}
          </div>
          {ready ? (
            <CommentsPanel
              docId={session.docId}
              roundId={null}
              ydoc={session.ydoc}
              canComment={canComment}
              currentUserId={user.id}
            />
          ) : null}
        </div>
      </Main>
    </EditorRegistryProvider>
  );
}

function loadTeam(teamId: string) {
  return teamId ? getTeam(teamId) : Promise.resolve(null);
}
