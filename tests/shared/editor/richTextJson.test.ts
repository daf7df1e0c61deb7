import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToJson, jsonToFragment, type RichTextNode } from '../../../shared/editor/richTextJson';
import { xmlToString } from '../../../shared/editor/xmlTree';
import { writeFormattedText } from '../../support/richFragment';

/** Copies `source` through its JSON form into a fresh doc's fragment. */
function throughJson(source: Y.XmlFragment): Y.XmlFragment {
  const json = JSON.parse(JSON.stringify(fragmentToJson(source))) as RichTextNode;
  const target = new Y.Doc().getXmlFragment('copy');
  jsonToFragment(target, json);
  return target;
}

describe('rich text ↔ JSON', () => {
  it('gives the editor’s JSON: marks with their attributes, heading levels, both list kinds', () => {
    const fragment = new Y.Doc().getXmlFragment('f');
    writeFormattedText(fragment);
    const json = fragmentToJson(fragment);
    expect(json.content?.[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Het ontwikkelpad' }],
    });
    expect(json.content?.[1]?.content).toContainEqual({
      type: 'text',
      text: 'vetgedrukt',
      marks: [{ type: 'bold' }],
    });
    expect(json.content?.[1]?.content).toContainEqual({
      type: 'text',
      text: 'een link',
      marks: [{ type: 'link', attrs: { href: 'https://example.org/lu', target: '_blank', rel: 'noopener' } }],
    });
    expect(json.content?.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
    ]);
  });

  it('writes back exactly the same fragment', () => {
    const fragment = new Y.Doc().getXmlFragment('f');
    writeFormattedText(fragment);
    expect(xmlToString(throughJson(fragment))).toBe(xmlToString(fragment));
  });

  it('keeps an empty paragraph and an empty fragment', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    expect(fragmentToJson(fragment)).toEqual({ type: 'doc', content: [] });
    fragment.insert(0, [new Y.XmlElement('paragraph')]);
    expect(xmlToString(throughJson(fragment))).toBe('<paragraph></paragraph>');
  });

  it('handles nesting deeper than recursion allows', () => {
    let node: RichTextNode = { type: 'paragraph', content: [{ type: 'text', text: 'diep' }] };
    for (let level = 0; level < 5_000; level++)
      node = { type: 'bulletList', content: [{ type: 'listItem', content: [node] }] };
    const target = new Y.Doc({ gc: false }).getXmlFragment('f');
    jsonToFragment(target, { type: 'doc', content: [node] });
    const back = fragmentToJson(target);
    let depth = 0;
    for (let at: RichTextNode | undefined = back.content?.[0]; at?.content; at = at.content[0]) depth++;
    expect(depth).toBe(10_001);
  });
});
