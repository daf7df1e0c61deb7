import * as Y from 'yjs';
import { checkGates, designMover } from '../../shared/domain/lifecycle';
import type { RuleResult } from '../../shared/domain/design/rules';
import { allOutcomes } from '../../shared/domain/template/types';
import { projectDesign } from '../../shared/editor/designDoc';
import { readDocument } from '../collab/readDocument';
import { publicationLicense } from './catalog';
import type { AppDeps } from '../deps';
import { notFound } from '../http/apiError';
import type { PublishedProjection } from '../stores/lifecycle';
import { designTemplate } from './designs';
import { statusSteps, type MoveInput } from './statusMoves';

/*
 * What a design's status moves share — the team owner's (lifecycle.ts) and the toetsingscommissie's
 * (externalReview/decision.ts): the status view, the catalog's frozen copy, the sockets' re-check.
 */

/** A move of a leerarrangement: submitting may name the toetsingscommissie. */
export interface DesignMoveInput extends MoveInput {
  reviewTeamId?: string | undefined;
}

/** The design's lifecycle row, or 404 for a document that is no leerarrangement. */
export async function lifecycleOr404(deps: AppDeps, docId: string) {
  const lifecycle = await deps.stores.lifecycle.get(docId);
  if (!lifecycle) throw notFound('Dit document is geen leerarrangement.');
  return lifecycle;
}

/** designStatus without authorization, against `results` (the caller decides who may read it). */
export async function statusView(deps: AppDeps, docId: string, results: readonly RuleResult[]) {
  const { status, basedOn } = await lifecycleOr404(deps, docId);
  const source = basedOn ? await deps.stores.lifecycle.publication(basedOn) : undefined;
  return {
    ...statusSteps(status, (to) => checkGates(status, to, results), designMover),
    history: await deps.stores.lifecycle.history(docId),
    // "gebaseerd op …": the published design this one was reused from, attributed as its licence
    // asks: title, team and licence.
    basedOn: basedOn
      ? {
          id: basedOn,
          title: source?.projection.title ?? null,
          teamName: source?.projection.teamName ?? null,
          license: await publicationLicense(deps, source),
        }
      : null,
  };
}

/** The catalog's frozen view of a design at approval. */
export async function publishedProjection(
  deps: AppDeps,
  docId: string,
): Promise<{ projection: PublishedProjection; state: Uint8Array }> {
  const document = (await deps.stores.documents.get(docId))!;
  const team = document.teamId ? await deps.stores.teams.get(document.teamId) : undefined;
  const { version } = await designTemplate(deps, docId);
  const { content, state } = await readDocument(deps, docId, (doc) => ({
    content: projectDesign(doc, version.content),
    state: Y.encodeStateAsUpdate(doc),
  }));
  const outcomes = allOutcomes(version.content)
    .filter((outcome) => content.targetedOutcomeIds.includes(outcome.id))
    .map((outcome) => ({ id: outcome.id, code: outcome.code, title: outcome.title }));
  return {
    projection: {
      title: content.title || document.title,
      teamId: team?.id ?? '',
      teamName: team?.name ?? '',
      template: {
        id: version.id,
        templateKey: version.templateKey,
        title: version.title,
        version: version.version,
      },
      outcomes,
      content,
    },
    state,
  };
}

/** Re-checks the open sockets of every member of the design's team (the status decides who writes). */
export async function refreshTeamAccess(deps: AppDeps, teamId: string | null): Promise<void> {
  if (!teamId) return;
  for (const member of await deps.stores.teams.members(teamId)) {
    await deps.rooms.refreshAccess(member.userId, teamId);
  }
}
