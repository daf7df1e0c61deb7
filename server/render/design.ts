import type { VersionProjection } from '../../shared/domain/versions/projection';
import type { DocumentSummary } from '../../shared/schemas/documents';
import { LEARNING_FORM_NL } from './labelsNl';
import type { Node as PMNode } from '@tiptap/pm/model';

/** What every document export renders: the document, the version (null: current state) and its projection. */
export interface ExportSource {
  document: DocumentSummary;
  version: { id: string; label: string; createdAt: string } | null;
  json: VersionProjection;
  /** Document nodes by section id (from the Yjs state); a section without one renders its plain text. */
  rich?: Map<string, PMNode | null>;
  /** Attribution of a reused design: the source's title, team and licence. */
  basedOn?: string | null;
}

type DesignProjection = Extract<VersionProjection, { kind: 'leerarrangement' }>;

/** A targeted outcome as "code title" (its id when the ontwikkelpad no longer has it). */
export function outcomeName(json: DesignProjection, id: string): string {
  const outcome = json.outcomes[id];
  return outcome ? `${outcome.code} ${outcome.title}`.trim() : id;
}

/** Where the design sits in the ontwikkelpad, in words. */
export function placementText(json: DesignProjection): string {
  const placement = json.design.placement;
  if (!placement) return '—';
  if (placement.type === 'verticaal') return `verticaal, positie ${placement.position ?? '—'}`;
  return `horizontaal, ${placement.learningForm ? LEARNING_FORM_NL[placement.learningForm].toLowerCase() : '—'}`;
}
