import { isReadOnlyStatus } from '../../shared/domain/lifecycle';
import type { TrajectContext } from '../../shared/domain/traject/rules';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../http/apiError';
import { authorizeTeam } from '../policies/team';

/** What the traject rules need beyond the items: its team and the recorded agreements. */
export async function trajectRuleContext(
  deps: Pick<AppDeps, 'stores'>,
  traject: { id: string; teamId: string },
): Promise<TrajectContext> {
  const agreements = await deps.stores.trajectAgreements.ofTraject(traject.id);
  return { teamId: traject.teamId, agreedIds: new Set(agreements.map((agreement) => agreement.designId)) };
}

/**
 * Records (or withdraws) that the traject's owner made the agreement of 001 l.283 with the provider
 * of one of its leerarrangementen: owners only (they move the traject to approval, which R9 gates),
 * only for another team's item, and not while the traject's items are frozen.
 */
export async function setTrajectAgreement(
  deps: AppDeps,
  userId: string,
  trajectId: string,
  designId: string,
  confirmed: boolean,
): Promise<void> {
  const traject = await deps.stores.designs.getTraject(trajectId);
  if (!traject) throw notFound('Dit traject bestaat niet.');
  await authorizeTeam(deps.stores, userId, traject.teamId, 'document.changeStatus');
  const item = (await deps.stores.designs.items(trajectId)).find((entry) => entry.designId === designId);
  if (!item) throw notFound('Dit leerarrangement staat niet in het traject.');
  const publication = item.publicationId
    ? await deps.stores.lifecycle.publication(item.publicationId)
    : undefined;
  if (!publication || publication.projection.teamId === traject.teamId) {
    throw new ApiError(
      400,
      'no_agreement_needed',
      'Alleen voor een leerarrangement van een andere aanbieder is een afspraak nodig.',
    );
  }
  if (isReadOnlyStatus(traject.status))
    throw new ApiError(409, 'read_only', 'De leerarrangementen van dit traject liggen vast.');
  await deps.transaction(async (tx) => {
    await tx.stores.trajectAgreements.set(trajectId, designId, confirmed, userId);
    await tx.stores.audit.record('traject.agreement_changed', {
      teamId: traject.teamId,
      actorId: userId,
      details: {
        trajectId,
        title: traject.title,
        designId,
        designTitle: publication.projection.title,
        provider: publication.projection.teamName,
        confirmed,
      },
    });
  });
}
