import type { License } from '../../shared/domain/licenses';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/apiError';
import type { Team } from '../stores/teams';

/**
 * Records a co-creatieteam's licence choice (call inside the PATCH's transaction, after
 * `team.update` was authorized). Only a co-creatieteam publishes leerarrangementen and trajecten.
 */
export async function chooseTeamLicense(
  tx: Pick<AppDeps, 'stores'>,
  userId: string,
  team: Team,
  license: License,
): Promise<void> {
  if (team.kind !== 'cocreatieteam')
    throw new ApiError(
      400,
      'no_license',
      'Alleen een co-creatieteam kiest een licentie voor wat het publiceert.',
    );
  const current = await tx.stores.teamLicenses.current(team.id);
  if (current.chosen && current.license === license) return;
  await tx.stores.teamLicenses.choose(team.id, license, userId);
  await tx.stores.audit.record('team.license_changed', {
    teamId: team.id,
    actorId: userId,
    details: { from: current.chosen ? current.license : null, to: license },
  });
}
