import { can, type Capability, type Role } from '../../shared/domain/roles';
import type { Stores } from '../deps';
import { forbidden, notFound } from '../http/apiError';
import type { Team } from '../stores/teams';

/**
 * Authorizes `userId` for `capability` on a team: 404 for an unknown team, 403 for a non-member
 * or a role without the capability. Returns the team and the caller's role.
 */
export async function authorizeTeam(
  stores: Pick<Stores, 'teams'>,
  userId: string,
  teamId: string,
  capability: Capability,
): Promise<{ team: Team; role: Role }> {
  const team = await stores.teams.get(teamId);
  if (!team) throw notFound('Dit team bestaat niet.');
  const role = await stores.teams.role(teamId, userId);
  if (!can(role, capability)) {
    throw forbidden(role ? 'Je rol in dit team staat dit niet toe.' : 'Je bent geen lid van dit team.');
  }
  return { team, role: role as Role };
}

/**
 * Inside a transaction that changes memberships, before reading any: locks the team's row, so
 * such transactions run one after the other per team (what assertKeepsOwner relies on). 404 when
 * the team was deleted since it was authorized.
 */
export async function lockTeam(stores: Pick<Stores, 'teams'>, teamId: string): Promise<void> {
  if (!(await stores.teams.lock(teamId))) throw notFound('Dit team bestaat niet.');
}

/**
 * A team must always keep an owner: refuses a change that would leave it without one. Call inside
 * the transaction that makes the change, after lockTeam: otherwise two owners demoting each other
 * at once each still count the other and leave the team without one.
 * `newRole` undefined means the member is removed.
 */
export async function assertKeepsOwner(
  stores: Pick<Stores, 'teams'>,
  teamId: string,
  currentRole: Role | undefined,
  newRole: Role | undefined,
): Promise<void> {
  if (currentRole === 'owner' && newRole !== 'owner' && (await stores.teams.ownerCount(teamId)) <= 1) {
    throw forbidden('Een team houdt altijd minstens één eigenaar. Maak eerst iemand anders eigenaar.');
  }
}
