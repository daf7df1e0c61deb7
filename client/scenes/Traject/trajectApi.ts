import type { DesignStatus, InternalOutcome } from '../../../shared/domain/lifecycle';
import type { TrajectDetail } from '../../http/designs';
import { requestJson } from '../../http/request';
import type { DesignStatusInfo } from '../../http/versions';

const enc = encodeURIComponent;

/** GET /api/trajects/:id/status — the same shape as a design's, plus whether the caller may move it. */
export interface TrajectStatusInfo extends DesignStatusInfo {
  canChange: boolean;
}

export function getTrajectStatus(trajectId: string): Promise<TrajectStatusInfo> {
  return requestJson<TrajectStatusInfo>(`/api/trajects/${enc(trajectId)}/status`);
}

/** POST /api/trajects/:id/status (owners). */
export function changeTrajectStatus(
  trajectId: string,
  body: { to: DesignStatus; outcome?: InternalOutcome | null; note?: string | null },
): Promise<TrajectStatusInfo> {
  return requestJson<TrajectStatusInfo>(`/api/trajects/${enc(trajectId)}/status`, { method: 'POST', body });
}

/** One immutable traject version (made at every status change). */
export interface TrajectVersion {
  id: string;
  label: string;
  note: string | null;
  authorId: string | null;
  createdAt: string;
  status: DesignStatus;
  snapshot: {
    title: string;
    items: Array<{ designId: string; title: string; status: DesignStatus; teamName: string | null }>;
  };
}

export async function listTrajectVersions(trajectId: string): Promise<TrajectVersion[]> {
  const body = await requestJson<{ versions: TrajectVersion[] }>(`/api/trajects/${enc(trajectId)}/versions`);
  return body.versions;
}

/** A traject item with where it comes from: the own team (live) or another team's catalog entry. */
export type TrajectItemView = TrajectDetail['items'][number] & {
  source: 'team' | 'catalog';
  teamName: string | null;
};

/** GET /api/trajects/:id with the lifecycle status and the items' origin. */
export type TrajectView = Omit<TrajectDetail, 'items'> & { status: DesignStatus; items: TrajectItemView[] };
