/** The rich text of every section of a document's Y.Doc, by section id (as projections name them). */
import * as Y from 'yjs';
import { SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';
import { TEMPLATE_KEYS } from '../../shared/editor/templateDoc';
import type { DocumentSummary } from '../../shared/schemas/documents';
import { fragmentToNode } from './richText';
import type { Node as PMNode } from '@tiptap/pm/model';

/** Document nodes by section id (null: not renderable); the ids match the projection's `sections`. */
export function richSections(doc: Y.Doc, kind: DocumentSummary['kind']): Map<string, PMNode | null> {
  const fragments: Array<[string, string]> =
    kind === 'ontwikkelpad'
      ? [
          [TEMPLATE_KEYS.description, TEMPLATE_KEYS.description],
          [TEMPLATE_KEYS.suggestions, TEMPLATE_KEYS.suggestions],
        ]
      : doc
          .getArray<Y.Map<unknown>>(SECTIONS_ARRAY)
          .toArray()
          .map((section) => {
            const id = String(section.get('id') ?? '');
            return [id, sectionFragmentName(id)];
          });
  return new Map(fragments.map(([id, name]) => [id, fragmentToNode(doc.getXmlFragment(name))]));
}
