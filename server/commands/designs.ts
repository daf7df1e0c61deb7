import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { checkDesign, studyLoad, type RuleResult } from '../../shared/domain/design/rules';
import { checkTraject } from '../../shared/domain/traject/rules';
import { trajectLoad } from '../../shared/domain/traject/totals';
import { trajectRuleContext } from './trajectAgreements';
import { allOutcomes } from '../../shared/domain/template/types';
import {
  outcomeLabels,
  planUpgrade,
  type EarlierOutcome,
  type UpgradePlan,
} from '../../shared/domain/template/upgrade';
import { parseVersion } from '../../shared/domain/template/versioning';
import { INITIAL_STATUS, isReadOnlyStatus, type DesignStatus } from '../../shared/domain/lifecycle';
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

async function designOr404(deps: AppDeps, docId: string) {
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

/**
 * A traject's leerarrangementen as the traject sees them: its own team's designs from their live
 * committed state, another team's designs from the catalog's frozen publication (never their live
 * document, which may have moved on or be a draft the traject's team cannot see).
 */
async function trajectItemContents(deps: AppDeps, trajectId: string, template: TemplateVersion) {
  const items = await deps.stores.designs.items(trajectId);
  return Promise.all(
    items.map(async (item) => {
      const publication = item.publicationId
        ? await deps.stores.lifecycle.publication(item.publicationId)
        : undefined;
      if (publication) {
        return {
          ...item,
          source: 'catalog' as const,
          content: publication.projection.content,
          title: publication.projection.title,
          teamId: publication.projection.teamId,
          teamName: publication.projection.teamName,
          status: 'goedgekeurd' as DesignStatus,
        };
      }
      const document = await deps.stores.documents.get(item.designId);
      const team = document?.teamId ? await deps.stores.teams.get(document.teamId) : undefined;
      const content = await readDocument(deps, item.designId, (doc) => projectDesign(doc, template.content));
      return {
        ...item,
        source: 'team' as const,
        content,
        title: content.title || document?.title || '',
        teamId: document?.teamId ?? null,
        teamName: team?.name ?? null,
        status: (await deps.stores.lifecycle.get(item.designId))?.status ?? INITIAL_STATUS,
      };
    }),
  );
}

/** A traject with its items, the coverage matrix and R1/R2. */
export async function trajectView(deps: AppDeps, trajectId: string) {
  const traject = await deps.stores.designs.getTraject(trajectId);
  if (!traject) throw notFound('Dit traject bestaat niet.');
  const version = await templateVersionOr404(deps, traject.templateVersionId);
  const outcomes = allOutcomes(version.content);
  const items = (await trajectItemContents(deps, trajectId, version)).map(({ content, ...item }) => {
    const load = studyLoad(content, deps.env.HOURS_PER_ECTS);
    return {
      ...item,
      targetedOutcomeIds: content.targetedOutcomeIds,
      sectors: content.sectors,
      ects: content.ects,
      hours: load.totalHours,
      mode: content.mode,
      placement: content.placement,
    };
  });
  const context = await trajectRuleContext(deps, traject);
  const entries = items.map((item) => ({ ...item, id: item.designId }));
  const checks: RuleResult[] = checkTraject(entries, version.content, context);
  const pathLoad = trajectLoad(entries);
  const matrix = outcomes.map((outcome) => ({
    outcome: { id: outcome.id, code: outcome.code, title: outcome.title },
    coveredBy: items
      .filter((item) => item.targetedOutcomeIds.includes(outcome.id))
      .map((item) => item.designId),
  }));
  const { content: _content, ...templateSummary } = version;
  return {
    ...traject,
    template: templateSummary,
    items,
    matrix,
    checks,
    /** Items whose provider's agreement is recorded (R9, 001 l.283). */
    agreements: [...context.agreedIds],
    totals: {
      // Alternatives count as a range, never as their sum: a teacher follows one of them.
      ects: pathLoad.ects.min,
      ectsMax: pathLoad.ects.max,
      hours: pathLoad.hours.min,
      hoursMax: pathLoad.hours.max,
      // Anything not approved yet is still a draft.
      drafts: items.filter((item) => item.status !== 'goedgekeurd').length,
    },
  };
}

/** The coverage matrix as CSV (outcomes × arrangements, "x" where covered), for spreadsheets. */
export function trajectMatrixCsv(view: Awaited<ReturnType<typeof trajectView>>): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
  const cell = (value: string) => quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const header = ['Code', 'Leeruitkomst', ...view.items.map((item) => item.title)].map(cell).join(';');
  const rows = view.matrix.map((row) =>
    [
      row.outcome.code,
      row.outcome.title,
      ...view.items.map((item) => (row.coveredBy.includes(item.designId) ? 'x' : '')),
    ]
      .map(cell)
      .join(';'),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

/** Creates a traject of a team against a template version. */
export async function createTraject(
  deps: AppDeps,
  userId: string,
  input: { teamId: string; title: string; templateVersionId: string },
): Promise<{ id: string }> {
  const { team } = await authorizeTeam(deps.stores, userId, input.teamId, 'document.create');
  if (team.kind !== 'cocreatieteam')
    throw forbidden('Alleen een co-creatieteam stelt professionaliseringstrajecten samen.');
  await templateVersionOr404(deps, input.templateVersionId);
  const id = randomUUID();
  await deps.transaction(async (tx) => {
    await tx.stores.designs.insertTraject({ id, ...input, createdBy: userId });
    await tx.stores.audit.record('traject.created', {
      teamId: input.teamId,
      actorId: userId,
      details: { trajectId: id, title: input.title },
    });
  });
  return { id };
}

/** The 409 while a traject's status freezes its items. */
function requireItemsChangeable(status: DesignStatus): void {
  if (!isReadOnlyStatus(status)) return;
  throw new ApiError(
    409,
    'read_only',
    status === 'goedgekeurd'
      ? 'Dit traject is goedgekeurd: de leerarrangementen liggen vast.'
      : status === 'geparkeerd'
        ? 'Dit traject is geparkeerd: heropen het om de leerarrangementen te wijzigen.'
        : 'Dit traject ligt bij de externe toetsing: de leerarrangementen liggen vast tot het oordeel.',
  );
}

/**
 * Sets a traject's arrangements in order. Each is pinned to the traject's template version
 * (coverage is only meaningful against one version) and is either a design of the traject's own
 * team the caller can read, or another team's *approved* design from the catalog — stored as a
 * reference to its frozen publication. While the traject is with external review or approved its
 * items are frozen (409).
 */
export async function setTrajectItems(
  deps: AppDeps,
  userId: string,
  trajectId: string,
  items: ReadonlyArray<{ designId: string; alternativeGroup?: string | null | undefined }>,
): Promise<void> {
  const traject = await deps.stores.designs.getTraject(trajectId);
  if (!traject) throw notFound('Dit traject bestaat niet.');
  await authorizeTeam(deps.stores, userId, traject.teamId, 'document.create');
  requireItemsChangeable(traject.status);
  const seen = new Set<string>();
  const stored: Array<{ designId: string; publicationId: string | null }> = [];
  for (const item of items) {
    if (seen.has(item.designId))
      throw new ApiError(400, 'duplicate_item', 'Een leerarrangement staat maar één keer in een traject.');
    seen.add(item.designId);
    const document = await deps.stores.documents.get(item.designId);
    if (!document) throw notFound('Dit leerarrangement bestaat niet.');
    let templateVersionId: string;
    let publicationId: string | null = null;
    if (document.teamId === traject.teamId) {
      await authorizeDocument(deps.stores, userId, item.designId, 'document.read');
      templateVersionId = (await designOr404(deps, item.designId)).templateVersionId;
    } else {
      // Another team's work only through the catalog: approved and frozen, never a draft.
      const publication = await deps.stores.lifecycle.publication(item.designId);
      if (!publication) {
        throw forbidden(
          'Van een ander team kan alleen een goedgekeurd leerarrangement uit de catalogus in een traject.',
        );
      }
      templateVersionId = publication.projection.template.id;
      publicationId = item.designId;
    }
    if (templateVersionId !== traject.templateVersionId) {
      throw new ApiError(
        400,
        'other_version',
        'Dit leerarrangement hoort bij een andere versie van het ontwikkelpad dan het traject.',
      );
    }
    stored.push({ designId: item.designId, publicationId });
  }
  await deps.transaction(async (tx) => {
    // Held until committed: a status move (which may freeze the items) or another change of the
    // items waits, and a move that came first is seen here.
    const locked = await tx.stores.designs.lockTraject(trajectId);
    if (!locked) throw notFound('Dit traject bestaat niet.');
    requireItemsChangeable(locked.status);
    await tx.stores.designs.setItems(
      trajectId,
      items.map((item, position) => ({
        designId: item.designId,
        position,
        alternativeGroup: item.alternativeGroup ?? null,
        publicationId: stored[position]?.publicationId ?? null,
      })),
    );
  });
}
