/**
 * Names of the shared types inside every collaborative document's Y.Doc. Client and server both
 * use these; renaming one is a data migration.
 */

/** Y.Map with document-level fields (title). */
export const META_MAP = 'meta';
/** Y.Array<Y.Map> of sections, each `{ id, heading }`, in display order. */
export const SECTIONS_ARRAY = 'sections';

/** Name of the Y.XmlFragment holding the rich text of one section. */
export function sectionFragmentName(sectionId: string): string {
  return `section:${sectionId}`;
}

/** Default sections of a new free-form document (later issues take them from a template). */
export const DEFAULT_SECTION_HEADINGS = ['Inleiding', 'Uitwerking', 'Notities'] as const;
