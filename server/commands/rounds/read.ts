import type { Round } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { notFound } from '../../http/apiError';
import { authorizeDocument } from '../../policies/document';
import { authorizeRound, roundAccess } from '../../policies/round';
import { presentRound } from '../../presenters/round';

type Deps = Pick<AppDeps, 'stores'>;

/** GET /api/documents/:docId/rounds — every round of the document (team members). */
export function listRounds(deps: Deps, userId: string, docId: string): { rounds: Round[] } {
  const { role } = authorizeDocument(deps.stores, userId, docId, 'document.read');
  const now = Date.now();
  return {
    rounds: deps.stores.rounds
      .roundsOfDoc(docId)
      .map((round) => presentRound(deps, round, { kind: 'team', role }, now)),
  };
}

/** GET /api/rounds/:roundId */
export function getRound(deps: Deps, userId: string, roundId: string): Round {
  const { round, access } = authorizeRound(deps.stores, userId, roundId, 'view');
  return presentRound(deps, round, access);
}

/** GET /api/me/rounds — rounds the caller reviews (open and closed). */
export function myReviewRounds(deps: Deps, userId: string): { rounds: Round[] } {
  const now = Date.now();
  const rounds = deps.stores.rounds.roundsForReviewer(userId).flatMap((round) => {
    const access = roundAccess(deps.stores, userId, round);
    // Members of the document's own team see it as team, not as a review request.
    return access?.kind === 'reviewer' ? [presentRound(deps, round, access, now)] : [];
  });
  return { rounds };
}

/** GET /api/rounds/:roundId/version — the frozen version's projection (team; reviewers while open). */
export function roundVersion(deps: Deps, userId: string, roundId: string) {
  const { round } = authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const version = deps.stores.versions.get(round.doc_id, round.version_id);
  if (!version) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  return {
    version: { id: version.id, label: version.label, createdAt: version.createdAt },
    projection: version.json,
  };
}

/** GET /api/rounds/:roundId/version/state — the frozen version's Yjs update. */
export function roundVersionState(deps: Deps, userId: string, roundId: string): Uint8Array {
  const { round } = authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const state = deps.stores.versions.state(round.doc_id, round.version_id);
  if (!state) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  return state;
}
