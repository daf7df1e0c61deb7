import { can, type Capability, type Role, type TeamKind } from '../../shared/domain/roles';
import type { Stores } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import type { Team } from '../stores/teams';
import { authorizeTeam } from './team';

/** Only a platform administrator creates a toetsingscommissie: its members decide what is published. */
export async function assertMayCreateTeam(
  stores: Pick<Stores, 'users'>,
  userId: string,
  kind: TeamKind,
): Promise<void> {
  if (kind === 'toetsingscommissie' && !(await stores.users.isAdmin(userId))) {
    throw new ApiError(403, 'admin_only', 'Alleen een beheerder maakt een toetsingscommissie aan.');
  }
}

/** Authorizes `capability` on a team that must be a toetsingscommissie (404 for any other team). */
export async function authorizeReviewTeam(
  stores: Pick<Stores, 'teams'>,
  userId: string,
  teamId: string,
  capability: Capability,
): Promise<{ team: Team; role: Role }> {
  const found = await authorizeTeam(stores, userId, teamId, capability);
  if (found.team.kind !== 'toetsingscommissie') throw notFound('Dit team is geen toetsingscommissie.');
  return found;
}

/**
 * Who may decide on (and judge) a submission: an owner or editor of the toetsingscommissie it was
 * submitted to who is not also in the design's own team — independence is the point of the
 * externe toetsing (001 l.267). Anyone else, the submitting team's owner included, gets 403.
 * Returns the assignment, now known to exist.
 */
export async function authorizeDecision<A extends { reviewTeamId: string }>(
  stores: Pick<Stores, 'teams'>,
  userId: string,
  assignment: A | undefined,
  designTeamId: string | null,
): Promise<A> {
  // Without an open submission (one from before externe toetsing existed) nobody decides: the
  // team withdraws and submits again.
  const role = assignment ? await stores.teams.role(assignment.reviewTeamId, userId) : undefined;
  const designRole = designTeamId ? await stores.teams.role(designTeamId, userId) : undefined;
  // Someone in neither team learns nothing about the design, its status included.
  if (!role && !designRole) throw forbidden('Je hebt geen toegang tot dit document.');
  if (!assignment || !can(role, 'review.decide')) {
    throw new ApiError(
      403,
      'review_team_only',
      'Alleen de toetsingscommissie waarbij het ontwerp is aangemeld, beslist over goedkeuren of afkeuren.',
    );
  }
  if (designRole) {
    throw new ApiError(
      403,
      'reviewer_conflict',
      'Je bent lid van het team dat dit ontwerp maakte en beoordeelt het daarom niet.',
    );
  }
  return assignment;
}

/** Reading a submission: any member of the committee it was submitted to (404 if unknown, else 403). */
export async function authorizeReadAssignment<A extends { reviewTeamId: string }>(
  stores: Pick<Stores, 'teams'>,
  userId: string,
  assignment: A | undefined,
): Promise<A> {
  if (!assignment) throw notFound('Deze aanmelding bestaat niet.');
  const role = await stores.teams.role(assignment.reviewTeamId, userId);
  if (!can(role, 'team.read')) throw forbidden('Je bent geen lid van deze toetsingscommissie.');
  return assignment;
}
