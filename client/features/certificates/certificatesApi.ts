import type { InferRequestType, InferResponseType } from 'hono/client';
import type { DesignCertificate, TrajectCertificate } from '../../../shared/domain/certificate';
import { api, apiUrl, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const designCertificate = api.designs[':id'].certificate;
const trajectCertificate = api.trajects[':id'].certificate;
const evcProcedure = api.teams[':teamId']['evc-procedure'];

/** Whose certificate: a leerarrangement design or a traject. */
export type CertificateOf = 'design' | 'traject';

/** GET /api/designs/:id/certificate — the model the preview shows. */
export function getDesignCertificate(id: string): Promise<DesignCertificate> {
  return readJson(
    designCertificate.$get({ param: pathParams({ id }), query: { format: 'json' } }),
  ) as Promise<DesignCertificate>;
}

/** GET /api/trajects/:id/certificate */
export function getTrajectCertificate(id: string): Promise<TrajectCertificate> {
  return readJson(
    trajectCertificate.$get({ param: pathParams({ id }), query: { format: 'json' } }),
  ) as Promise<TrajectCertificate>;
}

/** The browser URL of the certificate as a print page (html) or a Word file (docx). */
export function certificateFileUrl(of: CertificateOf, id: string, format: 'html' | 'docx'): string {
  const route = of === 'traject' ? trajectCertificate : designCertificate;
  return apiUrl(route.$path({ param: pathParams({ id }), query: { format } }));
}

/** GET /api/teams/:teamId/evc-procedure */
export type EvcProcedureView = InferResponseType<typeof evcProcedure.$get, 200>;

/** GET /api/teams/:teamId/evc-procedure (members). */
export function getEvcProcedure(teamId: string): Promise<EvcProcedureView> {
  return readJson(evcProcedure.$get({ param: pathParams({ teamId }) }));
}

/** PUT /api/teams/:teamId/evc-procedure (owners and editors); answers with the saved view. */
export function putEvcProcedure(
  teamId: string,
  body: InferRequestType<typeof evcProcedure.$put>['json'],
): Promise<EvcProcedureView> {
  return readJson(evcProcedure.$put({ param: pathParams({ teamId }), json: body }));
}
