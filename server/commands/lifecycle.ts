import * as Y from 'yjs';
import { checkGates, checkTransition } from '../../shared/domain/lifecycle';
import { allOutcomes } from '../../shared/domain/template/types';
import { projectDesign } from '../../shared/editor/designDoc';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import type { PublishedProjection } from '../stores/lifecycle';
import { designChecks, designTemplate } from './designs';
import { recordedMove, statusSteps, type MoveInput } from './statusMoves';
import { createVersion } from './versions';

function lifecycleOr404(deps: AppDeps, docId: string) {
  const lifecycle = deps.stores.lifecycle.get(docId);
  if (!lifecycle) throw notFound('Dit document is geen leerarrangement.');
  return lifecycle;
}

/** The design's status, every next step with whether it is possible now, the history and lineage. */
export function designStatus(deps: AppDeps, userId: string, docId: string) {
  authorizeDocument(deps.stores, userId, docId, 'document.read');
  const { status, basedOn } = lifecycleOr404(deps, docId);
  const { results } = designChecks(deps, userId, docId);
  const source = basedOn ? deps.stores.lifecycle.publication(basedOn) : undefined;
  return {
    ...statusSteps(status, (to) => checkGates(status, to, results)),
    history: deps.stores.lifecycle.history(docId),
    // "gebaseerd op …": the published design this one was reused from (its public title).
    basedOn: basedOn ? { id: basedOn, title: source?.projection.title ?? null } : null,
  };
}

/** The catalog's frozen view of a design at approval. */
function publishedProjection(
  deps: AppDeps,
  docId: string,
): { projection: PublishedProjection; state: Uint8Array } {
  const document = deps.stores.documents.get(docId)!;
  const team = document.teamId ? deps.stores.teams.get(document.teamId) : undefined;
  const { version } = designTemplate(deps, docId);
  const { content, state } = readDocument(deps, docId, (doc) => ({
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
export function changeStatus(deps: AppDeps, userId: string, docId: string, input: MoveInput) {
  const { document } = authorizeDocument(deps.stores, userId, docId, 'document.changeStatus');
  const { status: from } = lifecycleOr404(deps, docId);
  const { results } = designChecks(deps, userId, docId);
  const check = checkTransition(from, input.to, { results, outcome: input.outcome, note: input.note });
  if (!check.ok) throw new ApiError(400, 'transition_refused', check.reason);
  const { outcome, note, versionLabel } = recordedMove(input);
  const publication = input.to === 'goedgekeurd' ? publishedProjection(deps, docId) : null;
  deps.db.transaction(() => {
    deps.stores.lifecycle.recordTransition(docId, { from, to: input.to, outcome, note, actorId: userId });
    if (publication) deps.stores.lifecycle.publish(docId, publication.projection, publication.state, userId);
    // Every status change is a version: an immutable snapshot of exactly what moved on.
    createVersion(deps, userId, docId, {
      label: versionLabel,
      note,
      status: input.to,
    });
    deps.stores.audit.record('design.status_changed', {
      teamId: document.teamId,
      actorId: userId,
      details: { documentId: docId, from, to: input.to, outcome, note },
    });
  })();
  if (document.teamId) {
    for (const member of deps.stores.teams.members(document.teamId)) {
      deps.rooms.refreshAccess(member.userId, document.teamId);
    }
  }
  return designStatus(deps, userId, docId);
}
