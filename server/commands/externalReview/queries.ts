import { EXAMPLE_CRITERIA, type QualityFrame } from '../../../shared/domain/review';
import type { AppDeps } from '../../deps';
import { notFound } from '../../http/apiError';
import { authorizeDocument } from '../../policies/document';
import { authorizeReadAssignment, authorizeReviewTeam } from '../../policies/review';
import type { Assignment } from '../../stores/reviews';

/** The committee's frame: its own, or the shipped example (marked as such). */
export async function qualityFrame(deps: AppDeps, userId: string, teamId: string): Promise<QualityFrame> {
  await authorizeReviewTeam(deps.stores, userId, teamId, 'team.read');
  const own = await deps.stores.reviews.frame(teamId);
  return own ? { example: false, criteria: own } : { example: true, criteria: [...EXAMPLE_CRITERIA] };
}

/** A committee's queue: every submission (withdrawn ones excepted), open ones first. */
export async function reviewQueue(deps: AppDeps, userId: string, teamId: string) {
  await authorizeReviewTeam(deps.stores, userId, teamId, 'team.read');
  const rows = await deps.stores.reviews.queue(teamId);
  return [...rows.filter((row) => row.state === 'open'), ...rows.filter((row) => row.state !== 'open')].map(
    (row) => ({
      id: row.id,
      docId: row.docId,
      title: row.title,
      teamName: row.teamName,
      state: row.state,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
    }),
  );
}

/** An assignment with its judgements in the criteria's order (what the report shows). */
async function withJudgements(deps: AppDeps, assignment: Assignment) {
  const judgements = await deps.stores.reviews.judgements(assignment.id);
  const byCriterion = new Map(judgements.map((judgement) => [judgement.criterionId, judgement]));
  return {
    id: assignment.id,
    state: assignment.state,
    reviewTeamId: assignment.reviewTeamId,
    reviewTeamName: (await deps.stores.teams.get(assignment.reviewTeamId))?.name ?? null,
    versionId: assignment.versionId,
    submittedAt: assignment.submittedAt,
    decidedAt: assignment.decidedAt,
    report: assignment.report,
    criteria: assignment.criteria.map((criterion) => {
      const judgement = byCriterion.get(criterion.id);
      return {
        ...criterion,
        verdict: judgement?.verdict ?? null,
        note: judgement?.note ?? '',
        addressedAt: judgement?.addressedAt ?? null,
      };
    }),
  };
}

/**
 * A submission as its committee reads it: the design's title and team, the frozen submitted version
 * (never the live document: the reviewers judge exactly what was submitted) and the judgements.
 */
export async function reviewDetail(deps: AppDeps, userId: string, assignmentId: string) {
  const assignment = await authorizeReadAssignment(
    deps.stores,
    userId,
    await deps.stores.reviews.get(assignmentId),
  );
  const { docId, versionId } = assignment;
  const document = await deps.stores.documents.get(docId);
  if (!document) throw notFound('Dit ontwerp bestaat niet meer.');
  const team = document.teamId ? await deps.stores.teams.get(document.teamId) : undefined;
  const version = versionId ? await deps.stores.versions.get(docId, versionId) : undefined;
  const reviewRole = await deps.stores.teams.role(assignment.reviewTeamId, userId);
  return {
    ...(await withJudgements(deps, assignment)),
    docId,
    title: document.title,
    teamName: team?.name ?? null,
    reviewRole: reviewRole ?? null,
    // Whether the caller is in the design's own team (then they may read but not judge).
    conflicted: document.teamId
      ? (await deps.stores.teams.role(document.teamId, userId)) !== undefined
      : false,
    version: version
      ? { id: version.id, label: version.label, createdAt: version.createdAt, json: version.json }
      : null,
  };
}

/** Every submission of a design with its report, newest first, for the design's team. */
export async function designReviews(deps: AppDeps, userId: string, docId: string) {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  const assignments = await deps.stores.reviews.forDesign(docId);
  return await Promise.all(assignments.map((assignment) => withJudgements(deps, assignment)));
}
