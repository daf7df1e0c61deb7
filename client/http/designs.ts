import type { DesignStatus } from '../../shared/domain/lifecycle';
import type { RuleResult } from '../../shared/domain/leerarrangement/rules';
import type { LearningMode } from '../../shared/domain/leerarrangement/types';
import type { UpgradePlan } from '../../shared/domain/ontwikkelpad/upgrade';
import type { Capability, Role } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import { requestJson } from './request';
import type { TemplateVersionSummary } from './templates';

const enc = encodeURIComponent;

/** GET /api/designs/:id — a leerarrangement with its pinned template version and the caller's access. */
export interface DesignInfo extends DocumentSummary {
  docId: string;
  template: TemplateVersionSummary;
  /** A newer published version of the same ontwikkelpad and what upgrading would mean. */
  newerTemplate: { version: TemplateVersionSummary; plan: UpgradePlan } | null;
  role: Role;
  capabilities: Capability[];
}

/** POST /api/designs — only in a co-creatieteam. */
export function createDesign(body: {
  teamId: string;
  title: string;
  templateId: string;
}): Promise<{ id: string; docId: string }> {
  return requestJson<{ id: string; docId: string }>('/api/designs', { method: 'POST', body });
}

/** GET /api/designs/:id */
export function getDesign(id: string): Promise<DesignInfo> {
  return requestJson<DesignInfo>(`/api/designs/${enc(id)}`);
}

/** POST /api/designs/:id/upgrade */
export function upgradeDesign(id: string, toVersionId: string): Promise<{ plan: UpgradePlan }> {
  return requestJson<{ plan: UpgradePlan }>(`/api/designs/${enc(id)}/upgrade`, {
    method: 'POST',
    body: { toVersionId },
  });
}

/** A traject as a team lists it. */
export interface TrajectSummary {
  id: string;
  teamId: string;
  title: string;
  templateVersionId: string;
  createdAt?: string;
  updatedAt?: string;
}

/** One leerarrangement of a traject, as the server derives it from the design document. */
export interface TrajectItem {
  designId: string;
  title: string;
  teamId: string | null;
  targetedOutcomeIds: string[];
  ects: number | null;
  hours: number;
  mode: LearningMode | null;
  status: DesignStatus;
  alternativeGroup: string | null;
  position: number;
}

/** GET /api/trajects/:id */
export interface TrajectDetail extends TrajectSummary {
  template: TemplateVersionSummary;
  items: TrajectItem[];
  matrix: Array<{ outcome: { id: string; code: string; title: string }; coveredBy: string[] }>;
  checks: RuleResult[];
  totals: { ects: number; hours: number; drafts: number };
}

/** POST /api/trajects */
export function createTraject(body: {
  teamId: string;
  title: string;
  templateVersionId: string;
}): Promise<{ id: string }> {
  return requestJson<{ id: string }>('/api/trajects', { method: 'POST', body });
}

/** GET /api/trajects/:id */
export function getTraject(id: string): Promise<TrajectDetail> {
  return requestJson<TrajectDetail>(`/api/trajects/${enc(id)}`);
}

/** PUT /api/trajects/:id/items — the whole list, in order; answers with the new traject view. */
export function setTrajectItems(
  id: string,
  items: Array<{ designId: string; alternativeGroup: string | null }>,
): Promise<TrajectDetail> {
  return requestJson<TrajectDetail>(`/api/trajects/${enc(id)}/items`, { method: 'PUT', body: { items } });
}

/** The URL of the coverage matrix as CSV. */
export function trajectCsvUrl(id: string): string {
  return `/api/trajects/${enc(id)}/matrix.csv`;
}

/** GET /api/teams/:teamId/trajects */
export function listTeamTrajects(teamId: string): Promise<TrajectSummary[]> {
  return requestJson<TrajectSummary[]>(`/api/teams/${enc(teamId)}/trajects`);
}
