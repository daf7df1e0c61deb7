import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { DocumentKind } from '../../../shared/schemas/documents';
import { CommentsPanel } from '../comments/CommentsPanel';
import { CommentsToggle } from '../comments/CommentsToggle';
import { AppHeader } from '../../app/AppHeader';
import { Main } from '../../app/Main';
import { PresenceBar } from '../../collab/PresenceBar';
import { SaveStatusIndicator, statusDisplay } from '../../collab/SaveStatusIndicator';
import { VersionsButton } from '../versions/VersionsButton';
import type { CurrentUser } from '../account/accountApi';
import { getTeam, type TeamWithAccess } from '../teams/teamsApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey } from '../../i18n/labels';
import { RoundsButton } from '../rounds/RoundsButton';
import {
  useAwarenessUser,
  useConnectionEnd,
  usePresence,
  useSaveState,
  type PresentUser,
} from '../../collab/hooks';
import type { ConnectionEnd } from '../../collab/ConnectionEndTracker';
import type { SaveState } from '../../collab/SaveTracker';
import { awarenessUser, type AwarenessUser, type CollabSession } from '../../collab/session';
import { useWorkspaceSession } from '../../collab/useWorkspaceSession';
import { Link } from '../../app/Link';
import { teamPath } from '../../app/router';
import { ConnectionEndedNotice } from './ConnectionEndedNotice';
import { OutlineLayout } from '../outline/OutlineLayout';
import { DocumentActions } from '../outline/DocumentActions';
import '../../styles/docHeader.css';
import { useDocumentAccess, useEditAccessTransitions, type DocumentAccess } from './useDocumentAccess';

/*
 * What the collaborative editors (document, ontwikkelpad draft, leerarrangement design) share:
 * opening the session, following the role, save state, connection end and presence, the header's
 * breadcrumb and status, and the page body with the read-only notice and the comments column.
 * What differs (the editor itself, the header's tools, extra notices) stays with each editor.
 */

/** An open session with the role on it; what `CollabWorkspace` hands to the editor. */
export interface OpenSession {
  session: CollabSession;
  access: DocumentAccess;
  onAccessChange: (access: DocumentAccess) => void;
  /** Throw the offline copy away and reopen (after edit access was withdrawn). */
  onDiscard: () => void;
}

/**
 * Opens the collaborative session for `docId` and renders `children` once it is open, anew for
 * every session. The role lives here, above the session, so it survives reopening the session
 * after a discarded copy.
 */
export function CollabWorkspace({
  docId,
  user,
  initialAccess,
  loadingLabel,
  children,
}: {
  docId: string;
  user: CurrentUser;
  initialAccess: DocumentAccess;
  loadingLabel: string;
  children: (open: OpenSession) => ReactNode;
}) {
  const [access, setAccess] = useState(initialAccess);
  const { session, discard } = useWorkspaceSession(docId, user);
  if (!session) {
    return (
      <>
        <AppHeader />
        <Main className="page">
          <p className="muted" data-testid="document-loading">
            {loadingLabel}
          </p>
        </Main>
      </>
    );
  }
  return (
    <Fragment key={session.ydoc.guid}>
      {children({ session, access, onAccessChange: setAccess, onDiscard: discard })}
    </Fragment>
  );
}

/** An open editor's session, role and live state, from `useOpenWorkspace`. */
export interface OpenWorkspace {
  session: CollabSession;
  access: DocumentAccess;
  userId: string;
  /** The user as the other editors see them (name, colour). */
  me: AwarenessUser;
  saveState: SaveState;
  ended: ConnectionEnd | null;
  /** The role may edit (the server's capability list, never a comparison of roles). */
  mayEdit: boolean;
  /** … and the connection has not ended. */
  canEdit: boolean;
  canComment: boolean;
  users: PresentUser[];
}

/** Announces the user, tracks saving, the connection's end, the role and who else is here. */
export function useOpenWorkspace(
  { session, access, onAccessChange, onDiscard }: OpenSession,
  user: CurrentUser,
): OpenWorkspace {
  const me = useMemo(() => awarenessUser({ id: user.id, name: user.name }), [user.id, user.name]);
  useAwarenessUser(session, me);
  const saveState = useSaveState(session);
  const ended = useConnectionEnd(session);
  // Decided by the server's capability list (shared/domain/roles.ts), never by comparing roles.
  const mayEdit = access.capabilities.includes('document.edit');
  const canEdit = mayEdit && ended === null;
  // Commenters comment too (over the HTTP API). This is the live draft's answer; a feedback round's
  // threads follow that round's own `can.comment` from the API (closed rounds are read-only).
  const canComment = access.capabilities.includes('document.comment') && ended === null;
  useDocumentAccess(session, access, onAccessChange, saveState, canEdit);
  useEditAccessTransitions(session, mayEdit, onDiscard);
  const users = usePresence(session);
  return { session, access, userId: user.id, me, saveState, ended, mayEdit, canEdit, canComment, users };
}

function loadTeamIfAny(teamId: string): Promise<TeamWithAccess | null> {
  return teamId ? getTeam(teamId) : Promise.resolve(null);
}

/** The team's name for the breadcrumb, once loaded. */
export function useTeamName(teamId: string | null): string | undefined {
  const team = useLoadable(teamId ?? '', loadTeamIfAny);
  return team.state.status === 'ready' ? team.state.data?.name : undefined;
}

/**
 * The editor's header, kept in view while scrolling: breadcrumb (my teams › the team), the
 * document's `title` or `titleField`, the save status and who is here, then `children` (the
 * editor's tools, grouped as the document's actions).
 */
export function WorkspaceHeader({
  ws,
  teamId,
  teamName,
  title,
  titleField,
  children,
}: {
  ws: OpenWorkspace;
  teamId: string | null;
  /** Without it the team link reads "Team". */
  teamName?: string | undefined;
  /** The document's title as text (the page's h1 says it too; here it stays in view). */
  title?: string;
  titleField?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <AppHeader sticky>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb doc-header__breadcrumb">
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
      {title !== undefined ? (
        <p className="doc-header__title" data-testid="doc-header-title" title={title}>
          {title}
        </p>
      ) : null}
      {titleField}
      <div className="doc-header__state">
        <SaveStatusIndicator
          state={statusDisplay(ws.saveState, ws.ended, !ws.mayEdit)}
          readOnly={!ws.mayEdit}
        />
        <PresenceBar users={ws.users} />
      </div>
      {children ? <DocumentActions>{children}</DocumentActions> : null}
    </AppHeader>
  );
}

/** The editor's tools: versions, feedback rounds and the comments column's toggle. */
export function WorkspaceTools({
  docId,
  canEdit,
  kind,
}: {
  docId: string;
  canEdit: boolean;
  kind: DocumentKind;
}) {
  return (
    <>
      <VersionsButton docId={docId} kind={kind} canEdit={canEdit} />
      <RoundsButton docId={docId} kind={kind} />
      <CommentsToggle />
    </>
  );
}

/**
 * The editor's page body: notices (`notice` first, then read-only), the connection's end, the
 * loading text until `ready`, then `children` beside the comments column (and, with `outline`, the
 * document's outline before both).
 */
export function WorkspaceLayout({
  ws,
  ready,
  loadingLabel,
  loadingHeading,
  notice,
  outline = false,
  children,
}: {
  ws: OpenWorkspace;
  ready: boolean;
  loadingLabel: string;
  /** A visually hidden page heading while loading, for editors whose heading comes with the content. */
  loadingHeading?: string;
  notice?: ReactNode;
  /** Beside a document outline (a sticky column, or "Inhoud" above the page on narrow screens). */
  outline?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const { session, access, mayEdit, ended } = ws;
  const layout = (
    <div className="comments-layout">
      <div className="comments-layout__main">
        {/* A live region that exists from the start, so a role change while reading is announced. */}
        <div role="status" className="readonly-region">
          {notice}
          {!mayEdit && ended === null ? (
            <p className="notice notice--info" data-testid="readonly-banner" data-role={access.role}>
              {t('editor.readOnlyBanner', { role: t(roleLabelKey(access.role)) })}
            </p>
          ) : null}
        </div>
        {ended ? <ConnectionEndedNotice reason={ended} docId={session.docId} /> : null}
        {!ready ? (
          <>
            {loadingHeading !== undefined ? <h1 className="visually-hidden">{loadingHeading}</h1> : null}
            <p className="muted" data-testid="document-loading">
              {loadingLabel}
            </p>
          </>
        ) : (
          children
        )}
      </div>
      {ready ? (
        <CommentsPanel
          docId={session.docId}
          roundId={null}
          ydoc={session.ydoc}
          canComment={ws.canComment}
          currentUserId={ws.userId}
        />
      ) : null}
    </div>
  );
  return outline ? <OutlineLayout>{layout}</OutlineLayout> : layout;
}
