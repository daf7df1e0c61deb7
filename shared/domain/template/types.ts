import type { RichTextDoc } from '../../editor/richTextJson';

/**
 * The plain projection of an ontwikkelpad (development-path template): what is published as an
 * immutable version, diffed, validated and what designs pin. The live draft is a Y.Doc; this is
 * its JSON form.
 */
export const TEMPLATE_KINDS = ['start-vakbekwaam', 'vakbekwaam-expert'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_KIND_LABELS_NL: Record<TemplateKind, string> = {
  'start-vakbekwaam': 'Van start- naar vakbekwaam',
  'vakbekwaam-expert': 'Van vakbekwaam naar expert',
};

export const SECTORS = ['po', 'vo', 'mbo'] as const;
export type Sector = (typeof SECTORS)[number];

/** A learning outcome. `id` never changes; `code` (e.g. "LU 2.3") is the human label. */
export interface Leeruitkomst {
  id: string;
  code: string;
  title: string;
  description: string;
}

/** A theme/domain grouping outcomes, in display order. */
export interface Theme {
  id: string;
  title: string;
  outcomes: Leeruitkomst[];
}

/** One sub-dimension of a rubric row: a descriptor per growth level (same order as `levels`). */
export interface RubricSubdimension {
  id: string;
  title: string;
  descriptors: string[];
}

/** Dimensions × sub-dimensions × growth levels, as in seed 000's Curriculumdeskundigheid matrix. */
export interface Rubric {
  levels: string[];
  dimensions: Array<{ id: string; title: string; subdimensions: RubricSubdimension[] }>;
}

/** A section every leerarrangement made from the template must have, with guidance shown as a hint. */
export interface TemplateSection {
  id: string;
  heading: string;
  guidance: string;
}

/** The rich-text fields of a template in their structure (Tiptap JSON). */
export interface TemplateRichText {
  description: RichTextDoc;
  suggestions: RichTextDoc;
}

/**
 * The whole template. `description` and `suggestions` are plain text (what diffs, search and plain
 * readers use); `rich` holds the same fields with their formatting, which a new draft starts from.
 */
export interface TemplateContent {
  title: string;
  kind: TemplateKind;
  /** For a specialisation (vakbekwaam → expert), e.g. "Specialist Curriculumontwikkeling". */
  specialisation: string;
  sectors: Sector[];
  /** NLQF level 1–8, null until chosen. */
  nlqfLevel: number | null;
  description: string;
  themes: Theme[];
  rubric: Rubric | null;
  suggestions: string;
  sections: TemplateSection[];
  /**
   * Absent: published before formatting was kept and not recovered yet; null: nothing to recover
   * (plain text is all there is).
   */
  rich?: TemplateRichText | null;
}

/** The sections a leerarrangement must have unless the atelier changes them. */
export const DEFAULT_TEMPLATE_SECTIONS: ReadonlyArray<Omit<TemplateSection, 'id'>> = [
  {
    heading: 'Doelgroep en aanleiding',
    guidance: 'Voor wie is dit leerarrangement en welke vraag uit de praktijk beantwoordt het?',
  },
  {
    heading: 'Leeruitkomsten en opbouw',
    guidance: 'Welke leeruitkomsten van het ontwikkelpad realiseert het, en in welke opbouw?',
  },
  {
    heading: 'Leeractiviteiten',
    guidance: 'Formele, non-formele en informele activiteiten (bijv. intervisie, co-teaching, coaching).',
  },
  {
    heading: 'Toetsing en bewijzen',
    guidance: 'Hoe laat de leraar per leeruitkomst zien dat die bereikt is?',
  },
  {
    heading: 'Erkenning eerder verworven competenties',
    guidance: 'Hoe wordt eerdere ervaring erkend (portfolio, gesprek, toets)?',
  },
  {
    heading: 'Relatie tot het professionaliseringstraject',
    guidance: 'Hoe past dit leerarrangement in het geheel van het traject?',
  },
  { heading: 'Materialen', guidance: 'Welke materialen zijn nodig; nieuw, omgezet/opgewerkt of bestaand?' },
];

/** Every outcome of a template, in display order. */
export function allOutcomes(content: Pick<TemplateContent, 'themes'>): Leeruitkomst[] {
  return content.themes.flatMap((theme) => theme.outcomes);
}
