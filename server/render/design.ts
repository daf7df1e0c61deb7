import type { VersionProjection } from '../../shared/domain/versions/projection';
import type { DocumentSummary } from '../../shared/schemas/documents';

/** What every document export renders: the document, the version (null: current state) and its projection. */
export interface ExportSource {
  document: DocumentSummary;
  version: { id: string; label: string; createdAt: string } | null;
  json: VersionProjection;
}

type DesignProjection = Extract<VersionProjection, { kind: 'leerarrangement' }>;

/** Dutch names of a design's modes. */
export const MODE_NL: Record<string, string> = { formeel: 'formeel', 'non-formeel': 'non-formeel' };

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
  return `horizontaal, ${placement.learningForm ?? '—'}`;
}
