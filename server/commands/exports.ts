import type { AppDeps } from '../deps';
import { ApiError } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import type { ExportSource } from '../render/design';
import { renderHtml, renderMarkdown } from '../render/document';
import { projectionOf } from './versions';

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

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A filename safe on every system and in a header: ASCII letters, digits and dashes only. */
export function safeFilename(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'ontwerp'}.${extension}`;
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
  const { ref, json } = await projectionOf(deps, document, versionId ?? 'current');
  const source: ExportSource = { document, version: ref === 'current' ? null : ref, json };
  const filename = (extension: string) =>
    safeFilename(source.version ? `${json.title}-${source.version.label}` : json.title, extension);
  switch (format as ExportFormat) {
    case 'md':
      return {
        body: renderMarkdown(source),
        contentType: 'text/markdown; charset=utf-8',
        filename: filename('md'),
        disposition: 'attachment',
      };
    case 'html':
      return {
        body: renderHtml(source),
        contentType: 'text/html; charset=utf-8',
        filename: filename('html'),
        disposition: 'attachment',
      };
    case 'print':
      return {
        body: renderHtml(source, { print: true }),
        contentType: 'text/html; charset=utf-8',
        filename: filename('html'),
        disposition: 'inline',
      };
    case 'docx':
      return {
        // docx is loaded only when a .docx is asked for (it adds ~12 MB to a server that never exports one).
        body: await (await import('../render/exportDocx')).renderDocx(source),
        contentType: DOCX_TYPE,
        filename: filename('docx'),
        disposition: 'attachment',
      };
    case 'json':
      return {
        body: JSON.stringify(
          {
            schema: 'werkplaats.design/1',
            document: { id: document.id, kind: document.kind, title: json.title, teamId: document.teamId },
            version: source.version,
            exportedAt: new Date().toISOString(),
            ...json,
          },
          null,
          2,
        ),
        contentType: 'application/json; charset=utf-8',
        filename: filename('json'),
        disposition: 'attachment',
      };
  }
}
