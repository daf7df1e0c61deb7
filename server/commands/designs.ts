import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { checkDesign, studyLoad } from '../../shared/domain/design/rules';
import { allOutcomes } from '../../shared/domain/template/types';
import {
  outcomeLabels,
  planUpgrade,
  type EarlierOutcome,
  type UpgradePlan,
} from '../../shared/domain/template/upgrade';
import { parseVersion } from '../../shared/domain/template/versioning';
import { INITIAL_STATUS } from '../../shared/domain/lifecycle';
import { addTemplateSections, initDesignDoc, projectDesign } from '../../shared/editor/designDoc';
import type { DesignOrigin } from '../../shared/domain/design/feedback';
import { readDocument } from '../collab/readDocument';
import { designLifeContext } from './rounds/evidence';
import { templateVersionOr404 } from './templates';
import type { AppDeps } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import { authorizeTeam } from '../policies/team';
import type { TemplateVersion, TemplateVersionSummary } from '../stores/templateVersions';

/**
 * Creates a leerarrangement design in a co-creatieteam against a published template version.
 * Existing offer (`origin: 'bestaand'`) starts at interne toetsing: the seed lets offer that already
 * fits be "meteen aangemeld" (001 l.249), so it skips globaal ontwerp and prototype; the move is
 * logged like any other.
 */
export async function createDesign(
  deps: AppDeps,
  userId: string,
  input: { teamId: string; title: string; templateId: string; origin?: DesignOrigin | undefined },
  /** Writes content into the new doc before it is stored (the example design). */
  fill?: (doc: Y.Doc) => void,
): Promise<{ id: string }> {
  const { team } = await authorizeTeam(deps.stores, userId, input.teamId, 'document.create');
  if (team.kind !== 'cocreatieteam') throw forbidden('Alleen een co-creatieteam ontwerpt leerarrangementen.');
  const version = await templateVersionOr404(deps, input.templateId);
  const id = randomUUID();
  const doc = new Y.Doc();
  initDesignDoc(doc, version.content, input.title);
  fill?.(doc);
  const state = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  await deps.transaction(async (tx) => {
    await tx.stores.documents.insert({
      id,
      teamId: team.id,
      createdBy: userId,
      title: input.title,
      kind: 'leerarrangement',
    });
    await tx.stores.documents.writeInitialState(id, state, stateVector);
    await tx.stores.designs.insertDesign(id, version.id);
    await tx.stores.audit.record('design.created', {
      teamId: team.id,
      actorId: userId,
      details: {
        documentId: id,
        title: input.title,
        template: `${version.title} ${version.version}`,
        origin: input.origin ?? 'nieuw',
      },
    });
    if (input.origin === 'bestaand') {
      await tx.stores.lifecycle.markExisting(id);
      await tx.stores.lifecycle.recordTransition(id, {
        from: INITIAL_STATUS,
        to: 'interne-toetsing',
        outcome: null,
        note: 'Bestaand aanbod: meteen aangemeld voor interne toetsing.',
        actorId: userId,
      });
    }
  });
  return { id };
}

/** A design's row, or 404 when the document is not a leerarrangement. */
export async function designOr404(deps: AppDeps, docId: string) {
  const design = await deps.stores.designs.getDesign(docId);
  if (!design) throw notFound('Dit document is geen leerarrangement.');
  return design;
}

/** The template version a design pins, and a newer one in the same line if the atelier published it. */
export async function designTemplate(deps: AppDeps, docId: string) {
  const design = await designOr404(deps, docId);
  const version = await templateVersionOr404(deps, design.templateVersionId);
  const latest = (await deps.stores.templateVersions.versionsOf(version.templateKey))[0];
  return { version, newer: latest && latest.id !== version.id ? latest : null };
}

/**
 * Outcomes that other versions of the ontwikkelpad have and `version` does not, by id, named as the
 * newest version that had them: a design upgraded past an outcome's removal still shows its name.
 */
export async function earlierOutcomes(
  deps: AppDeps,
  version: TemplateVersion,
): Promise<Record<string, EarlierOutcome>> {
  const current = new Set(allOutcomes(version.content).map((outcome) => outcome.id));
  const earlier: Record<string, EarlierOutcome> = {};
  for (const summary of await deps.stores.templateVersions.versionsOf(version.templateKey)) {
    if (summary.id === version.id) continue;
    const other = await deps.stores.templateVersions.get(summary.id);
    for (const outcome of other ? allOutcomes(other.content) : []) {
      if (!current.has(outcome.id)) earlier[outcome.id] ??= { code: outcome.code, title: outcome.title };
    }
  }
  return earlier;
}

/** The rule results and study load of a design's committed state. */
export async function designChecks(deps: AppDeps, userId: string, docId: string) {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  const { version } = await designTemplate(deps, docId);
  const content = await readDocument(deps, docId, (doc) => projectDesign(doc, version.content));
  const context = await designLifeContext(deps, docId);
  return {
    results: checkDesign(content, version.content, {
      ...context,
      outcomeLabels: outcomeLabels(await earlierOutcomes(deps, version)),
    }),
    studyLoad: studyLoad(content, context.hoursPerEcts),
  };
}

/** What upgrading the design to `to` would mean (outcomes mapped by id). */
export async function designUpgradePlan(
  deps: AppDeps,
  docId: string,
  from: TemplateVersion,
  to: TemplateVersion,
): Promise<UpgradePlan> {
  const targeted = await readDocument(
    deps,
    docId,
    (doc) => projectDesign(doc, from.content).targetedOutcomeIds,
  );
  return planUpgrade(from.content, to.content, targeted);
}

/**
 * Moves a design onto a newer version of its ontwikkelpad: the pin changes, new template sections
 * are added to the document (live, for everyone editing), and targeted outcomes the new version
 * no longer has stay targeted — R4 flags them for the team to resolve; nothing is dropped silently.
 */
export async function upgradeDesign(
  deps: AppDeps,
  userId: string,
  docId: string,
  toVersionId: string,
): Promise<{ plan: UpgradePlan; version: TemplateVersionSummary }> {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.edit');
  const { version: from } = await designTemplate(deps, docId);
  const to = await templateVersionOr404(deps, toVersionId);
  if (to.templateKey !== from.templateKey) {
    throw new ApiError(
      400,
      'other_template',
      'Een leerarrangement kan alleen naar een versie van hetzelfde ontwikkelpad.',
    );
  }
  const [fromNumber, toNumber] = [parseVersion(from.version), parseVersion(to.version)];
  if (
    !fromNumber ||
    !toNumber ||
    toNumber.major < fromNumber.major ||
    (toNumber.major === fromNumber.major && toNumber.minor <= fromNumber.minor)
  ) {
    throw new ApiError(400, 'not_newer', `Versie ${to.version} is niet nieuwer dan versie ${from.version}.`);
  }
  const plan = await designUpgradePlan(deps, docId, from, to);
  const update = await readDocument(deps, docId, (doc) => {
    const before = Y.encodeStateVector(doc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    addTemplateSections(copy, to.content);
    const diff = Y.encodeStateAsUpdate(copy, before);
    copy.destroy();
    return diff;
  });
  await deps.transaction(async (tx) => {
    // Only from the version checked above: of two upgrades at once, the second is refused.
    if (!(await tx.stores.designs.repin(docId, to.id, from.id))) {
      throw new ApiError(
        409,
        'pin_changed',
        'Dit leerarrangement is intussen naar een andere versie van het ontwikkelpad gezet. Laad de pagina opnieuw.',
      );
    }
    // The repin holds the design's row: a status move committed meanwhile may have frozen it.
    await authorizeDocument(tx.stores, userId, docId, 'document.edit');
    await tx.stores.audit.record('design.upgraded', {
      teamId: document.teamId,
      actorId: userId,
      details: {
        documentId: docId,
        from: from.version,
        to: to.version,
        removed: plan.removed.map((outcome) => outcome.code),
      },
    });
  });
  await deps.rooms.applyServerUpdate(docId, update);
  const { content: _content, ...summary } = to;
  return { plan, version: summary };
}
