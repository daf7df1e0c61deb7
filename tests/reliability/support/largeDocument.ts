import * as Y from 'yjs';
import { seededRandom, sectionFragment, sectionIds } from '../../support/yclient';

const WORDS = (
  'leerarrangement ontwikkelpad student docent praktijk opdracht feedback reflectie bewijs ' +
  'portfolio leeruitkomst beoordeling werkplek begeleiding project onderzoek rapport gesprek ' +
  'planning evaluatie rubric criterium niveau doel competentie kennis vaardigheid houding'
).split(' ');

/** A sentence of `count` words drawn from a small Dutch vocabulary. */
function sentence(random: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

/**
 * Fills every section of `doc` with `paragraphs` paragraphs of `words` words: a large, realistic
 * document (one transaction, so one frame, per section).
 */
export function fillSections(doc: Y.Doc, paragraphs: number, words: number, seed = 1): void {
  const random = seededRandom(seed);
  for (const id of sectionIds(doc)) {
    doc.transact(() => {
      const fragment = sectionFragment(doc, id);
      fragment.delete(0, fragment.length);
      fragment.insert(
        0,
        Array.from({ length: paragraphs }, () => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(sentence(random, words))]);
          return paragraph;
        }),
      );
    });
  }
}

/** Inserts a word into every `every`-th paragraph of every section: a revision to diff against. */
export function reviseSections(doc: Y.Doc, every: number, seed = 2): void {
  const random = seededRandom(seed);
  for (const id of sectionIds(doc)) {
    doc.transact(() => {
      const fragment = sectionFragment(doc, id);
      for (let i = 0; i < fragment.length; i += every) {
        const text = (fragment.get(i) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(Math.floor(random() * text.length), ` ${sentence(random, 3)} `);
      }
    });
  }
}
