import * as Y from 'yjs';
import type { TemplateContent, TemplateRichText } from '../../shared/domain/template/types';
import { fragmentToJson, type RichTextDoc } from '../../shared/editor/richTextJson';
import { fragmentToPlainText, plainTextToFragment, TEMPLATE_KEYS } from '../../shared/editor/templateDoc';
import { loadDoc } from '../collab/loadDoc';
import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import type { TemplateVersionStore } from '../stores/templateVersions';

const RICH_FIELDS = ['description', 'suggestions'] as const;

/** Plain text as the structure a new draft would get from it (a paragraph per line). */
function paragraphsOf(text: string): RichTextDoc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('plain');
  plainTextToFragment(fragment, text);
  const json = fragmentToJson(fragment);
  doc.destroy();
  return json;
}

/**
 * The rich text of a version published as plain text, taken from its draft where a field there
 * still has exactly the published text (the draft may have moved on since: then its structure
 * belongs to other text and that field stays plain paragraphs). Null when no field matches.
 */
export function richTextFromDraft(draft: Y.Doc, content: TemplateContent): TemplateRichText | null {
  let recovered = false;
  const fields = RICH_FIELDS.map((field) => {
    const fragment = draft.getXmlFragment(TEMPLATE_KEYS[field]);
    if (fragment.length > 0 && fragmentToPlainText(fragment) === content[field]) {
      recovered = true;
      return fragmentToJson(fragment);
    }
    return paragraphsOf(content[field]);
  });
  return recovered ? { description: fields[0]!, suggestions: fields[1]! } : null;
}

/**
 * At start: gives every version published before rich text was kept its structure, recovered from
 * the draft it was published from (or null: nothing to recover), once. A version that fails is
 * logged and tried again at the next start; the server starts regardless.
 */
export async function recoverTemplateRichText(
  versions: TemplateVersionStore,
  storage: DocStorage,
): Promise<{ recovered: number; plain: number }> {
  const counts = { recovered: 0, plain: 0 };
  for (const version of await versions.withoutRichText()) {
    try {
      let rich: TemplateRichText | null = null;
      if (version.draftDocId) {
        const { doc } = await loadDoc(storage, version.draftDocId);
        rich = richTextFromDraft(doc, version.content);
        doc.destroy();
      }
      await versions.addRichText(version.id, rich);
      counts[rich ? 'recovered' : 'plain']++;
    } catch (error) {
      log.warn('could not recover the rich text of a template version', {
        versionId: version.id,
        error: String(error),
      });
    }
  }
  if (counts.recovered + counts.plain > 0) log.info('template versions given their rich text', counts);
  return counts;
}
