import { can, type Capability, type Role } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { Stores } from '../deps';
import { forbidden, notFound } from '../http/apiError';

/** The caller's role on a document: their role in the team that owns it. */
export function documentRole(
  stores: Pick<Stores, 'documents' | 'teams'>,
  userId: string,
  docId: string,
):
  | {
      document: DocumentSummary;
      role: Role | undefined;
    }
  | undefined {
  const document = stores.documents.get(docId);
  if (!document) return undefined;
  const role = document.teamId ? stores.teams.role(document.teamId, userId) : undefined;
  return { document, role };
}

/** Authorizes `capability` on a document: 404 if unknown, 403 without the capability. */
export function authorizeDocument(
  stores: Pick<Stores, 'documents' | 'teams'>,
  userId: string,
  docId: string,
  capability: Capability,
): { document: DocumentSummary; role: Role } {
  const found = documentRole(stores, userId, docId);
  if (!found) throw notFound('Dit document bestaat niet.');
  if (!can(found.role, capability)) throw forbidden('Je hebt geen toegang tot dit document.');
  return { document: found.document, role: found.role as Role };
}
