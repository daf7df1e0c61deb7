/** The JSON projection of a document's Y.Doc: what a version stores, diffs and exports read. */
import * as Y from 'yjs';
import { checkDesign } from '../../shared/domain/design/rules';
import { allOutcomes, type TemplateContent } from '../../shared/domain/template/types';
import type { SectionText, VersionProjection } from '../../shared/domain/versions/projection';
import { META_MAP, SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';
import { projectDesign } from '../../shared/editor/designDoc';
import { projectTemplate } from '../../shared/editor/templateContent';
import { fragmentToPlainText, TEMPLATE_KEYS } from '../../shared/editor/templateDoc';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { DesignLifeContext } from '../../shared/domain/design/types';

/** The template a projection checks a leerarrangement against (plain data: it crosses to a worker). */
export interface ProjectionTemplate {
  id: string;
  title: string;
  version: string;
  content: TemplateContent;
}

function textOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

/** Plain text of every rich-text section of a doc of this kind. */
function sectionTexts(doc: Y.Doc, kind: DocumentSummary['kind']): SectionText[] {
  if (kind === 'ontwikkelpad') {
    return [
      {
        id: TEMPLATE_KEYS.description,
        heading: 'Beschrijving',
        text: fragmentToPlainText(doc.getXmlFragment(TEMPLATE_KEYS.description)),
      },
      {
        id: TEMPLATE_KEYS.suggestions,
        heading: 'Suggesties',
        text: fragmentToPlainText(doc.getXmlFragment(TEMPLATE_KEYS.suggestions)),
      },
    ];
  }
  return doc
    .getArray<Y.Map<unknown>>(SECTIONS_ARRAY)
    .toArray()
    .map((section) => {
      const id = String(section.get('id') ?? '');
      return {
        id,
        heading: textOf(section.get('heading')),
        text: fragmentToPlainText(doc.getXmlFragment(sectionFragmentName(id))),
      };
    });
}

/** The JSON projection of a document's Y.Doc (what a version stores beside its state). */
export function projectDoc(
  doc: Y.Doc,
  document: DocumentSummary,
  template: ProjectionTemplate | null,
  /** The design's rounds, origin and ECTS norm at this moment (R13, R3 in the stored results); null: not known. */
  life: DesignLifeContext | null = null,
): VersionProjection {
  const title = textOf(doc.getMap<unknown>(META_MAP).get('title')) || document.title;
  const sections = sectionTexts(doc, document.kind);
  if (document.kind === 'ontwikkelpad') {
    const { rich: _rich, ...content } = projectTemplate(doc);
    return { kind: 'ontwikkelpad', title, sections, content };
  }
  if (document.kind === 'leerarrangement') {
    const design = projectDesign(doc, template?.content);
    const outcomes = Object.fromEntries(
      (template ? allOutcomes(template.content) : []).map((outcome) => [
        outcome.id,
        { code: outcome.code, title: outcome.title },
      ]),
    );
    return {
      kind: 'leerarrangement',
      title,
      sections,
      design,
      template: template ? { id: template.id, title: template.title, version: template.version } : null,
      outcomes,
      checks: template ? checkDesign(design, template.content, life ?? { feedback: null }) : [],
    };
  }
  return { kind: 'document', title, sections };
}
