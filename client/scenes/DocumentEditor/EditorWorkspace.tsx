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
import { getTeam, type TeamWithAccess } from '../../http/teams';
import { useLoadable } from '../../http/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey } from '../../i18n/labels';
import {
  useAwarenessUser,
  useConnectionEnd,
  useDocumentReady,
  useDocumentTitle,
  usePresence,
  useSaveState,
  useSections,
} from '../../realtime/hooks';
import { awarenessUser, type CollabSession } from '../../realtime/session';
import { useWorkspaceSession } from '../../realtime/useWorkspaceSession';
import { Link } from '../../routing/Link';
import { teamPath } from '../../routing/router';
import { ConnectionEndedNotice } from './ConnectionEndedNotice';
import { DocumentSections } from './DocumentSections';
import { useDocumentAccess, useEditAccessTransitions, type DocumentAccess } from './useDocumentAccess';

interface WorkspaceProps {
  docId: string;
  teamId: string | null;
  user: CurrentUser;
  initialAccess: DocumentAccess;
}

/**
 * Opens the collaborative session for `docId` and shows the document once it is open. The role
 * lives here, above the session, so it survives reopening the session after a discarded copy.
 */
export function EditorWorkspace({ docId, teamId, user, initialAccess }: WorkspaceProps) {
  const t = useT();
  const [access, setAccess] = useState(initialAccess);
  const { session, discard } = useWorkspaceSession(docId, user);

  if (!session) {
    return (
      <>
        <AppHeader />
        <Main className="page">
          <p className="muted" data-testid="document-loading">
            {t('editor.loading')}
          </p>
        </Main>
      </>
    );
  }
  return (
    <OpenDocument
      key={session.ydoc.guid}
      session={session}
      user={user}
      teamId={teamId}
      access={access}
      onAccessChange={setAccess}
      onDiscard={discard}
    />
  );
}

function loadTeamIfAny(teamId: string): Promise<TeamWithAccess | null> {
  return teamId ? getTeam(teamId) : Promise.resolve(null);
}

interface OpenDocumentProps {
  session: CollabSession;
  user: CurrentUser;
  teamId: string | null;
  access: DocumentAccess;
  onAccessChange: (access: DocumentAccess) => void;
  onDiscard: () => void;
}

function OpenDocument({ session, user, teamId, access, onAccessChange, onDiscard }: OpenDocumentProps) {
  const t = useT();
  const me = useMemo(() => awarenessUser({ id: user.id, name: user.name }), [user.id, user.name]);
  useAwarenessUser(session, me);
  const saveState = useSaveState(session);
  const ended = useConnectionEnd(session);
  // Decided by the server's capability list (shared/domain/roles.ts), never by comparing roles.
  const mayEdit = access.capabilities.includes('document.edit');
  const canEdit = mayEdit && ended === null;
  const canComment = access.capabilities.includes('document.comment') && ended === null;
  useDocumentAccess(session, access, onAccessChange, saveState, canEdit);
  useEditAccessTransitions(session, mayEdit, onDiscard);

  const users = usePresence(session);
  const sections = useSections(session);
  const ready = useDocumentReady(session, sections.length > 0);
  const [title, setTitle] = useDocumentTitle(session);
  const team = useLoadable(teamId ?? '', loadTeamIfAny);
  const teamName = team.state.status === 'ready' ? team.state.data?.name : undefined;
  const shownTitle = title.trim() || t('document.untitled');

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
            {teamId ? (
              <li>
                <Link to={teamPath(teamId)} data-testid="team-link">
                  {teamName ?? t('editor.team')}
                </Link>
              </li>
            ) : null}
          </ol>
        </nav>
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
              if (canEdit) setTitle(event.target.value);
            }}
          />
        </div>
        <SaveStatusIndicator state={statusDisplay(saveState, ended, !mayEdit)} readOnly={!mayEdit} />
        <PresenceBar users={users} />
        <VersionsButton docId={session.docId} canEdit={canEdit} />
        <FeedbackRoundsButton docId={session.docId} kind="document" />
        <CommentsToggle />
      </AppHeader>
      <Main className="page page--document page--comments">
        <h1 className="visually-hidden">{shownTitle}</h1>
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
              <p className="muted" data-testid="document-loading">
                {t('editor.loading')}
              </p>
            ) : (
              <DocumentSections session={session} sections={sections} user={me} editable={canEdit} />
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
