import type { Criterion, Round } from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';
import { canOnRound, effectiveStatus, type RoundAccess } from '../policies/round';
import type { RoundRow } from '../stores/rounds';
import { iso, person } from './common';

/** The round's criteria (stored as JSON). */
export function criteriaOf(round: RoundRow): Criterion[] {
  return JSON.parse(round.criteria) as Criterion[];
}

/**
 * The round as the caller sees it, with what they may do now (the round policy's answers). A round
 * past its deadline shows as closed at its deadline even before the deadline job has closed it.
 */
export async function presentRound(
  deps: Pick<AppDeps, 'stores'>,
  round: RoundRow,
  access: RoundAccess,
  now = Date.now(),
): Promise<Round> {
  const document = (await deps.stores.documents.get(round.doc_id))!;
  const team = document.teamId ? await deps.stores.teams.get(document.teamId) : undefined;
  const version = await deps.stores.versions.get(round.doc_id, round.version_id);
  const status = effectiveStatus(round, now);
  const closedAt = round.closed_at ?? (status === 'open' ? null : round.deadline);
  return {
    id: round.id,
    docId: round.doc_id,
    documentTitle: document.title,
    teamId: team?.id ?? '',
    teamName: team?.name ?? '',
    version: { id: round.version_id, label: version?.label ?? '', createdAt: version?.createdAt ?? '' },
    title: round.title,
    description: round.description,
    deadline: new Date(round.deadline).toISOString(),
    criteria: criteriaOf(round),
    status,
    createdBy: person(
      round.created_by,
      round.created_by ? (await deps.stores.users.get(round.created_by))?.name : null,
    ),
    createdAt: new Date(round.created_at).toISOString(),
    closedAt: iso(closedAt),
    completedAt: iso(round.completed_at),
    access: access.kind,
    can: {
      comment: canOnRound(access, round, 'comment', now),
      respond: canOnRound(access, round, 'respond', now),
      manage: canOnRound(access, round, 'manage', now),
      triage: canOnRound(access, round, 'triage', now),
    },
  };
}
