import type { Capability, Role } from '../../shared/domain/roles';
import type { CreateDocumentBody, DocumentSummary } from '../../shared/schemas/documents';
import { requestJson } from './request';

/** A document with the caller's role and capabilities (GET /api/documents/:id). */
export interface DocumentWithAccess extends DocumentSummary {
  role: Role;
  capabilities: Capability[];
}

/** GET /api/documents — documents of all my teams, most recently changed first. */
export function listDocuments(): Promise<DocumentSummary[]> {
  return requestJson<DocumentSummary[]>('/api/documents');
}

/** GET /api/documents/:id — 403 without access, 404 unknown. */
export function getDocument(
  id: string,
  { reportUnauthenticated = true }: { reportUnauthenticated?: boolean } = {},
): Promise<DocumentWithAccess> {
  return requestJson<DocumentWithAccess>(`/api/documents/${encodeURIComponent(id)}`, {
    reportUnauthenticated,
  });
}

/** POST /api/documents (owner, editor of the team); resolves with the new document's id. */
export function createDocument(body: CreateDocumentBody): Promise<{ id: string; docId: string }> {
  return requestJson<{ id: string; docId: string }>('/api/documents', { method: 'POST', body });
}
