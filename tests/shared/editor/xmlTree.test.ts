import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText, resolveTextAnchor, textAnchorAt } from '../../../shared/comments/anchors';
import { fragmentToPlainText } from '../../../shared/editor/templateDoc';
import { walkXml, xmlDepth, xmlToString } from '../../../shared/editor/xmlTree';
import { nestLists } from '../../support/deepDoc';

/**
 * The rich-text walks (plain text, comment anchors, Yjs' string form) on text of any depth: the same
 * result as before for ordinary text, and no stack overflow at 100,000 levels.
 */

const LEVELS = 50_000; // element depth 100,001
/** 100,000 levels take seconds, more on a busy CPU. */
const SLOW = { timeout: 120_000 };

function richFragment(): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('section:s');
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', '3');
  heading.insert(0, [new Y.XmlText('Kop <1>')]);
  const text = new Y.XmlText();
  text.insert(0, 'vet', { bold: true });
  text.insert(0, 'gewoon ');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text, new Y.XmlElement('hardBreak'), new Y.XmlText('na de breuk')]);
  fragment.insert(0, [heading, paragraph]);
  nestLists(fragment, 3);
  const quote = new Y.XmlElement('blockquote');
  fragment.insert(fragment.length, [quote]);
  quote.insert(0, [new Y.XmlElement('paragraph')]);
  return fragment;
}

function deepFragment(): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('section:diep');
  nestLists(fragment, LEVELS);
  return fragment;
}

describe('xmlToString', () => {
  it('is the string Yjs makes: attributes, marks, breaks, lists', () => {
    const fragment = richFragment();
    expect(xmlToString(fragment)).toBe(fragment.toString());
    const list = fragment.get(2) as Y.XmlElement;
    expect(xmlToString(list)).toBe(list.toString());
  });

  it('serialises 100,000 levels, where Yjs’ own toString overflows', SLOW, () => {
    const fragment = deepFragment();
    expect(() => fragment.toString()).toThrow(/call stack/);
    const text = xmlToString(fragment);
    expect(text.startsWith('<bulletlist><listitem><paragraph>regel 0</paragraph><bulletlist>')).toBe(true);
    expect(
      text.endsWith('<paragraph>regel 49999</paragraph>' + '</listitem></bulletlist>'.repeat(LEVELS)),
    ).toBe(true);
  });
});

describe('walkXml and xmlDepth', () => {
  it('visits in document order with depths, and leaves innermost first', () => {
    const fragment = richFragment();
    const entered: string[] = [];
    const left: string[] = [];
    walkXml(
      fragment,
      (node, depth) => {
        if (node instanceof Y.XmlElement) entered.push(`${depth}:${node.nodeName}`);
      },
      (node, depth) => left.push(`${depth}:${node instanceof Y.XmlElement ? node.nodeName : 'root'}`),
    );
    expect(entered.slice(0, 6)).toEqual([
      '1:heading',
      '1:paragraph',
      '2:hardBreak',
      '1:bulletList',
      '2:listItem',
      '3:paragraph',
    ]);
    expect(left.at(-1)).toBe('0:root');
    expect(xmlDepth(fragment)).toBe(7);
  });

  it('measures 100,000 levels', SLOW, () => {
    expect(xmlDepth(deepFragment())).toBe(2 * LEVELS + 1);
  });
});

describe('plain text and comment anchors', () => {
  it('plain text of 100,000 levels: one "- " line per list item', SLOW, () => {
    const lines = fragmentToPlainText(deepFragment()).split('\n');
    expect(lines).toHaveLength(LEVELS);
    expect(lines[0]).toBe('- regel 0');
    expect(lines.at(-1)).toBe(`- regel ${LEVELS - 1}`);
  });

  it('anchors a comment on the innermost line of 100,000 levels and finds it again', SLOW, () => {
    const fragment = deepFragment();
    const doc = fragment.doc!;
    const { text } = fragmentText(fragment);
    const last = `regel ${LEVELS - 1}`;
    expect(text.endsWith(`\n${last}`)).toBe(true);
    const anchor = textAnchorAt(doc, 'section:diep', text.length - last.length, text.length);
    expect(resolveTextAnchor(doc, anchor)).toMatchObject({ status: 'attached', text: last });
  });
});
