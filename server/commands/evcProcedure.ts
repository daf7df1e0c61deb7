import { can } from '../../shared/domain/roles';
import { hasEvcProcedure, type EvcProcedure } from '../../shared/domain/evcProcedure';
import type { AppDeps } from '../deps';
import { authorizeTeam } from '../policies/team';
import type { StoredEvcProcedure } from '../stores/evcProcedures';

/** A team's EVC procedure as the team page shows it. */
export interface EvcProcedureView {
  /** null while the team has none (never written, or every field empty). */
  procedure: EvcProcedure | null;
  updatedAt: string | null;
  canEdit: boolean;
}

/** The procedure part of a stored row; null when every field is empty. */
function procedureOf(stored: StoredEvcProcedure | undefined): EvcProcedure | null {
  if (!stored) return null;
  const procedure = { recognition: stored.recognition, coverage: stored.coverage, followUp: stored.followUp };
  return hasEvcProcedure(procedure) ? procedure : null;
}

/** The team's EVC procedure, for any member; with whether the caller may change it. */
export async function getEvcProcedure(
  deps: AppDeps,
  userId: string,
  teamId: string,
): Promise<EvcProcedureView> {
  const { role } = await authorizeTeam(deps.stores, userId, teamId, 'team.read');
  const stored = await deps.stores.evcProcedures.get(teamId);
  return {
    procedure: procedureOf(stored),
    updatedAt: stored ? new Date(stored.updatedAt).toISOString() : null,
    canEdit: can(role, 'team.editEvc'),
  };
}

/** Writes the team's EVC procedure whole (owners and editors), with an audit entry. */
export async function putEvcProcedure(
  deps: AppDeps,
  userId: string,
  teamId: string,
  procedure: EvcProcedure,
): Promise<EvcProcedureView> {
  await authorizeTeam(deps.stores, userId, teamId, 'team.editEvc');
  await deps.transaction(async (tx) => {
    await tx.stores.evcProcedures.put(teamId, procedure);
    await tx.stores.audit.record('team.evc_updated', { teamId, actorId: userId, details: {} });
  });
  return getEvcProcedure(deps, userId, teamId);
}

/** The procedure a certificate refers to; null when the team has none. */
export async function teamEvcProcedure(deps: AppDeps, teamId: string | null): Promise<EvcProcedure | null> {
  return teamId ? procedureOf(await deps.stores.evcProcedures.get(teamId)) : null;
}
