import type { AppDeps } from '../deps';
import { ApiError } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import { publicationLicense } from './catalog';
import { projectionSource, stateBuffers } from './versions';

/** The export formats. */
export const EXPORT_FORMATS = ['md', 'html', 'print', 'json', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A rendered export: the file's bytes, type and name. */
export interface ExportFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
  /** `attachment` downloads the file; `inline` opens it in the browser (print-ready HTML). */
  disposition: 'attachment' | 'inline';
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  print: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A filename safe on every system and in a header: ASCII letters, digits and dashes only. */
export function safeFilename(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'ontwerp'}.${extension}`;
}

/** "title — team (licence)" of the published design this one was reused from; null if none. */
async function attribution(deps: AppDeps, docId: string): Promise<string | null> {
  const basedOn = (await deps.stores.lifecycle.get(docId))?.basedOn;
  const source = basedOn ? await deps.stores.lifecycle.publication(basedOn) : undefined;
  if (!source) return null;
  return `${source.projection.title} — ${source.projection.teamName} (${await publicationLicense(deps, source)})`;
}

/** The export of a document's current state or of one of its versions, in `format`. */
export async function exportDocument(
  deps: AppDeps,
  userId: string,
  docId: string,
  format: string,
  versionId: string | undefined,
): Promise<ExportFile> {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.read');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new ApiError(400, 'invalid_format', 'Kies md, html, print, json of docx als formaat.');
  const { ref, input } = await projectionSource(deps, document, versionId ?? 'current');
  const version = ref === 'current' ? null : ref;
  // A stored projection holds plain text; the version's own state holds the formatting.
  const stored = version ? await deps.stores.versions.state(docId, version.id) : undefined;
  // Its own buffer, so moving it to the worker detaches nothing else.
  const versionState = stored ? new Uint8Array(stored) : null;
  const basedOn = await attribution(deps, docId);
  // Projected and rendered on a pool thread: a large document's export takes seconds of CPU.
  const { title, body } = await deps.workers.run(
    'export',
    { format: format as ExportFormat, document, version, input, versionState, basedOn },
    [...stateBuffers(input), ...(versionState ? [versionState.buffer as ArrayBuffer] : [])],
  );
  const extension = format === 'print' ? 'html' : format;
  return {
    body,
    contentType: CONTENT_TYPES[format as ExportFormat],
    filename: safeFilename(version ? `${title}-${version.label}` : title, extension),
    disposition: format === 'print' ? 'inline' : 'attachment',
  };
}
