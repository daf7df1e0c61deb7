import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionFragmentName } from '../../../shared/editor/fields';
import { xmlToString } from '../../../shared/editor/xmlTree';
import {
  clearSectionText,
  moveSectionText,
  sectionPlainText,
} from '../../../client/features/designs/earlierText';
import { writeFormattedText } from '../../support/richFragment';

function docWithSection(text?: string): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(sectionFragmentName('s1'));
  if (text) writeFormattedText(fragment, text);
  else fragment.insert(0, [new Y.XmlElement('paragraph')]);
  return doc;
}

describe('text of a section that is now a structured field', () => {
  it('an empty section has no text to show', () => {
    expect(sectionPlainText(docWithSection(), 's1')).toBe('');
  });

  it('moves after a blank line below what the field has, and empties the section in the same transaction', () => {
    const doc = docWithSection('Oude kop');
    doc.getText('evcApproach').insert(0, 'Al geschreven.');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveSectionText(doc, 's1', 'evcApproach');
    expect(transactions).toBe(1);
    const field = doc.getText('evcApproach').toString();
    expect(field.startsWith('Al geschreven.\n\nOude kop\nDit is vetgedrukt')).toBe(true);
    expect(field).toContain('- stap één');
    expect(xmlToString(doc.getXmlFragment(sectionFragmentName('s1')))).toBe('<paragraph></paragraph>');
  });

  it('into an empty field without a leading blank line; clearing leaves one empty paragraph', () => {
    const doc = docWithSection('Kop');
    moveSectionText(doc, 's1', 'trajectRelation');
    expect(doc.getText('trajectRelation').toString().startsWith('Kop\n')).toBe(true);
    const other = docWithSection('Te wissen');
    clearSectionText(other, 's1');
    expect(xmlToString(other.getXmlFragment(sectionFragmentName('s1')))).toBe('<paragraph></paragraph>');
  });
});
