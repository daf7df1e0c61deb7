import { randomUUID } from 'node:crypto';
import type { FrameBody, JudgementsBody } from '../../../shared/schemas/reviews';
import type { AppDeps } from '../../deps';
import { ApiError, notFound } from '../../http/apiError';
import { authorizeDocument } from '../../policies/document';
import { authorizeDecision, authorizeReadAssignment, authorizeReviewTeam } from '../../policies/review';
import { qualityFrame } from './queries';

/**
 * Records judgements on an open submission: the same people who may decide (owners and editors of
 * the committee, outside the design's team). Criteria must be the submission's own.
 */
export async function saveJudgements(
  deps: AppDeps,
  userId: string,
  assignmentId: string,
  body: JudgementsBody,
) {
  const found = await authorizeReadAssignment(
    deps.stores,
    userId,
    await deps.stores.reviews.get(assignmentId),
  );
  const document = await deps.stores.documents.get(found.docId);
  const assignment = await authorizeDecision(deps.stores, userId, found, document?.teamId ?? null);
  if (assignment.state !== 'open') {
    throw new ApiError(409, 'review_closed', 'Over dit ontwerp is al besloten; de beoordeling ligt vast.');
  }
  const known = new Set(assignment.criteria.map((criterion) => criterion.id));
  const unknown = body.judgements.find((judgement) => !known.has(judgement.criterionId));
  if (unknown) {
    throw new ApiError(
      400,
      'unknown_criterion',
      `Het criterium "${unknown.criterionId}" hoort niet bij deze toetsing.`,
    );
  }
  await deps.transaction(async (tx) => {
    for (const judgement of body.judgements) await tx.stores.reviews.judge(assignmentId, judgement, userId);
  });
}

/** Saves the committee's own quality frame (its owners); new submissions are judged against it. */
export async function saveFrame(deps: AppDeps, userId: string, teamId: string, body: FrameBody) {
  await authorizeReviewTeam(deps.stores, userId, teamId, 'review.editFrame');
  const criteria = body.criteria.map((criterion) => ({
    id: criterion.id ?? randomUUID().slice(0, 8),
    title: criterion.title,
    description: criterion.description,
  }));
  if (new Set(criteria.map((criterion) => criterion.id)).size !== criteria.length) {
    throw new ApiError(400, 'duplicate_criterion', 'Twee criteria hebben hetzelfde id.');
  }
  await deps.transaction(async (tx) => {
    await tx.stores.reviews.saveFrame(teamId, criteria, userId);
    await tx.stores.audit.record('review.frame_saved', { teamId, actorId: userId, details: { criteria } });
  });
  return qualityFrame(deps, userId, teamId);
}

/**
 * The design team ticks a judgement of a decided submission off as reworked (editors and owners,
 * while the design can be edited): the report as a checklist to rework against.
 */
export async function setAddressed(
  deps: AppDeps,
  userId: string,
  docId: string,
  assignmentId: string,
  criterionId: string,
  addressed: boolean,
) {
  await authorizeDocument(deps.stores, userId, docId, 'document.edit');
  const assignment = await deps.stores.reviews.get(assignmentId);
  if (!assignment || assignment.docId !== docId) throw notFound('Deze toetsing bestaat niet.');
  if (!(await deps.stores.reviews.setAddressed(assignmentId, criterionId, userId, addressed)))
    throw notFound('Dit criterium is niet beoordeeld.');
}
