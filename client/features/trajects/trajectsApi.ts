import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const traject = api.trajects[':id'];

/** GET /api/trajects/:id/status — the same shape as a design's, plus whether the caller may move it. */
export type TrajectStatusInfo = InferResponseType<typeof traject.status.$get, 200>;

/** GET /api/trajects/:id/status */
export function getTrajectStatus(trajectId: string): Promise<TrajectStatusInfo> {
  return readJson(traject.status.$get({ param: pathParams({ id: trajectId }) }));
}

/** POST /api/trajects/:id/status (owners). */
export function changeTrajectStatus(
  trajectId: string,
  body: InferRequestType<typeof traject.status.$post>['json'],
): Promise<TrajectStatusInfo> {
  return readJson(traject.status.$post({ param: pathParams({ id: trajectId }), json: body }));
}

/** One immutable traject version (made at every status change). */
export type TrajectVersion = InferResponseType<typeof traject.versions.$get, 200>['versions'][number];

/** GET /api/trajects/:id/versions */
export async function listTrajectVersions(trajectId: string): Promise<TrajectVersion[]> {
  const body = await readJson(traject.versions.$get({ param: pathParams({ id: trajectId }) }));
  return body.versions;
}

/** GET /api/trajects/:id with the lifecycle status and the items' origin. */
export type TrajectView = InferResponseType<typeof traject.$get, 200>;

/** A traject item with where it comes from: the own team (live) or another team's catalog entry. */
export type TrajectItemView = TrajectView['items'][number];

/** PUT /api/trajects/:id/agreements/:designId (owners): the agreement with the item's provider is made, or not. */
export function setTrajectAgreement(
  trajectId: string,
  designId: string,
  confirmed: boolean,
): Promise<TrajectView> {
  return readJson(
    traject.agreements[':designId'].$put({
      param: pathParams({ id: trajectId, designId }),
      json: { confirmed },
    }),
  );
}
