import type { Capability, Role, TeamKind } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import { requestJson } from './request';

/** A team as the API presents it. */
export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  lab: string | null;
  consortium: string | null;
  createdAt: string;
}

/** One of my teams, with my role in it. */
export interface MyTeam extends Team {
  role: Role;
}

/** A team with what the caller may do in it (GET /api/teams/:id). */
export interface TeamWithAccess extends MyTeam {
  capabilities: Capability[];
}

/** A member of a team. */
export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
}

/** An invite link as the team page lists it (never the token). */
export interface Invite {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

/** A freshly created invite: the only moment its token and link are known. */
export interface CreatedInvite {
  id: string;
  token: string;
  url: string;
  role: Role;
  expiresAt: string;
}

/** One entry of a team's audit trail. */
export interface AuditEvent {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
  createdAt: string;
}

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

/** GET /api/teams — my teams. */
export function listTeams(): Promise<MyTeam[]> {
  return requestJson<MyTeam[]>('/api/teams');
}

/** POST /api/teams — the creator becomes owner. */
export function createTeam(body: {
  name: string;
  kind: TeamKind;
  lab?: string;
  consortium?: string;
}): Promise<{ id: string }> {
  return requestJson<{ id: string }>('/api/teams', { method: 'POST', body });
}

/** GET /api/teams/:id — with my role and capabilities. */
export function getTeam(teamId: string): Promise<TeamWithAccess> {
  return requestJson<TeamWithAccess>(base(teamId));
}

/** PATCH /api/teams/:id (owner). */
export function updateTeam(
  teamId: string,
  body: { name?: string; lab?: string; consortium?: string },
): Promise<Team> {
  return requestJson<Team>(base(teamId), { method: 'PATCH', body });
}

/** GET /api/teams/:id/members. */
export function listMembers(teamId: string): Promise<Member[]> {
  return requestJson<Member[]>(`${base(teamId)}/members`);
}

/** POST /api/teams/:id/members — adds an existing account by e-mail. */
export function addMember(teamId: string, body: { email: string; role: Role }): Promise<{ userId: string }> {
  return requestJson<{ userId: string }>(`${base(teamId)}/members`, { method: 'POST', body });
}

/** PATCH /api/teams/:id/members/:userId. */
export function changeMemberRole(teamId: string, userId: string, role: Role): Promise<void> {
  return requestJson<void>(`${base(teamId)}/members/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    body: { role },
  });
}

/** DELETE /api/teams/:id/members/:userId — removing someone, or leaving (own id). */
export function removeMember(teamId: string, userId: string): Promise<void> {
  return requestJson<void>(`${base(teamId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

/** GET /api/teams/:id/invites (owner). */
export function listInvites(teamId: string): Promise<Invite[]> {
  return requestJson<Invite[]>(`${base(teamId)}/invites`);
}

/** POST /api/teams/:id/invites — a single-use link. */
export function createInvite(
  teamId: string,
  body: { role: Role; expiresInDays?: number },
): Promise<CreatedInvite> {
  return requestJson<CreatedInvite>(`${base(teamId)}/invites`, { method: 'POST', body });
}

/** DELETE /api/teams/:id/invites/:inviteId. */
export function revokeInvite(teamId: string, inviteId: string): Promise<void> {
  return requestJson<void>(`${base(teamId)}/invites/${encodeURIComponent(inviteId)}`, { method: 'DELETE' });
}

/** GET /api/teams/:id/audit — newest first (owner). */
export function listAudit(teamId: string): Promise<AuditEvent[]> {
  return requestJson<AuditEvent[]>(`${base(teamId)}/audit`);
}

/** GET /api/teams/:id/documents. */
export function listTeamDocuments(teamId: string): Promise<DocumentSummary[]> {
  return requestJson<DocumentSummary[]>(`${base(teamId)}/documents`);
}
