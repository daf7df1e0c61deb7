/** The written sections of a published design as HTML, for its public catalog page. */
import * as Y from 'yjs';
import { SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';
import { fragmentToPlainText } from '../../shared/editor/templateDoc';
import { escapeHtml } from './escape';
import { structuredFieldsOf, type StructuredFieldKey } from './outline';
import { richToHtml } from './richHtml';
import { richSections } from './richSections';

/** One section of a catalog entry: its heading, its text as HTML and the structured field it holds. */
export interface CatalogSection {
  id: string;
  heading: string;
  /** Written by the schema's serializer: text escaped, links only http(s)/mailto, no script. */
  html: string;
  /** The structured field the catalog shows inside this section (null: none). */
  field: StructuredFieldKey | null;
}

/** Every section of a design's published state, in document order. */
export function catalogSections(state: Uint8Array): CatalogSection[] {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    const rich = richSections(doc, 'leerarrangement');
    const sections = doc
      .getArray<Y.Map<unknown>>(SECTIONS_ARRAY)
      .toArray()
      .map((section) => ({
        id: String(section.get('id') ?? ''),
        heading: String(section.get('heading') ?? ''),
      }));
    const fields = structuredFieldsOf(sections.map((section) => section.heading));
    return sections.map((section, index) => {
      const node = rich.get(section.id);
      const html = node
        ? richToHtml(node)
        : fragmentToPlainText(doc.getXmlFragment(sectionFragmentName(section.id)))
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => `<p>${escapeHtml(line)}</p>`)
            .join('');
      return { ...section, html, field: fields[index] ?? null };
    });
  } finally {
    doc.destroy();
  }
}
