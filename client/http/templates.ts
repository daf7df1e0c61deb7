import type { TemplateChange } from '../../shared/domain/ontwikkelpad/diff';
import type { OntwikkelpadContent, OntwikkelpadKind, Sector } from '../../shared/domain/ontwikkelpad/types';
import type { PublishProblem } from '../../shared/domain/ontwikkelpad/validate';
import type { Capability, Role } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import { requestJson } from './request';

/** A published ontwikkelpad version as the library lists it. */
export interface TemplateVersionSummary {
  id: string;
  templateKey: string;
  teamId: string;
  title: string;
  kind: OntwikkelpadKind;
  sectors: Sector[];
  nlqfLevel: number | null;
  version: string;
  changeNote: string;
  example: boolean;
  publishedAt: string;
}

/** One published version with its content and every version of the same ontwikkelpad. */
export interface TemplateVersionDetail extends TemplateVersionSummary {
  content: OntwikkelpadContent;
  /** Newest first. */
  versions: TemplateVersionSummary[];
}

/** GET /api/templates/:id/diff — the changes from `from` to `to`. */
export interface TemplateDiff {
  from: TemplateVersionSummary;
  to: TemplateVersionSummary;
  changes: TemplateChange[];
}

/** An ontwikkelpad draft with the caller's access and the version line it publishes into. */
export interface TemplateDraft extends DocumentSummary {
  templateKey: string;
  basedOnVersionId: string | null;
  /** Published versions of this ontwikkelpad, newest first. */
  versions: TemplateVersionSummary[];
  role: Role;
  capabilities: Capability[];
}

/** What publishing the draft now would do (GET /api/templates/drafts/:docId/publish). */
export interface PublishPreview {
  content: OntwikkelpadContent;
  problems: PublishProblem[];
  previous: TemplateVersionSummary | null;
  changes: TemplateChange[];
  requiresMajor: boolean;
  proposedVersion: string;
}

/** Filters of the library; empty values mean "all". */
export interface LibraryFilter {
  kind?: OntwikkelpadKind | '';
  sector?: Sector | '';
  q?: string;
}

const enc = encodeURIComponent;

/** The query string of a library request ("" without filters). */
export function libraryQuery(filter: LibraryFilter): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.sector) params.set('sector', filter.sector);
  if (filter.q?.trim()) params.set('q', filter.q.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** GET /api/templates — the library, newest first. `query` is what libraryQuery() made. */
export function listTemplates(query: string): Promise<TemplateVersionSummary[]> {
  return requestJson<TemplateVersionSummary[]>(`/api/templates${query}`);
}

/** GET /api/templates/:id. */
export function getTemplateVersion(id: string): Promise<TemplateVersionDetail> {
  return requestJson<TemplateVersionDetail>(`/api/templates/${enc(id)}`);
}

/** GET /api/templates/:id/diff?against=:from — the changes from `fromId` to `toId`. */
export function getTemplateDiff(toId: string, fromId: string): Promise<TemplateDiff> {
  return requestJson<TemplateDiff>(`/api/templates/${enc(toId)}/diff?against=${enc(fromId)}`);
}

/** POST /api/templates/drafts — a new draft in an atelier, empty or from a published version. */
export function createTemplateDraft(body: {
  teamId: string;
  title?: string;
  fromVersionId?: string;
}): Promise<{ id: string; docId: string }> {
  return requestJson<{ id: string; docId: string }>('/api/templates/drafts', { method: 'POST', body });
}

/** GET /api/templates/drafts/:docId — 403 for anyone outside the atelier. */
export function getTemplateDraft(docId: string): Promise<TemplateDraft> {
  return requestJson<TemplateDraft>(`/api/templates/drafts/${enc(docId)}`);
}

/** GET /api/templates/drafts/:docId/publish — validated against the server's committed state. */
export function getPublishPreview(docId: string): Promise<PublishPreview> {
  return requestJson<PublishPreview>(`/api/templates/drafts/${enc(docId)}/publish`);
}

/** POST /api/templates/drafts/:docId/publish — 400 with a Dutch message when it cannot. */
export function publishTemplate(
  docId: string,
  body: { version?: string; changeNote: string },
): Promise<{ id: string; version: string }> {
  return requestJson<{ id: string; version: string }>(`/api/templates/drafts/${enc(docId)}/publish`, {
    method: 'POST',
    body,
  });
}
