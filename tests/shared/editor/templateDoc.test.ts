import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_TEMPLATE_SECTIONS, type TemplateContent } from '../../../shared/domain/template/types';
import { validateForPublish } from '../../../shared/domain/template/validate';
import { initTemplateDoc, projectTemplate } from '../../../shared/editor/templateContent';
import { fragmentToPlainText, TEMPLATE_KEYS, setText } from '../../../shared/editor/templateDoc';

const seedDir = fileURLToPath(new URL('../../../server/db/seeds/templates/', import.meta.url));
const seedFiles = fs
  .readdirSync(seedDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

function seedContent(file: string): TemplateContent {
  return (JSON.parse(fs.readFileSync(`${seedDir}${file}`, 'utf8')) as { content: TemplateContent }).content;
}

/** A second doc with the first one's whole state (what a reload from storage gives). */
function reloaded(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges all missing updates between two docs (a sync). */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('initTemplateDoc → projectTemplate', () => {
  it('there are two seed files to check', () => {
    expect(seedFiles).toEqual(['specialist-curriculumontwikkeling.json', 'start-vakbekwaam.json']);
  });

  it.each(seedFiles)('%s projects back to exactly its content, also after encode/decode', (file) => {
    const content = seedContent(file);
    const doc = new Y.Doc();
    initTemplateDoc(doc, content);
    // toStrictEqual: no extra or missing keys, the same order of themes, outcomes and sections.
    // A seed is plain text; the projection adds its structure (a paragraph per line).
    const withStructure = { ...content, rich: projectTemplate(doc).rich };
    expect(withStructure.rich?.description.content?.[0]).toMatchObject({ type: 'paragraph' });
    expect(projectTemplate(doc)).toStrictEqual(withStructure);
    const copy = reloaded(doc);
    expect(projectTemplate(copy)).toStrictEqual(withStructure);
    doc.destroy();
    copy.destroy();
  });

  it('an empty draft has the title, one empty theme and the default sections, and is not yet publishable', () => {
    const doc = new Y.Doc();
    initTemplateDoc(doc, undefined, 'Mijn pad');
    const content = projectTemplate(doc);
    expect(content).toMatchObject({
      title: 'Mijn pad',
      kind: 'start-vakbekwaam',
      specialisation: '',
      sectors: [],
      nlqfLevel: null,
      description: '',
      rubric: null,
      suggestions: '',
    });
    expect(content.themes).toHaveLength(1);
    expect(content.themes[0]!.outcomes).toEqual([]);
    expect(content.sections.map(({ heading, guidance }) => ({ heading, guidance }))).toEqual(
      DEFAULT_TEMPLATE_SECTIONS,
    );
    expect(new Set(content.sections.map((section) => section.id)).size).toBe(
      DEFAULT_TEMPLATE_SECTIONS.length,
    );
    expect(validateForPublish(content).map((problem) => problem.path)).toEqual([
      'sectors',
      'nlqfLevel',
      'themes',
    ]);
    doc.destroy();
  });
});

describe('setText', () => {
  /** The delta one setText call produces on a Y.Text holding `from`. */
  function deltaOf(from: string, to: string): unknown[] {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, from);
    let delta: unknown[] = [];
    text.observe((event) => (delta = event.delta));
    setText(text, to);
    expect(text.toString()).toBe(to);
    doc.destroy();
    return delta;
  }

  it.each([
    ['append', 'Hallo', 'Hallo wereld', [{ retain: 5 }, { insert: ' wereld' }]],
    ['prepend', 'wereld', 'Hallo wereld', [{ insert: 'Hallo ' }]],
    ['insert in the middle', 'De leraar', 'De startende leraar', [{ retain: 3 }, { insert: 'startende ' }]],
    ['delete in the middle', 'De startende leraar', 'De leraar', [{ retain: 3 }, { delete: 10 }]],
    ['replace a word', 'kern en keuze', 'kern of keuze', [{ retain: 5 }, { delete: 2 }, { insert: 'of' }]],
    ['clear', 'weg', '', [{ delete: 3 }]],
    ['a repeated letter', 'aa', 'aaa', [{ retain: 2 }, { insert: 'a' }]],
  ])('%s: only the changed part is edited', (_name, from, to, delta) => {
    expect(deltaOf(from, to)).toEqual(delta);
  });

  it('does nothing (no update) when the value is unchanged', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'gelijk');
    let updates = 0;
    doc.on('update', () => updates++);
    setText(text, 'gelijk');
    expect(updates).toBe(0);
    doc.destroy();
  });

  it('concurrent edits on two copies merge: both insertions survive', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'De leraar ontwerpt lessen.');
    const b = reloaded(a);
    setText(a.getText('t'), 'De startende leraar ontwerpt lessen.');
    setText(b.getText('t'), 'De leraar ontwerpt samen lessen.');
    sync(a, b);
    expect(a.getText('t').toString()).toBe('De startende leraar ontwerpt samen lessen.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
    a.destroy();
    b.destroy();
  });
});

describe('rich text projects to plain text', () => {
  function element(name: string, children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement {
    const node = new Y.XmlElement(name);
    node.insert(0, children);
    return node;
  }
  const paragraph = (text: string) => element('paragraph', [new Y.XmlText(text)]);
  const listItem = (...children: Y.XmlElement[]) => element('listItem', children);

  /** Writes `nodes` into a draft's description fragment and projects the draft. */
  function description(nodes: Y.XmlElement[]): string {
    const doc = new Y.Doc();
    initTemplateDoc(doc);
    const fragment = doc.getXmlFragment(TEMPLATE_KEYS.description);
    fragment.delete(0, fragment.length);
    fragment.insert(0, nodes);
    const text = projectTemplate(doc).description;
    expect(fragmentToPlainText(fragment)).toBe(text);
    doc.destroy();
    return text;
  }

  it.each([
    [
      'paragraphs, one per line',
      [paragraph('Eerste alinea.'), paragraph('Tweede alinea.')],
      'Eerste alinea.\nTweede alinea.',
    ],
    [
      'a heading on its own line',
      [element('heading', [new Y.XmlText('Doel')]), paragraph('Tekst.')],
      'Doel\nTekst.',
    ],
    [
      'a bullet list with "- "',
      [
        paragraph('Thema’s:'),
        element('bulletList', [listItem(paragraph('klassenmanagement')), listItem(paragraph('didactiek'))]),
        paragraph('Einde.'),
      ],
      'Thema’s:\n- klassenmanagement\n- didactiek\nEinde.',
    ],
    [
      'an ordered list with "- "',
      [element('orderedList', [listItem(paragraph('een')), listItem(paragraph('twee'))])],
      '- een\n- twee',
    ],
    [
      'a second paragraph in a list item, indented',
      [element('bulletList', [listItem(paragraph('kop'), paragraph('vervolg'))])],
      '- kop\n  vervolg',
    ],
    [
      'empty paragraphs kept between, trimmed at the ends',
      [paragraph(''), paragraph('a'), paragraph(''), paragraph('b'), paragraph('')],
      'a\n\nb',
    ],
    ['a blockquote as its paragraphs', [element('blockquote', [paragraph('Citaat.')])], 'Citaat.'],
  ])('%s', (_name, nodes, expected) => {
    expect(description(nodes)).toBe(expected);
  });

  it('drops formatting marks but keeps the text', () => {
    const text = new Y.XmlText();
    const node = element('paragraph', [text]);
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    fragment.insert(0, [node]);
    text.insert(0, 'een ');
    text.insert(4, 'vet', { bold: true });
    text.insert(7, ' woord', {});
    expect(fragmentToPlainText(fragment)).toBe('een vet woord');
    doc.destroy();
  });

  it('a hard break (Shift+Enter) inside a paragraph does not glue the two lines together', () => {
    const node = element('paragraph', [
      new Y.XmlText('regel een'),
      element('hardBreak', []),
      new Y.XmlText('regel twee'),
    ]);
    expect(description([node])).toMatch(/^regel een\s+regel twee$/);
  });

  it.each([
    ['a comparison', 'Groepen < 20 leerlingen en > 10 jaar'],
    ['an arrow', 'startbekwaam -> vakbekwaam <- expert'],
    ['something that looks like a tag', 'Het element <paragraph> in HTML'],
  ])('keeps angle brackets typed as text (%s)', (_name, typed) => {
    expect(description([paragraph(typed)])).toBe(typed);
  });
});
