import * as Y from 'yjs';
import { checkGates, checkTransition } from '../../shared/domain/lifecycle';
import { allOutcomes } from '../../shared/domain/template/types';
import { projectDesign } from '../../shared/editor/designDoc';
import { readDocument } from '../collab/readDocument';
import { CATALOG_LICENSE } from './catalog';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import type { PublishedProjection } from '../stores/lifecycle';
import { designChecks, designTemplate } from './designs';
import { notifyStatusChange } from './notifications';
import { recordedMove, statusChangedMeanwhile, statusSteps, type MoveInput } from './statusMoves';
import { createVersion } from './versions';

async function lifecycleOr404(deps: AppDeps, docId: string) {
  const lifecycle = await deps.stores.lifecycle.get(docId);
  if (!lifecycle) throw notFound('Dit document is geen leerarrangement.');
  return lifecycle;
}

/** The design's status, every next step with whether it is possible now, the history and lineage. */
export async function designStatus(deps: AppDeps, userId: string, docId: string) {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  const { status, basedOn } = await lifecycleOr404(deps, docId);
  const { results } = await designChecks(deps, userId, docId);
  const source = basedOn ? await deps.stores.lifecycle.publication(basedOn) : undefined;
  return {
    ...statusSteps(status, (to) => checkGates(status, to, results)),
    history: await deps.stores.lifecycle.history(docId),
    // "gebaseerd op …": the published design this one was reused from, attributed as its licence
    // asks: title, team and licence.
    basedOn: basedOn
      ? {
          id: basedOn,
          title: source?.projection.title ?? null,
          teamName: source?.projection.teamName ?? null,
          license: CATALOG_LICENSE,
        }
      : null,
  };
}

/** The catalog's frozen view of a design at approval. */
async function publishedProjection(
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

/**
 * Moves a design to `to`. Only owners; the transition table and gates decide (400 with the Dutch
 * reason). Records the move, an audit entry and — on approval — the catalog's frozen copy, all in
 * one transaction; then re-checks every member's open sockets, because entering or leaving external
 * review changes whether anyone may edit.
 */
export async function changeStatus(deps: AppDeps, userId: string, docId: string, input: MoveInput) {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.changeStatus');
  const { status: from } = await lifecycleOr404(deps, docId);
  const { results } = await designChecks(deps, userId, docId);
  const check = checkTransition(from, input.to, { results, outcome: input.outcome, note: input.note });
  if (!check.ok) throw new ApiError(400, 'transition_refused', check.reason);
  const { outcome, note, versionLabel } = recordedMove(input);
  const publication = input.to === 'goedgekeurd' ? await publishedProjection(deps, docId) : null;
  await deps.transaction(async (tx) => {
    const move = { from, to: input.to, outcome, note, actorId: userId };
    // Checked against `from` above; a move that came first meanwhile wins, this one is refused.
    if (!(await tx.stores.lifecycle.recordTransition(docId, move)))
      throw statusChangedMeanwhile('dit leerarrangement');
    if (publication)
      await tx.stores.lifecycle.publish(docId, publication.projection, publication.state, userId);
    // Every status change is a version: an immutable snapshot of exactly what moved on.
    await createVersion(tx, userId, docId, {
      label: versionLabel,
      note,
      status: input.to,
    });
    await tx.stores.audit.record('design.status_changed', {
      teamId: document.teamId,
      actorId: userId,
      details: { documentId: docId, from, to: input.to, outcome, note },
    });
    await notifyStatusChange(tx, { document, from, to: input.to, actorId: userId });
  });
  if (document.teamId) {
    for (const member of await deps.stores.teams.members(document.teamId)) {
      await deps.rooms.refreshAccess(member.userId, document.teamId);
    }
  }
  return designStatus(deps, userId, docId);
}
