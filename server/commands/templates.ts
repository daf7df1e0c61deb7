import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { diffTemplates, type TemplateChange } from '../../shared/domain/template/diff';
import type { TemplateContent } from '../../shared/domain/template/types';
import { validateForPublish, type PublishProblem } from '../../shared/domain/template/validate';
import {
  formatVersion,
  parseVersion,
  proposeVersion,
  requiresMajor,
  versionProblem,
} from '../../shared/domain/template/versioning';
import { mayEstablish } from '../../shared/domain/template/establish';
import { initTemplateDoc, projectTemplate } from '../../shared/editor/templateContent';
import { META_MAP } from '../../shared/editor/fields';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import { authorizeTeam } from '../policies/team';
import type { TemplateVersion, TemplateVersionSummary } from '../stores/templateVersions';

/** A published version with its content, or a 404. */
export async function templateVersionOr404(
  deps: Pick<AppDeps, 'stores'>,
  id: string,
): Promise<TemplateVersion> {
  const version = await deps.stores.templateVersions.get(id);
  if (!version) throw notFound('Deze versie van het ontwikkelpad bestaat niet.');
  return version;
}

/** Creates an ontwikkelpad draft in an atelier, empty or as a revision of a published version. */
export async function createTemplateDraft(
  deps: AppDeps,
  userId: string,
  input: { teamId: string; title?: string | undefined; fromVersionId?: string | undefined },
): Promise<{ id: string }> {
  const { team } = await authorizeTeam(deps.stores, userId, input.teamId, 'document.create');
  if (team.kind !== 'atelier') throw forbidden('Alleen een atelier schrijft ontwikkelpaden.');
  let source: TemplateVersion | undefined;
  if (input.fromVersionId) {
    source = await templateVersionOr404(deps, input.fromVersionId);
  }
  const id = randomUUID();
  // A revision by the atelier that owns the ontwikkelpad continues its version line; a copy of
  // someone else's starts a new one.
  const templateKey = source && source.teamId === team.id ? source.templateKey : id;
  const doc = new Y.Doc();
  initTemplateDoc(doc, source?.content, input.title);
  // A revision may be renamed at once (e.g. dropping "(voorbeeld)" from a copied example).
  if (source && input.title) doc.getMap(META_MAP).set('title', input.title);
  const title = projectTemplate(doc).title;
  const state = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  await deps.transaction(async (tx) => {
    await tx.stores.documents.insert({ id, teamId: team.id, createdBy: userId, title, kind: 'ontwikkelpad' });
    await tx.stores.documents.writeInitialState(id, state, stateVector);
    await tx.stores.templateDrafts.insert({ docId: id, templateKey, basedOnVersionId: source?.id ?? null });
    await tx.stores.audit.record('template.draft_created', {
      teamId: team.id,
      actorId: userId,
      details: { documentId: id, title, basedOn: source ? `${source.title} ${source.version}` : null },
    });
  });
  return { id };
}

/** What publishing the draft now would do. */
export interface PublishPreview {
  content: TemplateContent;
  problems: PublishProblem[];
  previous: TemplateVersionSummary | null;
  changes: TemplateChange[];
  requiresMajor: boolean;
  proposedVersion: string;
}

async function loadDraft(deps: AppDeps, userId: string, docId: string) {
  await authorizeDocument(deps.stores, userId, docId, 'template.publish');
  const draft = await deps.stores.templateDrafts.get(docId);
  if (!draft) throw notFound('Dit document is geen concept van een ontwikkelpad.');
  return draft;
}

/** Validates the draft's committed state against its latest published version. */
export async function previewPublish(deps: AppDeps, userId: string, docId: string): Promise<PublishPreview> {
  const draft = await loadDraft(deps, userId, docId);
  const content = await readDocument(deps, docId, projectTemplate);
  const latest = (await deps.stores.templateVersions.versionsOf(draft.templateKey))[0];
  const previous = latest ? await deps.stores.templateVersions.get(latest.id) : undefined;
  const changes = previous ? diffTemplates(previous.content, content) : [];
  return {
    content,
    problems: validateForPublish(content),
    previous: latest ?? null,
    changes,
    requiresMajor: requiresMajor(changes),
    proposedVersion: formatVersion(
      proposeVersion(latest ? parseVersion(latest.version) : undefined, changes),
    ),
  };
}

/** Publishes the draft as an immutable version. */
export async function publishTemplate(
  deps: AppDeps,
  userId: string,
  docId: string,
  input: { version?: string | undefined; changeNote: string },
): Promise<{ id: string; version: string }> {
  const draft = await loadDraft(deps, userId, docId);
  const preview = await previewPublish(deps, userId, docId);
  if (preview.problems.length > 0) {
    throw new ApiError(
      400,
      'invalid_template',
      `Publiceren kan nog niet: ${preview.problems.map((problem) => problem.message).join(' ')}`,
    );
  }
  if (preview.previous && preview.changes.length === 0) {
    throw new ApiError(400, 'no_changes', `Er is niets veranderd sinds versie ${preview.previous.version}.`);
  }
  const chosen = parseVersion(input.version ?? preview.proposedVersion);
  if (!chosen) throw new ApiError(400, 'invalid_version', 'Een versienummer ziet eruit als 1.0 of 2.3.');
  const previous = preview.previous ? parseVersion(preview.previous.version) : undefined;
  const problem = versionProblem(previous, chosen, preview.changes);
  if (problem) throw new ApiError(400, 'invalid_version', problem);
  const id = randomUUID();
  const teamId = (await deps.stores.documents.get(docId))?.teamId as string;
  await deps.transaction(async (tx) => {
    // The number and the changes were worked out against the latest version above; a publication
    // of the same ontwikkelpad that came first meanwhile makes them stale.
    await tx.stores.templateVersions.lockVersionLine(draft.templateKey);
    const latest = (await tx.stores.templateVersions.versionsOf(draft.templateKey))[0];
    if (latest?.id !== preview.previous?.id) {
      throw new ApiError(
        409,
        'version_published',
        'Intussen is er een andere versie van dit ontwikkelpad gepubliceerd. Bekijk de wijzigingen en publiceer opnieuw.',
      );
    }
    await tx.stores.templateVersions.insert({
      id,
      templateKey: draft.templateKey,
      teamId,
      draftDocId: docId,
      major: chosen.major,
      minor: chosen.minor,
      content: preview.content,
      changeNote: input.changeNote,
      example: false,
      publishedBy: userId,
    });
    await tx.stores.audit.record('template.published', {
      teamId,
      actorId: userId,
      details: {
        documentId: docId,
        versionId: id,
        version: formatVersion(chosen),
        title: preview.content.title,
      },
    });
  });
  return { id, version: formatVersion(chosen) };
}

/**
 * Sets a published version vastgesteld (four eyes, see `mayEstablish`): 403 for anyone else, 409
 * when it already is. Only from then on do the library, the rules and the catalog stop showing it as
 * a concept-versie.
 */
export async function establishTemplate(
  deps: AppDeps,
  userId: string,
  versionId: string,
): Promise<TemplateVersionSummary> {
  const version = await templateVersionOr404(deps, versionId);
  const role = await deps.stores.teams.role(version.teamId, userId);
  if (!mayEstablish({ role, userId, publishedBy: version.publishedBy })) {
    throw forbidden(
      role && version.publishedBy === userId
        ? 'Vier ogen: een ander lid van het atelier of de eigenaar stelt deze versie vast, niet wie haar publiceerde.'
        : 'Alleen de eigenaar of een ander lid van het atelier stelt een ontwikkelpad vast.',
    );
  }
  if (version.established) throw new ApiError(409, 'already_established', 'Deze versie is al vastgesteld.');
  await deps.transaction(async (tx) => {
    if (!(await tx.stores.templateEstablishments.establish(versionId, userId)))
      throw new ApiError(409, 'already_established', 'Deze versie is al vastgesteld.');
    await tx.stores.audit.record('template.established', {
      teamId: version.teamId,
      actorId: userId,
      details: { versionId, version: version.version, title: version.title },
    });
  });
  const { content: _content, ...summary } = await templateVersionOr404(deps, versionId);
  return summary;
}
