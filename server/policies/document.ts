import { isReadOnlyStatus } from '../../shared/domain/lifecycle';
import { can, type Capability, type Role } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { Stores } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';

/** The stores the document policy reads; `lifecycle` is optional so older callers keep working. */
type PolicyStores = Pick<Stores, 'documents' | 'teams'> & Partial<Pick<Stores, 'lifecycle'>>;

/** Whether the document's content is frozen by its lifecycle status (parked, external review, approved). */
export async function isFrozen(stores: PolicyStores, docId: string): Promise<boolean> {
  const lifecycle = await stores.lifecycle?.get(docId);
  return lifecycle ? isReadOnlyStatus(lifecycle.status) : false;
}

async function teamRole(stores: PolicyStores, userId: string, docId: string) {
  const document = await stores.documents.get(docId);
  if (!document) return undefined;
  const role = document.teamId ? await stores.teams.role(document.teamId, userId) : undefined;
  return { document, role };
}

/**
 * The caller's role on a document for live access (the sync server's connect check and
 * `rooms.refreshAccess`): their role in the team that owns it — except that while the lifecycle
 * freezes the document, an editing role acts as a commenter, so every socket opens (or reconnects,
 * after refreshAccess) read-only. Both callers only ask `document.read` / `document.edit`.
 */
export async function documentRole(
  stores: PolicyStores,
  userId: string,
  docId: string,
): Promise<
  | {
      document: DocumentSummary;
      role: Role | undefined;
    }
  | undefined
> {
  const found = await teamRole(stores, userId, docId);
  if (!found) return undefined;
  if (can(found.role, 'document.edit') && (await isFrozen(stores, docId)))
    return { ...found, role: 'commenter' };
  return found;
}

/**
 * Authorizes `capability` on a document: 404 if unknown, 403 without the capability. Uses the
 * team role; `document.edit` is refused (409) while the lifecycle freezes the document.
 */
export async function authorizeDocument(
  stores: PolicyStores,
  userId: string,
  docId: string,
  capability: Capability,
): Promise<{ document: DocumentSummary; role: Role }> {
  const found = await teamRole(stores, userId, docId);
  if (!found) throw notFound('Dit document bestaat niet.');
  if (!can(found.role, capability)) throw forbidden('Je hebt geen toegang tot dit document.');
  if (capability === 'document.edit' && (await isFrozen(stores, docId))) {
    throw new ApiError(
      409,
      'read_only',
      'Dit ontwerp is geparkeerd, aangemeld voor externe toetsing of goedgekeurd en kan niet worden gewijzigd.',
    );
  }
  return { document: found.document, role: found.role as Role };
}
