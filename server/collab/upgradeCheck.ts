import { ACCESS_CHANGES_PARAM } from '../../shared/collab/accessChanged';
import { DURABLE_PARAM } from '../../shared/collab/messages';
import { can } from '../../shared/domain/roles';
import { colorForUser } from '../../shared/domain/colors';
import { sessionTokenFromHeader } from '../auth/cookies';
import { isAllowedOrigin } from '../http/origin';
import type { Site } from '../http/site';
import { documentRole } from '../policies/document';
import type { AppDeps } from '../deps';
import type { ConnectionOptions } from './connection';

const DOC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a request to /collab/:docId carries that the checks read. */
export interface UpgradeRequest {
  docId: string;
  /** Lower-case header name → value (first value only). */
  header: (name: string) => string | undefined;
  query: (name: string) => string | undefined;
  /**
   * Where it came from (the client address, counted by the per-address cap), the own origin, and
   * whether the browser reached us over https (then only the __Host- session cookie counts).
   */
  site: Pick<Site, 'address' | 'origin' | 'https'>;
}

/** Why an upgrade is refused: an HTTP status and the error shape's code and message. */
export interface Refusal {
  status: 401 | 403 | 404 | 429;
  code: string;
  message: string;
}

/** Everything the socket needs from the upgrade, decided before any document is loaded. */
export type Admitted = Required<ConnectionOptions>;

/**
 * The checks of an upgrade on /collab/:docId, in order: a foreign Origin (403), no valid session
 * (401), too many sockets (429), an unknown document (404), no read access (403). Shared by the
 * WebSocket upgrade and the plain HTTP route, so both answer the same.
 */
export async function checkUpgrade(deps: AppDeps, request: UpgradeRequest): Promise<Admitted | Refusal> {
  const origin = request.header('origin');
  // Browsers always send Origin; refusing foreign ones stops cross-site WebSocket hijacking.
  if (origin && !isAllowedOrigin(request.site.origin, origin, deps.env.ALLOWED_ORIGINS)) {
    return { status: 403, code: 'forbidden_origin', message: 'Verbinding van een andere site geweigerd.' };
  }
  const auth = await deps.sessions.validate(
    sessionTokenFromHeader(request.header('cookie'), { https: request.site.https }),
  );
  if (!auth) return { status: 401, code: 'unauthenticated', message: 'Log eerst in.' };
  const { docId } = request;
  const { address } = request.site;
  const capped = deps.rooms.admit({ userId: auth.user.id, address });
  if (capped) {
    return {
      status: 429,
      code: 'too_many_connections',
      message:
        capped === 'user'
          ? 'Je hebt te veel documenten tegelijk open. Sluit een paar tabbladen en probeer het opnieuw.'
          : 'Te veel verbindingen vanaf dit adres. Probeer het later opnieuw.',
    };
  }
  const found = DOC_ID.test(docId) ? await documentRole(deps.stores, auth.user.id, docId) : undefined;
  if (!found) return { status: 404, code: 'not_found', message: 'Dit document bestaat niet.' };
  if (!can(found.role, 'document.read')) {
    return { status: 403, code: 'forbidden', message: 'Je hebt geen toegang tot dit document.' };
  }
  return {
    identity: {
      userId: auth.user.id,
      sessionId: auth.session.id,
      name: auth.user.name,
      color: colorForUser(auth.user.id),
      address,
    },
    canWrite: can(found.role, 'document.edit'),
    durableAcks: request.query(DURABLE_PARAM) === '1',
    accessChanges: request.query(ACCESS_CHANGES_PARAM) === '1',
  };
}

/** Whether checkUpgrade refused. */
export const isRefusal = (result: Admitted | Refusal): result is Refusal => 'status' in result;
