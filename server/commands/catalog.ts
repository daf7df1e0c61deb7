import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DEFAULT_LICENSE, type License } from '../../shared/domain/licenses';
import type { AppDeps } from '../deps';
import { forbidden, notFound } from '../http/apiError';
import { authorizeTeam } from '../policies/team';
import type { Publication } from '../stores/lifecycle';
import type { TrajectPublication } from '../stores/trajectLifecycle';

/**
 * The licence a publication carries (open-source principle, 001 l.263, 279): its team's choice as it
 * stood at approval (server/stores/teamLicenses.ts), so a later choice never relicenses it. A
 * publication that is gone keeps the default, the stamp everything carried before teams chose.
 */
export async function publicationLicense(
  deps: Pick<AppDeps, 'stores'>,
  publication: { projection: { teamId: string }; approvedAt: string } | undefined,
): Promise<License> {
  if (!publication) return DEFAULT_LICENSE;
  return deps.stores.teamLicenses.at(publication.projection.teamId, publication.approvedAt);
}

/** What the catalog says of a publication beyond its frozen copy. */
interface Presented {
  license: License;
  /** Whether the ontwikkelpad version it was designed against is vastgesteld (001 l.70). */
  templateEstablished: boolean;
}

async function presented(
  deps: Pick<AppDeps, 'stores'>,
  publication: { projection: { teamId: string; template: { id: string } }; approvedAt: string },
): Promise<Presented> {
  return {
    license: await publicationLicense(deps, publication),
    templateEstablished: await deps.stores.templateEstablishments.isEstablished(
      publication.projection.template.id,
    ),
  };
}

/** Filters of the public catalog. */
export interface CatalogFilter {
  q?: string | undefined;
  sector?: string | undefined;
  /** A template version id, or the ontwikkelpad's key (every version of it). */
  templateId?: string | undefined;
  outcomeId?: string | undefined;
}

function summary(publication: Publication, { license, templateEstablished }: Presented) {
  const { projection } = publication;
  return {
    id: publication.docId,
    title: projection.title,
    team: { id: projection.teamId, name: projection.teamName },
    template: { ...projection.template, established: templateEstablished },
    outcomes: projection.outcomes.map(({ id, code, title }) => ({ id, code, title })),
    sectors: projection.content.sectors,
    ects: projection.content.ects,
    license,
    approvedAt: publication.approvedAt,
  };
}

/** Everything free-text search looks through. */
function searchableText(publication: Publication): string {
  const { projection } = publication;
  const { content } = projection;
  return [
    projection.title,
    projection.teamName,
    projection.template.title,
    ...projection.outcomes.flatMap((outcome) => [outcome.code, outcome.title]),
    content.trajectRelation,
    content.evcApproach,
    ...content.activities.map((activity) => activity.title),
    ...Object.values(content.evidence),
  ]
    .join('\n')
    .toLocaleLowerCase('nl');
}

/**
 * Approved designs only: the catalog reads the publications frozen at approval (never a live
 * document), so no draft can appear here.
 */
export async function searchCatalog(deps: AppDeps, filter: CatalogFilter) {
  const words = (filter.q ?? '').toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const found = (await deps.stores.lifecycle.publications()).filter((publication) => {
    const { projection } = publication;
    if (filter.sector && !projection.content.sectors.includes(filter.sector as never)) return false;
    if (
      filter.templateId &&
      projection.template.id !== filter.templateId &&
      projection.template.templateKey !== filter.templateId
    )
      return false;
    if (filter.outcomeId && !projection.content.targetedOutcomeIds.includes(filter.outcomeId)) return false;
    if (words.length === 0) return true;
    const text = searchableText(publication);
    return words.every((word) => text.includes(word));
  });
  return Promise.all(
    found.map(async (publication) => summary(publication, await presented(deps, publication))),
  );
}

/**
 * One approved design with its plain projection and every written section (rendered on a pool
 * thread from the state frozen at approval); 404 for anything not approved.
 */
export async function catalogEntry(deps: AppDeps, docId: string) {
  const publication = await deps.stores.lifecycle.publication(docId);
  const state = await deps.stores.lifecycle.publishedState(docId);
  if (!publication || !state) throw notFound('Dit leerarrangement staat niet in de catalogus.');
  return {
    ...summary(publication, await presented(deps, publication)),
    content: publication.projection.content,
    sections: await sectionsOf(deps, state),
  };
}

/**
 * A published state up to this size is rendered on the event loop (a few ms): a public page should
 * not wait for a pool thread, which a busy machine starves (it runs niced). Larger ones go to the pool.
 */
const INLINE_RENDER_BYTES = 64 * 1024;

async function sectionsOf(deps: AppDeps, state: Uint8Array) {
  if (state.byteLength <= INLINE_RENDER_BYTES)
    return (await import('../render/catalogSections')).catalogSections(state);
  return await deps.workers.run('catalogSections', { state }, [state.buffer as ArrayBuffer]);
}

/**
 * *Hergebruiken*: copies the approved state into a new draft design of the caller's co-creatieteam,
 * pinned to the same ontwikkelpad version, with its lineage ("gebaseerd op …").
 */
export async function reuseDesign(
  deps: AppDeps,
  userId: string,
  sourceId: string,
  teamId: string,
): Promise<{ id: string }> {
  const publication = await deps.stores.lifecycle.publication(sourceId);
  const state = await deps.stores.lifecycle.publishedState(sourceId);
  if (!publication || !state) throw notFound('Dit leerarrangement staat niet in de catalogus.');
  const { team } = await authorizeTeam(deps.stores, userId, teamId, 'document.create');
  if (team.kind !== 'cocreatieteam') throw forbidden('Alleen een co-creatieteam ontwerpt leerarrangementen.');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  const id = randomUUID();
  const title = publication.projection.title;
  await deps.transaction(async (tx) => {
    await tx.stores.documents.insert({
      id,
      teamId: team.id,
      createdBy: userId,
      title,
      kind: 'leerarrangement',
    });
    await tx.stores.documents.writeInitialState(id, state, stateVector);
    await tx.stores.designs.insertDesign(id, publication.projection.template.id);
    await tx.stores.lifecycle.setBasedOn(id, sourceId);
    await tx.stores.audit.record('design.reused', {
      teamId: team.id,
      actorId: userId,
      details: { documentId: id, basedOn: sourceId, title },
    });
  });
  return { id };
}

// --- Professionaliseringstrajecten --------------------------------------------------------------

function trajectSummary(publication: TrajectPublication, { license, templateEstablished }: Presented) {
  const { projection } = publication;
  const covered = projection.coverage.filter((row) => row.coveredBy.length > 0).map((row) => row.outcome);
  return {
    id: publication.trajectId,
    kind: 'traject' as const,
    title: projection.title,
    team: { id: projection.teamId, name: projection.teamName },
    template: { ...projection.template, established: templateEstablished },
    /** The leeruitkomsten its leerarrangementen cover together. */
    outcomes: covered.map(({ id, code, title }) => ({ id, code, title })),
    sectors: [...new Set(projection.items.flatMap((item) => item.sectors))],
    /** Size: the study load from the lightest to the heaviest path through its alternatives. */
    ects: projection.totals.ects,
    ectsMax: projection.totals.ectsMax ?? projection.totals.ects,
    hours: projection.totals.hours,
    hoursMax: projection.totals.hoursMax ?? projection.totals.hours,
    itemCount: projection.items.length,
    license,
    approvedAt: publication.approvedAt,
  };
}

function trajectSearchableText(publication: TrajectPublication): string {
  const { projection } = publication;
  return [
    projection.title,
    projection.teamName,
    projection.template.title,
    ...projection.items.flatMap((item) => [item.title, item.teamName ?? '']),
    ...projection.coverage.flatMap((row) => [row.outcome.code, row.outcome.title]),
  ]
    .join('\n')
    .toLocaleLowerCase('nl');
}

/** Approved trajecten only, from their frozen publications; the same filters as designs. */
export async function searchTrajectCatalog(deps: AppDeps, filter: CatalogFilter) {
  const words = (filter.q ?? '').toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const all = await Promise.all(
    (await deps.stores.trajectLifecycle.publications()).map(async (publication) => ({
      publication,
      summary: trajectSummary(publication, await presented(deps, publication)),
    })),
  );
  return all
    .filter(({ publication, summary }) => {
      if (filter.sector && !summary.sectors.includes(filter.sector)) return false;
      if (
        filter.templateId &&
        summary.template.id !== filter.templateId &&
        summary.template.templateKey !== filter.templateId
      )
        return false;
      if (filter.outcomeId && !summary.outcomes.some((outcome) => outcome.id === filter.outcomeId))
        return false;
      if (words.length === 0) return true;
      const text = trajectSearchableText(publication);
      return words.every((word) => text.includes(word));
    })
    .map(({ summary }) => summary);
}

/**
 * One approved traject: its leerarrangementen as frozen at approval (each was itself approved
 * then, so each links to its own catalog page), and the coverage; 404 for anything not approved.
 */
export async function trajectCatalogEntry(deps: AppDeps, trajectId: string) {
  const publication = await deps.stores.trajectLifecycle.publication(trajectId);
  if (!publication) throw notFound('Dit traject staat niet in de catalogus.');
  const { projection } = publication;
  return {
    ...trajectSummary(publication, await presented(deps, publication)),
    items: await Promise.all(
      projection.items.map(async (item) => ({
        id: item.designId,
        title: item.title,
        team: { id: item.teamId, name: item.teamName },
        position: item.position,
        alternativeGroup: item.alternativeGroup,
        outcomes: item.outcomes,
        ects: item.ects,
        hours: item.hours,
        // Still in the catalog (a design is removed from it only when its team deletes it).
        inCatalog: (await deps.stores.lifecycle.publication(item.designId)) !== undefined,
      })),
    ),
    coverage: projection.coverage,
  };
}
