import * as Y from 'yjs';
import { sectionFragmentName } from '../../../shared/editor/fields';
import { deleteInnermostFirst } from '../../../shared/editor/sharedTypeTree';
import { fragmentToPlainText } from '../../../shared/editor/templateDoc';

/** The plain text of a design section ('' when it holds nothing but empty paragraphs). */
export function sectionPlainText(doc: Y.Doc, sectionId: string): string {
  return fragmentToPlainText(doc.getXmlFragment(sectionFragmentName(sectionId))).trim();
}

/** Empties a section's rich text, leaving the one empty paragraph a new section has. */
export function clearSectionText(doc: Y.Doc, sectionId: string): void {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId));
  doc.transact(() => {
    // Innermost first: rich text may nest deeper than Yjs' recursive delete allows.
    deleteInnermostFirst(fragment, () => fragment.delete(0, fragment.length));
    fragment.insert(0, [new Y.XmlElement('paragraph')]);
  });
}

/**
 * Moves a section's text to the end of a plain-text field (after a blank line) and empties the
 * section, in one transaction: nobody sees the text twice or nowhere.
 */
export function moveSectionText(doc: Y.Doc, sectionId: string, textName: string): void {
  const moved = sectionPlainText(doc, sectionId);
  if (!moved) return;
  doc.transact(() => {
    const text = doc.getText(textName);
    const before = text.toString();
    text.insert(text.length, before.trim() ? `${before.endsWith('\n') ? '\n' : '\n\n'}${moved}` : moved);
    clearSectionText(doc, sectionId);
  });
}
