import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, apiUrl, pathParams } from '../../api/client';
import { ApiError, readJson, responseError } from '../../api/request';

/** The versions, diff and export routes are mounted under /api/documents for every kind of document. */
const versioned = api.documents[':id'];
const version = versioned.versions[':versionId'];

/** One entry of the timeline (GET …/versions), newest first. */
export type VersionSummary = InferResponseType<typeof versioned.versions.$get, 200>[number];

/** GET …/versions/:versionId — a version with its JSON projection. */
export type VersionDetail = InferResponseType<typeof version.$get, 200>;

/** GET …/diff — what changed from one version to another (or to the current state). */
export type VersionDiff = InferResponseType<typeof versioned.diff.$get, 200>;

/** GET /api/documents/:id/versions */
export function listVersions(docId: string): Promise<VersionSummary[]> {
  return readJson(versioned.versions.$get({ param: pathParams({ id: docId }) }));
}

/** POST /api/documents/:id/versions — an immutable snapshot of the current state. */
export function saveVersion(docId: string, body: InferRequestType<typeof versioned.versions.$post>['json']) {
  return readJson(versioned.versions.$post({ param: pathParams({ id: docId }), json: body }));
}

/** GET /api/documents/:id/versions/:versionId */
export function getVersion(docId: string, versionId: string): Promise<VersionDetail> {
  return readJson(version.$get({ param: pathParams({ id: docId, versionId }) }));
}

/** POST …/versions/:versionId/restore — the current state becomes that version's (a new version). */
export function restoreVersion(docId: string, versionId: string) {
  return readJson(version.restore.$post({ param: pathParams({ id: docId, versionId }) }));
}

/** GET /api/documents/:id/diff?from=&to= — `to` defaults to the current state. */
export function getVersionDiff(docId: string, from: string, to = 'current'): Promise<VersionDiff> {
  return readJson(versioned.diff.$get({ param: pathParams({ id: docId }), query: { from, to } }));
}

// --- Exports -----------------------------------------------------------------------------------

/** The export formats the menu offers (docx and print come from the DOCX/print work on the server). */
export const EXPORT_MENU_FORMATS = ['md', 'html', 'json', 'docx', 'print'] as const;
export type ExportMenuFormat = (typeof EXPORT_MENU_FORMATS)[number];

/** URL of an export of a document (optionally of one version). */
export function exportUrl(docId: string, format: ExportMenuFormat, versionId?: string | null): string {
  const path = apiUrl(versioned.export.$path({ param: pathParams({ id: docId }) }));
  const version = versionId ? `&version=${encodeURIComponent(versionId)}` : '';
  return `${path}?format=${format}${version}`;
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
  if (!response.ok) throw await responseError(response);
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

const designStatusRoute = api.designs[':id'].status;

/** GET /api/designs/:id/status — the status, the possible next steps, the history and lineage. */
export type DesignStatusInfo = InferResponseType<typeof designStatusRoute.$get, 200>;

/** One next step of the lifecycle, possible now or not (with the gate's Dutch reason). */
export type StatusMove = DesignStatusInfo['allowed'][number];

/** GET /api/designs/:id/status */
export function getDesignStatus(docId: string): Promise<DesignStatusInfo> {
  return readJson(designStatusRoute.$get({ param: pathParams({ id: docId }) }));
}

/** POST /api/designs/:id/status (owners) — answers the new status info. */
export function changeDesignStatus(
  docId: string,
  body: InferRequestType<typeof designStatusRoute.$post>['json'],
): Promise<DesignStatusInfo> {
  return readJson(designStatusRoute.$post({ param: pathParams({ id: docId }), json: body }));
}
