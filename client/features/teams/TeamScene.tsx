import { useReducer } from 'react';
import type { Capability } from '../../../shared/domain/roles';
import { RequireUser } from '../auth/RequireUser';
import { PageShell } from '../../app/PageShell';
import { SceneLoadGate } from '../../app/SceneLoadGate';
import type { CurrentUser } from '../account/accountApi';
import { getTeam, listMembers, listTeamDocuments } from './teamsApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { AuditTrail } from './AuditTrail';
import { InvitesSection } from './InvitesSection';
import { LeaveTeam } from './LeaveTeam';
import { MembersSection } from './MembersSection';
import { ReviewRequestsSection } from './ReviewRequestsSection';
import { TeamDesigns } from './TeamDesigns';
import { TeamDetails } from './TeamDetails';
import { TeamDocuments } from './TeamDocuments';
import { TeamLicense } from './TeamLicense';
import { TeamStorage } from './TeamStorage';
import { TeamTemplates } from './TeamTemplates';
import { EvcProcedureSection } from '../certificates/EvcProcedureSection';
import { CommitteeSections } from '../review/CommitteeSections';

/** `/teams/:teamId`: the team, its documents, members, invite links, review requests, and audit trail. */
export function TeamScene({ teamId }: { teamId: string }) {
  return <RequireUser>{(user) => <TeamPage teamId={teamId} user={user} />}</RequireUser>;
}

function TeamPage({ teamId, user }: { teamId: string; user: CurrentUser }) {
  const t = useT();
  // Every write on this page bumps the version: team, members, invites and audit trail all
  // refetch quietly, so what one section changed shows up in the others (and in the trail).
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const team = useLoadable(teamId, getTeam, version);
  const members = useLoadable(teamId, listMembers, version);
  // One request for both lists: free documents and ontwikkelpad drafts.
  const documents = useLoadable(teamId, listTeamDocuments, version);

  const memberList = members.state.status === 'ready' ? members.state.data : [];

  return (
    <SceneLoadGate
      state={team.state}
      loadingLabel={t('team.loading')}
      unavailableTestId="team-unavailable"
      headings={{ 404: t('team.notFound'), 403: t('team.noAccess') }}
      back={{ to: '/', label: t('common.toMyTeams') }}
    >
      {(data) => {
        const allowed = (capability: Capability) => data.capabilities.includes(capability);
        return (
          <PageShell title={data.name}>
            <TeamDetails team={data} canEdit={allowed('team.update')} onChanged={bump} />
            <TeamStorage teamId={teamId} version={version} />
            <TeamTemplates
              teamId={teamId}
              kind={data.kind}
              canCreate={allowed('document.create')}
              documents={documents.state}
            />
            {data.kind === 'cocreatieteam' ? (
              <TeamLicense team={data} canEdit={allowed('team.update')} onChanged={bump} />
            ) : null}
            {data.kind === 'cocreatieteam' ? (
              <TeamDesigns
                teamId={teamId}
                canCreate={allowed('document.create')}
                documents={documents.state}
              />
            ) : null}
            {data.kind === 'cocreatieteam' ? <EvcProcedureSection teamId={teamId} onChanged={bump} /> : null}
            {data.kind === 'toetsingscommissie' ? (
              <CommitteeSections
                teamId={teamId}
                version={version}
                canEditFrame={allowed('review.editFrame')}
              />
            ) : null}
            <TeamDocuments
              teamId={teamId}
              canCreate={allowed('document.create')}
              documents={documents.state}
            />
            <MembersSection
              teamId={teamId}
              me={user}
              members={members.state}
              canManage={allowed('team.manageMembers')}
              onChanged={bump}
            />
            {allowed('team.manageMembers') ? (
              <InvitesSection teamId={teamId} version={version} onChanged={bump} />
            ) : null}
            {allowed('team.manageMembers') ? (
              <ReviewRequestsSection teamId={teamId} version={version} onChanged={bump} />
            ) : null}
            <LeaveTeam teamId={teamId} me={user} />
            {allowed('team.readAudit') ? (
              <AuditTrail teamId={teamId} version={version} members={memberList} />
            ) : null}
          </PageShell>
        );
      }}
    </SceneLoadGate>
  );
}
