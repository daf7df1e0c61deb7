import type { DesignStatus, InternalOutcome } from '../../shared/domain/lifecycle';
import type { ProjectionDiff } from '../../shared/domain/versions/diff';
import type { VersionProjection } from '../../shared/domain/versions/projection';
import { ApiError, requestJson } from './request';

const enc = encodeURIComponent;

/** The versions, diff and export routes are mounted under /api/documents for every kind of document. */
const base = (docId: string) => `/api/documents/${enc(docId)}`;

/** One entry of the timeline (GET …/versions), newest first. */
export interface VersionSummary {
  id: string;
  label: string;
  note: string | null;
  status: string | null;
  authorName: string | null;
  createdAt: string;
}

/** GET …/versions/:versionId — a version with its JSON projection. */
export interface VersionDetail extends VersionSummary {
  json: VersionProjection;
}

/** GET …/diff — what changed from one version to another (or to the current state). */
export interface VersionDiff extends ProjectionDiff {
  from: { id: string; label: string; createdAt: string } | 'current';
  to: { id: string; label: string; createdAt: string } | 'current';
}

export function listVersions(docId: string): Promise<VersionSummary[]> {
  return requestJson<VersionSummary[]>(`${base(docId)}/versions`);
}

export function saveVersion(docId: string, body: { label: string; note?: string }): Promise<{ id: string }> {
  return requestJson<{ id: string }>(`${base(docId)}/versions`, { method: 'POST', body });
}

export function getVersion(docId: string, versionId: string): Promise<VersionDetail> {
  return requestJson<VersionDetail>(`${base(docId)}/versions/${enc(versionId)}`);
}

export function restoreVersion(docId: string, versionId: string): Promise<{ id: string }> {
  return requestJson<{ id: string }>(`${base(docId)}/versions/${enc(versionId)}/restore`, {
    method: 'POST',
  });
}

export function getVersionDiff(docId: string, from: string, to = 'current'): Promise<VersionDiff> {
  return requestJson<VersionDiff>(`${base(docId)}/diff?from=${enc(from)}&to=${enc(to)}`);
}

// --- Exports -----------------------------------------------------------------------------------

/** The export formats the menu offers (docx and print come from the DOCX/print work on the server). */
export const EXPORT_MENU_FORMATS = ['md', 'html', 'json', 'docx', 'print'] as const;
export type ExportMenuFormat = (typeof EXPORT_MENU_FORMATS)[number];

/** URL of an export of a document (optionally of one version). */
export function exportUrl(docId: string, format: ExportMenuFormat, versionId?: string | null): string {
  const version = versionId ? `&version=${enc(versionId)}` : '';
  return `${base(docId)}/export?format=${format}${version}`;
}

/** The file name from a Content-Disposition header, if any. */
function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain filename
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

/**
 * Fetches a file and reports progress (`received`, `total` when the server sends a length) while
 * reading the body, then hands the browser a blob to save.
 */
export async function downloadWithProgress(
  url: string,
  fallbackName: string,
  onProgress: (received: number, total: number | null) => void,
  signal?: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(response.status, body?.error?.code ?? 'http', body?.error?.message ?? '');
  }
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(received, total);
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer());
    chunks.push(buffer);
    received = buffer.byteLength;
    onProgress(received, total);
  }
  const blob = new Blob(chunks as BlobPart[], {
    type: response.headers.get('Content-Type') ?? 'application/octet-stream',
  });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filenameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

// --- Lifecycle ---------------------------------------------------------------------------------

/** One next step of the lifecycle, possible now or not (with the gate's Dutch reason). */
export interface StatusMove {
  to: DesignStatus;
  label: string;
  ok: boolean;
  reason: string | null;
  outcome: InternalOutcome | null;
  requiresNote: boolean;
}

/** One recorded move. */
export interface StatusHistoryEntry {
  id: number | string;
  from: DesignStatus | null;
  to: DesignStatus;
  outcome: InternalOutcome | null;
  note: string | null;
  actorId: string | null;
  createdAt: string;
}

/** GET /api/designs/:id/status */
export interface DesignStatusInfo {
  status: DesignStatus;
  label: string;
  allowed: StatusMove[];
  history: StatusHistoryEntry[];
  basedOn: { id: string; title: string | null } | null;
}

export function getDesignStatus(docId: string): Promise<DesignStatusInfo> {
  return requestJson<DesignStatusInfo>(`/api/designs/${enc(docId)}/status`);
}

export function changeDesignStatus(
  docId: string,
  body: { to: DesignStatus; outcome?: InternalOutcome | null; note?: string | null },
): Promise<DesignStatusInfo> {
  return requestJson<DesignStatusInfo>(`/api/designs/${enc(docId)}/status`, { method: 'POST', body });
}
