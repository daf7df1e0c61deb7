/**
 * The CPU-heavy jobs the worker pool runs: plain data in (stored projections, Y.Doc states), plain
 * data out. Nothing here touches the database or the rooms, so it runs the same on a worker thread
 * as on the main thread.
 */
import * as Y from 'yjs';
import { diffProjections, type ProjectionDiff } from '../../shared/domain/versions/diff';
import type { VersionProjection } from '../../shared/domain/versions/projection';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { ExportSource } from '../render/design';
import { catalogSections } from '../render/catalogSections';
import { renderHtml } from '../render/document';
import { renderMarkdown } from '../render/markdown';
import { projectDoc, type ProjectionTemplate } from '../render/projection';
import { richSections } from '../render/richSections';
import type { DesignLifeContext } from '../../shared/domain/design/types';

/** A stored version's projection, or a document state to project (the current state). */
export type ProjectionInput =
  | { json: VersionProjection }
  | {
      state: Uint8Array;
      document: DocumentSummary;
      template: ProjectionTemplate | null;
      life: DesignLifeContext | null;
    };

/** The formats the export job renders (all of the export command's formats). */
export type ExportJobFormat = 'md' | 'html' | 'print' | 'json' | 'docx';

/** What an export job needs: the format, the document and version it is of, and the projection. */
export interface ExportJob {
  format: ExportJobFormat;
  document: DocumentSummary;
  version: Exclude<VersionRef, 'current'> | null;
  input: ProjectionInput;
  /** The version's Yjs state, for its rich text (a stored projection holds only plain text). */
  versionState?: Uint8Array | null;
  /** Attribution of a reused design, shown with the metadata. */
  basedOn?: string | null;
}

/** What a diff job needs: both sides' references (echoed in the response) and projections. */
export interface DiffJob {
  from: VersionRef;
  to: VersionRef;
  before: ProjectionInput;
  after: ProjectionInput;
}

/** A version as a diff or export names it; 'current' is the committed state. */
export type VersionRef = { id: string; label: string; createdAt: string } | 'current';

/** The diff response: both references and what changed. */
export type VersionDiff = { from: VersionRef; to: VersionRef } & ProjectionDiff;

/** An export job's result: the body and the title (the filename is made from it). */
export interface ExportResult {
  title: string;
  body: string | Uint8Array<ArrayBuffer>;
}

function project(input: ProjectionInput): VersionProjection {
  if ('json' in input) return input.json;
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, input.state);
    return projectDoc(doc, input.document, input.template, input.life);
  } finally {
    doc.destroy();
  }
}

/**
 * The projection and the rich text of what the export is of, from one decoded doc: the current
 * state, or a stored projection with its version's state (none known: plain text).
 */
function exportSource(job: ExportJob): ExportSource {
  const { document, version, input } = job;
  const state = 'state' in input ? input.state : job.versionState;
  const base = { document, version, basedOn: job.basedOn ?? null };
  if (!state) return { ...base, json: project(input) };
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    const json = 'json' in input ? input.json : projectDoc(doc, input.document, input.template, input.life);
    return { ...base, json, rich: richSections(doc, document.kind) };
  } finally {
    doc.destroy();
  }
}

async function renderExport(job: ExportJob): Promise<ExportResult> {
  const { format, document, version } = job;
  const source = exportSource(job);
  const { json } = source;
  const body = async () => {
    switch (format) {
      case 'md':
        return renderMarkdown(source);
      case 'html':
        return renderHtml(source);
      case 'print':
        return renderHtml(source, { print: true });
      case 'docx':
        // Loaded on the first .docx only: docx adds ~12 MB to a worker that never writes one.
        return (await import('../render/exportDocx')).renderDocx(source);
      case 'json':
        return JSON.stringify(
          {
            schema: 'werkplaats.design/1',
            document: { id: document.id, kind: document.kind, title: json.title, teamId: document.teamId },
            version,
            exportedAt: new Date().toISOString(),
            ...json,
            // Beside each section's plain text, its structure (ProseMirror JSON of the editor's
            // schema): headings, marks, links and lists survive a JSON round trip.
            sections: json.sections.map((section) => ({
              ...section,
              rich: source.rich?.get(section.id)?.toJSON() ?? null,
            })),
          },
          null,
          2,
        );
    }
  };
  return { title: json.title, body: await body() };
}

/** Every job by name: its input and its result. */
export const JOBS = {
  /**
   * What changed between two projections, as the JSON text of the response: a large diff is
   * thousands of small objects, which would cost the event loop to copy back and stringify.
   */
  diff: ({ from, to, before, after }: DiffJob) =>
    JSON.stringify({ from, to, ...diffProjections(project(before), project(after)) }),
  /** A rendered export. */
  export: renderExport,
  /** The written sections of a published design, as HTML (its public catalog page). */
  catalogSections: ({ state }: { state: Uint8Array }) => catalogSections(state),
  /** Busy-waits `ms` (pool tests: a job that outlives its time limit without a huge document). */
  spin: ({ ms }: { ms: number }) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
    return ms;
  },
};

/** A job's name. */
export type JobName = keyof typeof JOBS;
/** The input of job `K`. */
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[0];
/** The result of job `K`. */
export type JobResult<K extends JobName> = Awaited<ReturnType<(typeof JOBS)[K]>>;

/** Runs job `name` on `input`; the worker's entry calls this. */
export async function runJob(name: JobName, input: unknown): Promise<unknown> {
  const job = JOBS[name] as (input: unknown) => unknown;
  return await job(input);
}
