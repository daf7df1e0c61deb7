import { useState } from 'react';
import { isReadOnlyStatus } from '../../../shared/domain/lifecycle';
import { EditorRegistryProvider } from '../comments/EditorRegistry';
import { Main } from '../../app/Main';
import { usePageTitle } from '../../app/PageShell';
import { ExportMenu } from '../versions/ExportMenu';
import type { CurrentUser } from '../account/accountApi';
import { useLoadable } from '../../api/useLoadable';
import { getDesignStatus } from '../versions/versionsApi';
import { useT } from '../../i18n/I18nProvider';
import { useDocumentReady, useSections } from '../../collab/hooks';
import { Link } from '../../app/Link';
import { catalogEntryPath } from '../../app/router';
import {
  CollabWorkspace,
  useOpenWorkspace,
  WorkspaceHeader,
  WorkspaceLayout,
  WorkspaceTools,
  type OpenSession,
} from '../documents/WorkspaceShell';
import type { LoadedDesign } from './DesignEditorScene';
import { DesignForm } from './DesignForm';
import { useFeedbackEvidence } from '../rounds/useFeedbackEvidence';
import { LifecyclePanel, StatusBadge, statusLabel } from './LifecyclePanel';

/**
 * Opens the collaborative session of the design: the same session, save tracking, presence and
 * access following as the other editors (DocumentEditor/WorkspaceShell).
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
  return (
    <CollabWorkspace
      docId={loaded.info.id}
      user={user}
      initialAccess={{ role: loaded.info.role, capabilities: loaded.info.capabilities }}
      loadingLabel={t('design.loading')}
    >
      {(open) => <OpenDesign open={open} user={user} loaded={loaded} onReload={onReload} />}
    </CollabWorkspace>
  );
}

function OpenDesign({
  open,
  user,
  loaded,
  onReload,
}: {
  open: OpenSession;
  user: CurrentUser;
  loaded: LoadedDesign;
  onReload: () => void;
}) {
  const t = useT();
  const { session, access } = open;
  const ws = useOpenWorkspace(open, user);
  const sections = useSections(session);
  const ready = useDocumentReady(session, sections.length > 0);
  const { info } = loaded;
  const [statusVersion, setStatusVersion] = useState(0);
  const status = useLoadable(session.docId, getDesignStatus, statusVersion);
  const statusInfo = status.state.status === 'ready' ? status.state.data : null;
  const feedback = useFeedbackEvidence(session.docId);
  const frozen = statusInfo ? isReadOnlyStatus(statusInfo.status) : false;
  // A frozen design can still be commented on.
  const editable = ws.canEdit && !frozen;
  const shownTitle = info.title || t('design.untitled');
  usePageTitle(shownTitle);

  return (
    <EditorRegistryProvider canComment={ws.canComment} initiallyOpen={false}>
      {/* The team's name is not loaded here: the link reads "Team". */}
      <WorkspaceHeader ws={ws} teamId={info.teamId} title={shownTitle}>
        <WorkspaceTools docId={session.docId} canEdit={editable} kind="leerarrangement" />
        <ExportMenu docId={session.docId} title={info.title} />
      </WorkspaceHeader>
      <Main className="page page--draft page--comments">
        <WorkspaceLayout
          ws={ws}
          ready={ready}
          loadingLabel={t('design.loading')}
          loadingHeading={shownTitle}
          outline
          notice={
            frozen && statusInfo && ws.ended === null ? (
              <p className="notice notice--info" data-testid="frozen-banner">
                {t('lifecycle.frozen', { label: statusLabel(statusInfo.status, t) })}
              </p>
            ) : null
          }
        >
          <DesignForm
            session={session}
            loaded={loaded}
            sections={sections}
            user={ws.me}
            editable={editable}
            onReload={onReload}
            feedback={feedback}
            lifecycle={
              <>
                <div className="design-bar" data-testid="design-bar">
                  {statusInfo ? (
                    <p className="design-bar__status">
                      {t('lifecycle.current')}: <StatusBadge status={statusInfo.status} />
                    </p>
                  ) : null}
                  {info.origin === 'bestaand' ? (
                    <p className="design-bar__origin" data-testid="design-origin">
                      <span className="badge">{t('quality.origin.existing')}</span>
                    </p>
                  ) : null}
                  {statusInfo?.basedOn ? (
                    <p className="design-bar__based" data-testid="based-on">
                      {t('lifecycle.basedOn')}{' '}
                      <Link to={catalogEntryPath(statusInfo.basedOn.id)}>
                        {statusInfo.basedOn.title ?? t('lifecycle.basedOnUnknown')}
                      </Link>
                      {statusInfo.basedOn.teamName ? ` — ${statusInfo.basedOn.teamName}` : ''} (
                      {statusInfo.basedOn.license})
                    </p>
                  ) : null}
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
        </WorkspaceLayout>
      </Main>
    </EditorRegistryProvider>
  );
}
