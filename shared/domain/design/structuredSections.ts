/**
 * Template sections that ask the same question as a structured field of the design form. The
 * default ontwikkelpad sections include "Leeractiviteiten", "Toetsing en bewijzen", "Erkenning
 * eerder verworven competenties" and "Relatie tot het professionaliseringstraject", while the
 * design has structured fields for exactly these; the design page, exports and the catalog show
 * such a question once, as the structured field, with the section's guidance.
 */

/** The structured fields a template section can duplicate. */
export const STRUCTURED_FIELDS = ['activities', 'evidence', 'evcApproach', 'trajectRelation'] as const;
export type StructuredField = (typeof STRUCTURED_FIELDS)[number];

/** Heading beginnings (lower case) per field; an atelier may lengthen a heading, not rename it away. */
const HEADINGS: ReadonlyArray<[string, StructuredField]> = [
  ['leeractiviteiten', 'activities'],
  ['toetsing', 'evidence'],
  ['bewijzen', 'evidence'],
  ['erkenning eerder verworven competenties', 'evcApproach'],
  ['erkenning van eerder verworven competenties', 'evcApproach'],
  ['evc', 'evcApproach'],
  ['relatie tot het professionaliseringstraject', 'trajectRelation'],
  ['relatie tot het traject', 'trajectRelation'],
];

/** The structured field a section with this heading duplicates, or null for a section of its own. */
export function structuredFieldOf(heading: string): StructuredField | null {
  const normal = heading.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ');
  for (const [start, field] of HEADINGS) {
    if (
      normal === start ||
      normal.startsWith(`${start} `) ||
      normal.startsWith(`${start}-`) ||
      normal.startsWith(`${start}:`)
    )
      return field;
  }
  return null;
}

/** The sections of a design split into those shown as sections and, per structured field, those it absorbs. */
export function splitSections<S extends { id: string; heading: string }>(
  sections: readonly S[],
): { own: S[]; absorbed: Partial<Record<StructuredField, S[]>> } {
  const own: S[] = [];
  const absorbed: Partial<Record<StructuredField, S[]>> = {};
  for (const section of sections) {
    const field = structuredFieldOf(section.heading);
    if (field) (absorbed[field] ??= []).push(section);
    else own.push(section);
  }
  return { own, absorbed };
}
