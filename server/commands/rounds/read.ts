import type { ClosedRoundEvidence } from '../../../shared/domain/design/feedback';
import type { Round } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { notFound } from '../../http/apiError';
import { authorizeDocument } from '../../policies/document';
import { authorizeRound, roundAccess } from '../../policies/round';
import { presentRound } from '../../presenters/round';
import { feedbackEvidence } from './evidence';

type Deps = Pick<AppDeps, 'stores'>;

/**
 * GET /api/documents/:docId/rounds — every round of the document (team members), and what rule R13
 * weighs of the closed ones (the live checks in the editor read it).
 */
export async function listRounds(
  deps: Deps,
  userId: string,
  docId: string,
): Promise<{ rounds: Round[]; feedback: ClosedRoundEvidence[] }> {
  const { role } = await authorizeDocument(deps.stores, userId, docId, 'document.read');
  const now = Date.now();
  return {
    rounds: await Promise.all(
      (await deps.stores.rounds.roundsOfDoc(docId)).map((round) =>
        presentRound(deps, round, { kind: 'team', role }, now),
      ),
    ),
    feedback: await feedbackEvidence(deps, docId),
  };
}

/** GET /api/rounds/:roundId */
export async function getRound(deps: Deps, userId: string, roundId: string): Promise<Round> {
  const { round, access } = await authorizeRound(deps.stores, userId, roundId, 'view');
  return await presentRound(deps, round, access);
}

/** GET /api/me/rounds — rounds the caller reviews (open and closed). */
export async function myReviewRounds(deps: Deps, userId: string): Promise<{ rounds: Round[] }> {
  const now = Date.now();
  const rounds: Round[] = [];
  for (const round of await deps.stores.rounds.roundsForReviewer(userId)) {
    const access = await roundAccess(deps.stores, userId, round);
    // Members of the document's own team see it as team, not as a review request.
    if (access?.kind === 'reviewer') rounds.push(await presentRound(deps, round, access, now));
  }
  return { rounds };
}

/** GET /api/rounds/:roundId/version — the frozen version's projection (team; reviewers while open). */
export async function roundVersion(deps: Deps, userId: string, roundId: string) {
  const { round } = await authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const version = await deps.stores.versions.get(round.doc_id, round.version_id);
  if (!version) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  return {
    version: { id: version.id, label: version.label, createdAt: version.createdAt },
    projection: version.json,
  };
}

/** GET /api/rounds/:roundId/version/state — the frozen version's Yjs update. */
export async function roundVersionState(deps: Deps, userId: string, roundId: string): Promise<Uint8Array> {
  const { round } = await authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const state = await deps.stores.versions.state(round.doc_id, round.version_id);
  if (!state) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  return state;
}
