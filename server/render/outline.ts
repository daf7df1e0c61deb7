/**
 * The one order of every export: what a design holds, as a list of blocks that the Markdown, HTML
 * (and print) and docx writers each render. A field appears here once, so it appears once in
 * every output.
 */
import type { VersionProjection } from '../../shared/domain/versions/projection';
import { outcomeName, placementText, type ExportSource } from './design';
import {
  ACTIVITY_KIND_NL,
  CHECK_STATUS_NL,
  DOCUMENT_KIND_NL,
  MATERIAL_NL,
  MODE_NL,
  dateTimeNl,
} from './labelsNl';
import { isEmptyRich, type RichText } from './richText';
import {
  structuredFieldOf,
  type StructuredField as StructuredSectionField,
} from '../../shared/domain/design/structuredSections';

/** One block of an export. Text is plain (each writer escapes it); `rich` is the shared schema. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'meta'; pairs: Array<[string, string]> }
  | { type: 'rich'; rich: RichText }
  | { type: 'text'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'empty' };

/** What every writer shows for an `empty` block. */
export const EMPTY_NL = '(leeg)';

/** The structured fields of a design that a template section can ask about too. */
export type StructuredFieldKey = 'outcomes' | StructuredSectionField;

/** A section about the targeted leeruitkomsten holds that list (the design page shows it on its own). */
const OUTCOMES_HEADING = /^leeruitkomsten/i;

type Design = Extract<VersionProjection, { kind: 'leerarrangement' }>;

/** A structured field of a design, and which template section (by heading) asks the same question. */
interface StructuredField {
  key: StructuredFieldKey;
  heading: string;
  blocks: (json: Design) => Block[];
}

const text = (value: string): Block[] => (value.trim() ? [{ type: 'text', text: value }] : []);

/**
 * The design's structured fields in export order. A template section whose heading matches is the
 * same question: the field is rendered inside that section instead of under its own heading.
 */
const STRUCTURED_FIELDS: StructuredField[] = [
  {
    key: 'outcomes',
    heading: 'Leeruitkomsten',
    blocks: (json) => {
      const ids = json.design.targetedOutcomeIds;
      return ids.length ? [{ type: 'list', items: ids.map((id) => outcomeName(json, id)) }] : [];
    },
  },
  {
    key: 'activities',
    heading: 'Leeractiviteiten',
    blocks: ({ design }) =>
      design.activities.length === 0
        ? []
        : [
            {
              type: 'table',
              columns: ['Titel', 'Soort', 'Modus', 'Uren', 'Aanbieder', 'Materiaal'],
              rows: design.activities.map((activity) => [
                activity.title || '—',
                ACTIVITY_KIND_NL[activity.kind],
                MODE_NL[activity.mode],
                activity.hours === null ? '—' : String(activity.hours),
                activity.provider.type === 'derde' ? activity.provider.name || 'derde' : 'team',
                activity.materialStatus ? MATERIAL_NL[activity.materialStatus] : '—',
              ]),
            },
          ],
  },
  {
    key: 'evidence',
    heading: 'Bewijzen',
    blocks: (json) =>
      Object.entries(json.design.evidence)
        .filter(([, value]) => value.trim())
        .flatMap(([id, value]): Block[] => [
          { type: 'heading', level: 3, text: outcomeName(json, id) },
          { type: 'text', text: value },
        ]),
  },
  {
    key: 'evcApproach',
    heading: 'EVC-aanpak',
    // Following the team's procedure is said in words; the procedure itself is on the certificate.
    blocks: ({ design }) => [
      ...(design.evcFollowsTeam ? text('Volgt de EVC-procedure van het team.') : []),
      ...text(design.evcApproach),
    ],
  },
  {
    key: 'trajectRelation',
    heading: 'Relatie tot het traject',
    blocks: ({ design }) => text(design.trajectRelation),
  },
];

/**
 * Which structured field each section heading asks about (each field at most once, the first
 * matching section), so the catalog places fields where the exports do.
 */
export function structuredFieldsOf(headings: string[]): Array<StructuredFieldKey | null> {
  const used = new Set<StructuredFieldKey>();
  return headings.map((heading) => {
    // The same matching as the design page (shared/domain/design/structuredSections.ts).
    const key = OUTCOMES_HEADING.test(heading.trim()) ? 'outcomes' : structuredFieldOf(heading);
    if (!key || used.has(key)) return null;
    used.add(key);
    return key;
  });
}

function metaPairs({ document, version, json, basedOn }: ExportSource): Array<[string, string]> {
  const pairs: Array<[string, string]> = [['Soort', DOCUMENT_KIND_NL[document.kind] ?? document.kind]];
  pairs.push(
    version
      ? ['Versie', `${version.label} (${dateTimeNl(version.createdAt)})`]
      : ['Stand van', dateTimeNl(document.updatedAt)],
  );
  if (basedOn) pairs.push(['Gebaseerd op', basedOn]);
  if (json.kind !== 'leerarrangement') return pairs;
  const { design } = json;
  if (json.template) pairs.push(['Ontwikkelpad', `${json.template.title} ${json.template.version}`]);
  pairs.push(
    ['NLQF-niveau', design.nlqfLevel === null ? '—' : String(design.nlqfLevel)],
    ['ECTS', design.ects === null ? '—' : String(design.ects)],
    ['Modus', design.mode ? MODE_NL[design.mode] : '—'],
    ['Plaatsing', placementText(json)],
    ['Sectoren', design.sectors.join(', ') || '—'],
  );
  return pairs;
}

/** The blocks of an export of `source`, in the one order every output follows. */
export function exportOutline(source: ExportSource): Block[] {
  const { json, rich } = source;
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: json.title },
    { type: 'meta', pairs: metaPairs(source) },
  ];
  const fieldKeys =
    json.kind === 'leerarrangement' ? structuredFieldsOf(json.sections.map((s) => s.heading)) : [];
  json.sections.forEach((section, index) => {
    const content: RichText = { node: rich?.get(section.id) ?? null, text: section.text };
    const field = STRUCTURED_FIELDS.find((candidate) => candidate.key === fieldKeys[index]);
    const structured = field && json.kind === 'leerarrangement' ? field.blocks(json) : [];
    const written: Block[] = isEmptyRich(content) ? [] : [{ type: 'rich', rich: content }];
    blocks.push({ type: 'heading', level: 2, text: section.heading }, ...written, ...structured);
    if (written.length === 0 && structured.length === 0) blocks.push({ type: 'empty' });
  });
  if (json.kind !== 'leerarrangement') return blocks;
  for (const field of STRUCTURED_FIELDS) {
    if (fieldKeys.includes(field.key)) continue;
    const structured = field.blocks(json);
    blocks.push({ type: 'heading', level: 2, text: field.heading });
    blocks.push(...(structured.length ? structured : [{ type: 'empty' } as const]));
  }
  blocks.push({ type: 'heading', level: 2, text: 'Controles' });
  blocks.push({
    type: 'list',
    items: json.checks.map((check) => `${check.ruleId} (${CHECK_STATUS_NL[check.status]}): ${check.message}`),
  });
  return blocks;
}
