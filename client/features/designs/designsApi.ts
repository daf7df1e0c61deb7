import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, apiUrl, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const design = api.designs[':id'];
const traject = api.trajects[':id'];

/** GET /api/designs/:id — a leerarrangement with its pinned template version and the caller's access. */
export type DesignInfo = InferResponseType<typeof design.$get, 200>;

/** POST /api/designs — only in a co-creatieteam. */
export function createDesign(body: InferRequestType<typeof api.designs.$post>['json']) {
  return readJson(api.designs.$post({ json: body }));
}

/** GET /api/designs/:id */
export function getDesign(id: string): Promise<DesignInfo> {
  return readJson(design.$get({ param: pathParams({ id }) }));
}

/** POST /api/designs/:id/upgrade */
export function upgradeDesign(id: string, toVersionId: string) {
  return readJson(design.upgrade.$post({ param: pathParams({ id }), json: { toVersionId } }));
}

/** GET /api/trajects/:id — a traject with its items, coverage matrix, checks and totals. */
export type TrajectDetail = InferResponseType<typeof traject.$get, 200>;

/** A traject as a team lists it. */
export type TrajectSummary = InferResponseType<
  (typeof api.teams)[':teamId']['trajects']['$get'],
  200
>[number];

/** POST /api/trajects */
export function createTraject(body: InferRequestType<typeof api.trajects.$post>['json']) {
  return readJson(api.trajects.$post({ json: body }));
}

/** GET /api/trajects/:id */
export function getTraject(id: string): Promise<TrajectDetail> {
  return readJson(traject.$get({ param: pathParams({ id }) }));
}

/** PUT /api/trajects/:id/items — the whole list, in order; answers with the new traject view. */
export function setTrajectItems(
  id: string,
  items: InferRequestType<typeof traject.items.$put>['json']['items'],
): Promise<TrajectDetail> {
  return readJson(traject.items.$put({ param: pathParams({ id }), json: { items } }));
}

/** The URL of the coverage matrix as CSV. */
export function trajectCsvUrl(id: string): string {
  return apiUrl(traject['matrix.csv'].$path({ param: pathParams({ id }) }));
}

/** GET /api/teams/:teamId/trajects */
export function listTeamTrajects(teamId: string): Promise<TrajectSummary[]> {
  return readJson(api.teams[':teamId'].trajects.$get({ param: pathParams({ teamId }) }));
}
