import { useEffect, useMemo, useState } from 'react';
import { isReadOnlyStatus } from '../../../shared/domain/lifecycle';
import { CommentsPanel } from '../../comments/CommentsPanel';
import { CommentsToggle } from '../../comments/CommentsToggle';
import { EditorRegistryProvider } from '../../comments/EditorRegistry';
import { AppHeader } from '../../components/AppHeader';
import { Main } from '../../components/Main';
import { PresenceBar } from '../../components/PresenceBar';
import { SaveStatusIndicator, statusDisplay } from '../../components/SaveStatusIndicator';
import { ExportMenu } from '../../components/versions/ExportMenu';
import { VersionsButton } from '../../components/versions/VersionsButton';
import { FeedbackRoundsButton } from '../../rounds/FeedbackRoundsButton';
import type { CurrentUser } from '../../http/account';
import { useLoadable } from '../../http/useLoadable';
import { getDesignStatus } from '../../http/versions';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey } from '../../i18n/labels';
import {
  useAwarenessUser,
  useConnectionEnd,
  useDocumentReady,
  usePresence,
  useSaveState,
  useSections,
} from '../../realtime/hooks';
import { awarenessUser, type CollabSession } from '../../realtime/session';
import { useWorkspaceSession } from '../../realtime/useWorkspaceSession';
import { Link } from '../../routing/Link';
import { catalogEntryPath, teamPath } from '../../routing/router';
import { ConnectionEndedNotice } from '../DocumentEditor/ConnectionEndedNotice';
import {
  useDocumentAccess,
  useEditAccessTransitions,
  type DocumentAccess,
} from '../DocumentEditor/useDocumentAccess';
import type { LoadedDesign } from './DesignEditorScene';
import { DesignForm } from './DesignForm';
import { useClosedRounds } from '../../rounds/useClosedRounds';
import { LifecyclePanel, StatusBadge, statusLabel } from './LifecyclePanel';

/**
 * Opens the collaborative session of the design: the same session, save tracking, presence and
 * access following as the other editors (client/realtime, DocumentEditor/useDocumentAccess).
 */
export function DesignWorkspace({
  loaded,
  user,
  onReload,
}: {
  loaded: LoadedDesign;
  user: CurrentUser;
  onReload: () => void;
}) {
  const t = useT();
  const [access, setAccess] = useState<DocumentAccess>({
    role: loaded.info.role,
    capabilities: loaded.info.capabilities,
  });
  const { session, discard } = useWorkspaceSession(loaded.info.id, user);
  if (!session) {
    return (
      <>
        <AppHeader />
        <Main className="page">
          <p className="muted" data-testid="document-loading">
            {t('design.loading')}
          </p>
        </Main>
      </>
    );
  }
  return (
    <OpenDesign
      key={session.ydoc.guid}
      session={session}
      user={user}
      loaded={loaded}
      access={access}
      onAccessChange={setAccess}
      onDiscard={discard}
      onReload={onReload}
    />
  );
}

function OpenDesign({
  session,
  user,
  loaded,
  access,
  onAccessChange,
  onDiscard,
  onReload,
}: {
  session: CollabSession;
  user: CurrentUser;
  loaded: LoadedDesign;
  access: DocumentAccess;
  onAccessChange: (access: DocumentAccess) => void;
  onDiscard: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const me = useMemo(() => awarenessUser({ id: user.id, name: user.name }), [user.id, user.name]);
  useAwarenessUser(session, me);
  const saveState = useSaveState(session);
  const ended = useConnectionEnd(session);
  // Decided by the server's capability list, never by comparing roles.
  const mayEdit = access.capabilities.includes('document.edit');
  const canEdit = mayEdit && ended === null;
  useDocumentAccess(session, access, onAccessChange, saveState, canEdit);
  useEditAccessTransitions(session, mayEdit, onDiscard);
  const users = usePresence(session);
  const sections = useSections(session);
  const ready = useDocumentReady(session, sections.length > 0);
  const { info } = loaded;
  const [statusVersion, setStatusVersion] = useState(0);
  const status = useLoadable(session.docId, getDesignStatus, statusVersion);
  const statusInfo = status.state.status === 'ready' ? status.state.data : null;
  const closedRounds = useClosedRounds(session.docId);
  const frozen = statusInfo ? isReadOnlyStatus(statusInfo.status) : false;
  const editable = canEdit && !frozen;
  // Commenters comment too (over the HTTP API); a frozen design can still be commented on.
  const canComment = access.capabilities.includes('document.comment') && ended === null;

  useEffect(() => {
    document.title = `${info.title || t('design.untitled')} — ${t('app.name')}`;
  }, [info.title, t]);

  return (
    <EditorRegistryProvider canComment={canComment} initiallyOpen={false}>
      <AppHeader>
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <ol>
            <li>
              <Link to="/">{t('header.myTeams')}</Link>
            </li>
            {info.teamId ? (
              <li>
                <Link to={teamPath(info.teamId)} data-testid="team-link">
                  {t('editor.team')}
                </Link>
              </li>
            ) : null}
          </ol>
        </nav>
        <SaveStatusIndicator state={statusDisplay(saveState, ended, !mayEdit)} readOnly={!mayEdit} />
        <PresenceBar users={users} />
      </AppHeader>
      <Main className="page page--draft page--comments">
        <div className="comments-layout">
          <div className="comments-layout__main">
            <div role="status" className="readonly-region">
              {frozen && statusInfo && ended === null ? (
                <p className="notice notice--info" data-testid="frozen-banner">
                  {t('lifecycle.frozen', { label: statusLabel(statusInfo.status, t) })}
                </p>
              ) : null}
              {!mayEdit && ended === null ? (
                <p className="notice notice--info" data-testid="readonly-banner" data-role={access.role}>
                  {t('editor.readOnlyBanner', { role: t(roleLabelKey(access.role)) })}
                </p>
              ) : null}
            </div>
            {ended ? <ConnectionEndedNotice reason={ended} docId={session.docId} /> : null}
            {!ready ? (
              <>
                <h1 className="visually-hidden">{info.title || t('design.untitled')}</h1>
                <p className="muted" data-testid="document-loading">
                  {t('design.loading')}
                </p>
              </>
            ) : (
              <DesignForm
                session={session}
                loaded={loaded}
                sections={sections}
                user={me}
                editable={editable}
                onReload={onReload}
                closedRounds={closedRounds}
                lifecycle={
                  <>
                    <div className="design-bar" data-testid="design-bar">
                      {statusInfo ? (
                        <p className="design-bar__status">
                          {t('lifecycle.current')}: <StatusBadge status={statusInfo.status} />
                        </p>
                      ) : null}
                      {statusInfo?.basedOn ? (
                        <p className="design-bar__based" data-testid="based-on">
                          {t('lifecycle.basedOn')}{' '}
                          <Link to={catalogEntryPath(statusInfo.basedOn.id)}>
                            {statusInfo.basedOn.title ?? t('lifecycle.basedOnUnknown')}
                          </Link>
                        </p>
                      ) : null}
                      <div className="design-bar__tools">
                        <VersionsButton docId={session.docId} canEdit={editable} />
                        <FeedbackRoundsButton docId={session.docId} kind="leerarrangement" />
                        <CommentsToggle />
                        <ExportMenu docId={session.docId} title={info.title} />
                      </div>
                    </div>
                    {statusInfo ? (
                      <LifecyclePanel
                        docId={session.docId}
                        info={statusInfo}
                        canChange={access.capabilities.includes('document.changeStatus')}
                        onChanged={(next) => {
                          status.replace(next);
                          setStatusVersion((n) => n + 1);
                        }}
                      />
                    ) : status.state.status === 'loading' ? (
                      <p className="muted">{t('lifecycle.loading')}</p>
                    ) : null}
                  </>
                }
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
