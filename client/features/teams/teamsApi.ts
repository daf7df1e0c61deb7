import type { InferRequestType, InferResponseType } from 'hono/client';
import type { Role } from '../../../shared/domain/roles';
import { api, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const team = api.teams[':teamId'];

/** One of my teams, with my role in it (GET /api/teams). */
export type MyTeam = InferResponseType<typeof api.teams.$get, 200>[number];

/** A team with what the caller may do in it (GET /api/teams/:id). */
export type TeamWithAccess = InferResponseType<typeof team.$get, 200>;

/** A member of a team. */
export type Member = InferResponseType<typeof team.members.$get, 200>[number];

/** An invite link as the team page lists it (never the token). */
export type Invite = InferResponseType<typeof team.invites.$get, 200>[number];

/** A freshly created invite: the only moment its token and link are known. */
export type CreatedInvite = InferResponseType<typeof team.invites.$post, 201>;

/** One entry of a team's audit trail. */
export type AuditEvent = InferResponseType<typeof team.audit.$get, 200>[number];

/** GET /api/teams — my teams. */
export function listTeams(): Promise<MyTeam[]> {
  return readJson(api.teams.$get());
}

/** POST /api/teams — the creator becomes owner. */
export function createTeam(body: InferRequestType<typeof api.teams.$post>['json']) {
  return readJson(api.teams.$post({ json: body }));
}

/** GET /api/teams/:id — with my role and capabilities. */
export function getTeam(teamId: string): Promise<TeamWithAccess> {
  return readJson(team.$get({ param: pathParams({ teamId }) }));
}

/** A team's storage use against its quota, in bytes (GET /api/teams/:id/storage). */
export type TeamStorageUse = InferResponseType<typeof team.storage.$get, 200>;

/** GET /api/teams/:id/storage. */
export function getTeamStorage(teamId: string): Promise<TeamStorageUse> {
  return readJson(team.storage.$get({ param: pathParams({ teamId }) }));
}

/** PATCH /api/teams/:id (owner). */
export function updateTeam(teamId: string, body: InferRequestType<typeof team.$patch>['json']) {
  return readJson(team.$patch({ param: pathParams({ teamId }), json: body }));
}

/** GET /api/teams/:id/members. */
export function listMembers(teamId: string): Promise<Member[]> {
  return readJson(team.members.$get({ param: pathParams({ teamId }) }));
}

/** POST /api/teams/:id/members — adds an existing account by e-mail. */
export function addMember(teamId: string, body: InferRequestType<typeof team.members.$post>['json']) {
  return readJson(team.members.$post({ param: pathParams({ teamId }), json: body }));
}

/** PATCH /api/teams/:id/members/:userId. */
export function changeMemberRole(teamId: string, userId: string, role: Role): Promise<void> {
  return readJson(team.members[':userId'].$patch({ param: pathParams({ teamId, userId }), json: { role } }));
}

/** DELETE /api/teams/:id/members/:userId — removing someone, or leaving (own id). */
export function removeMember(teamId: string, userId: string): Promise<void> {
  return readJson(team.members[':userId'].$delete({ param: pathParams({ teamId, userId }) }));
}

/** GET /api/teams/:id/invites (owner). */
export function listInvites(teamId: string): Promise<Invite[]> {
  return readJson(team.invites.$get({ param: pathParams({ teamId }) }));
}

/** POST /api/teams/:id/invites — a single-use link. */
export function createInvite(
  teamId: string,
  body: InferRequestType<typeof team.invites.$post>['json'],
): Promise<CreatedInvite> {
  return readJson(team.invites.$post({ param: pathParams({ teamId }), json: body }));
}

/** DELETE /api/teams/:id/invites/:inviteId. */
export function revokeInvite(teamId: string, inviteId: string): Promise<void> {
  return readJson(team.invites[':inviteId'].$delete({ param: pathParams({ teamId, inviteId }) }));
}

/** A request of another team to review one of its rounds (GET /api/teams/:id/review-requests). */
export type ReviewRequest = InferResponseType<(typeof team)['review-requests']['$get'], 200>[number];

/** GET /api/teams/:id/review-requests — waiting for an owner's answer (owner). */
export function listReviewRequests(teamId: string): Promise<ReviewRequest[]> {
  return readJson(team['review-requests'].$get({ param: pathParams({ teamId }) }));
}

/** POST /api/teams/:id/review-requests/:roundId/{accept,decline} — an owner answers for the team. */
export function answerReviewRequest(
  teamId: string,
  roundId: string,
  answer: 'accept' | 'decline',
): Promise<void> {
  const request = team['review-requests'][':roundId'];
  const param = pathParams({ teamId, roundId });
  return readJson(answer === 'accept' ? request.accept.$post({ param }) : request.decline.$post({ param }));
}

/** GET /api/teams/:id/audit — newest first (owner). */
export function listAudit(teamId: string): Promise<AuditEvent[]> {
  return readJson(team.audit.$get({ param: pathParams({ teamId }) }));
}

/** GET /api/teams/:id/documents. */
export function listTeamDocuments(teamId: string) {
  return readJson(team.documents.$get({ param: pathParams({ teamId }) }));
}
