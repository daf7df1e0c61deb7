import {
  designCertificate,
  trajectCertificate,
  type CertificateIssuer,
  type DesignCertificate,
  type TrajectCertificate,
} from '../../shared/domain/certificate';
import type { DesignContent } from '../../shared/domain/design/types';
import { projectDesign } from '../../shared/editor/designDoc';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import { authorizeTeam } from '../policies/team';
import type { TemplateVersion } from '../stores/templateVersions';
import { designTemplate } from './designs';
import { teamEvcProcedure } from './evcProcedure';
import { templateVersionOr404 } from './templates';

/**
 * Certificates of a leerarrangement and of a traject, derived on request from the committed
 * design state (never stored: a certificate is a view of the design, not a second copy of it).
 */

/** Hours per ECTS the certificates state: the HOURS_PER_ECTS setting. */
const hoursPerEcts = (deps: AppDeps) => deps.env.HOURS_PER_ECTS;

/** The team that issues a certificate, named as it is now; `fallbackName` when it is gone. */
async function issuerOf(deps: AppDeps, teamId: string | null, fallbackName = ''): Promise<CertificateIssuer> {
  const team = teamId ? await deps.stores.teams.get(teamId) : undefined;
  return { team: team?.name ?? fallbackName, lab: team?.lab ?? null, consortium: team?.consortium ?? null };
}

/** The certificate of one design's content, issued by `teamId`. */
async function certificateOf(
  deps: AppDeps,
  content: DesignContent,
  version: TemplateVersion,
  teamId: string | null,
  teamName?: string,
): Promise<DesignCertificate> {
  return designCertificate({
    design: content,
    template: version.content,
    frame: { title: version.title, version: version.version },
    issuer: await issuerOf(deps, teamId, teamName),
    evcProcedure: await teamEvcProcedure(deps, teamId),
    hoursPerEcts: hoursPerEcts(deps),
  });
}

/** The certificate of a leerarrangement as it is now (members of its team). */
export async function designCertificateOf(
  deps: AppDeps,
  userId: string,
  docId: string,
): Promise<DesignCertificate> {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.read');
  const { version } = await designTemplate(deps, docId);
  const content = await readDocument(deps, docId, (doc) => projectDesign(doc, version.content));
  if (!content.title) content.title = document.title;
  return certificateOf(deps, content, version, document.teamId);
}

/**
 * The certificate of a whole traject (members of its team): a part-certificate per
 * leerarrangement — the team's own from their committed state, another team's from its frozen
 * catalog publication, as the traject itself reads them.
 */
export async function trajectCertificateOf(
  deps: AppDeps,
  userId: string,
  trajectId: string,
): Promise<TrajectCertificate> {
  const traject = await deps.stores.designs.getTraject(trajectId);
  if (!traject) throw notFound('Dit traject bestaat niet.');
  await authorizeTeam(deps.stores, userId, traject.teamId, 'team.read');
  const version = await templateVersionOr404(deps, traject.templateVersionId);
  const items = await deps.stores.designs.items(trajectId);
  const parts = await Promise.all(
    items.map(async (item) => {
      const publication = item.publicationId
        ? await deps.stores.lifecycle.publication(item.publicationId)
        : undefined;
      const certificate = publication
        ? await certificateOf(
            deps,
            publication.projection.content,
            version,
            publication.projection.teamId,
            publication.projection.teamName,
          )
        : await certificateOf(
            deps,
            await readDocument(deps, item.designId, (doc) => projectDesign(doc, version.content)),
            version,
            traject.teamId,
          );
      return { certificate, alternativeGroup: item.alternativeGroup };
    }),
  );
  return trajectCertificate({
    title: traject.title,
    template: version.content,
    frame: { title: version.title, version: version.version },
    issuer: await issuerOf(deps, traject.teamId),
    evcProcedure: await teamEvcProcedure(deps, traject.teamId),
    parts,
    hoursPerEcts: hoursPerEcts(deps),
  });
}
