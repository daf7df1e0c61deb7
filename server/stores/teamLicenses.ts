import { DEFAULT_LICENSE, isLicense, type License } from '../../shared/domain/licenses';
import type { Executor } from '../db/database';

/** A team's licence: its choice, or the suggested default when it never chose. */
export interface TeamLicense {
  license: License;
  /** False while the default applies because the team never chose. */
  chosen: boolean;
  chosenAt: string | null;
}

/** Queries on `team_licenses`, an append-only history of each team's licence choice. */
export function createTeamLicenseStore(db: Executor) {
  /** The latest choice made at or before `at` (ms), if any. */
  async function latest(teamId: string, at?: number) {
    let query = db.selectFrom('team_licenses').select(['license', 'chosen_at']).where('team_id', '=', teamId);
    if (at !== undefined) query = query.where('chosen_at', '<=', at);
    return query.orderBy('chosen_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  }
  return {
    /** The licence the team publishes under now. */
    async current(teamId: string): Promise<TeamLicense> {
      const row = await latest(teamId);
      return row && isLicense(row.license)
        ? { license: row.license, chosen: true, chosenAt: new Date(row.chosen_at).toISOString() }
        : { license: DEFAULT_LICENSE, chosen: false, chosenAt: null };
    },
    /**
     * The licence that was current at `at` (ISO time), i.e. the one a publication approved then
     * carries: a later choice never relicenses what is already public.
     */
    async at(teamId: string, at: string): Promise<License> {
      const row = await latest(teamId, Date.parse(at));
      return row && isLicense(row.license) ? row.license : DEFAULT_LICENSE;
    },
    /** Records a new choice. */
    async choose(teamId: string, license: License, userId: string, now = Date.now()): Promise<void> {
      await db
        .insertInto('team_licenses')
        .values({ team_id: teamId, license, chosen_by: userId, chosen_at: now })
        .execute();
    },
  };
}

export type TeamLicenseStore = ReturnType<typeof createTeamLicenseStore>;
