import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const reviews = api.reviews;
const assignment = reviews[':assignmentId'];
const teamFrame = reviews.teams[':teamId'].frame;
const designReports = reviews.design[':docId'];

/** GET /api/reviews/committees — the toetsingscommissies, and whether the caller may create one. */
export type Committees = InferResponseType<typeof reviews.committees.$get, 200>;
/** One entry of a committee's queue. */
export type QueueEntry = InferResponseType<(typeof reviews.teams)[':teamId']['queue']['$get'], 200>[number];
/** A submission as its committee reads it. */
export type ReviewDetail = InferResponseType<typeof assignment.$get, 200>;
/** A committee's quality frame (its own, or the example). */
export type Frame = InferResponseType<typeof teamFrame.$get, 200>;
/** A design's submissions with their reports, for the design team. */
export type DesignReport = InferResponseType<typeof designReports.$get, 200>[number];

/** GET /api/reviews/committees */
export function getCommittees(): Promise<Committees> {
  return readJson(reviews.committees.$get());
}

/** GET /api/reviews/teams/:teamId/queue */
export function getQueue(teamId: string): Promise<QueueEntry[]> {
  return readJson(reviews.teams[':teamId'].queue.$get({ param: pathParams({ teamId }) }));
}

/** GET /api/reviews/teams/:teamId/frame */
export function getFrame(teamId: string): Promise<Frame> {
  return readJson(teamFrame.$get({ param: pathParams({ teamId }) }));
}

/** PUT /api/reviews/teams/:teamId/frame (the committee's owners). */
export function saveFrame(
  teamId: string,
  body: InferRequestType<typeof teamFrame.$put>['json'],
): Promise<Frame> {
  return readJson(teamFrame.$put({ param: pathParams({ teamId }), json: body }));
}

/** GET /api/reviews/:assignmentId */
export function getReview(assignmentId: string): Promise<ReviewDetail> {
  return readJson(assignment.$get({ param: pathParams({ assignmentId }) }));
}

/** PUT /api/reviews/:assignmentId/judgements — answers the submission as it is now. */
export function saveJudgements(
  assignmentId: string,
  body: InferRequestType<typeof assignment.judgements.$put>['json'],
): Promise<ReviewDetail> {
  return readJson(assignment.judgements.$put({ param: pathParams({ assignmentId }), json: body }));
}

/** GET /api/reviews/design/:docId — newest first. */
export function getDesignReports(docId: string): Promise<DesignReport[]> {
  return readJson(designReports.$get({ param: pathParams({ docId }) }));
}

/** PUT /api/reviews/design/:docId/:assignmentId/:criterionId — ticks a judgement off as reworked. */
export function setAddressed(
  docId: string,
  assignmentId: string,
  criterionId: string,
  addressed: boolean,
): Promise<void> {
  return readJson(
    designReports[':assignmentId'][':criterionId'].$put({
      param: pathParams({ docId, assignmentId, criterionId }),
      json: { addressed },
    }),
  );
}
