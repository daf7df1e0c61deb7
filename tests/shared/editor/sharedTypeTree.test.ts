import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteInnermostFirst, insertCopies } from '../../../shared/editor/sharedTypeTree';
import { xmlToString } from '../../../shared/editor/xmlTree';
import { nestLists, nestMaps } from '../../support/deepDoc';

/**
 * Copying and deleting nested types one level at a time: the same updates Yjs makes for ordinary
 * content, and no stack overflow at 100,000 levels.
 */

const LEVELS = 50_000; // element depth 100,001
/** 100,000 levels take seconds, more on a busy CPU. */
const SLOW = { timeout: 120_000 };

/** A source doc with rich text, an array of maps with nested types, and a map entry. */
function source(): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('section:s');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('textAlign', 'left');
  const text = new Y.XmlText();
  text.insert(0, 'vet', { bold: true });
  paragraph.insert(0, [text, new Y.XmlElement('hardBreak')]);
  fragment.insert(0, [paragraph]);
  nestLists(fragment, 2);
  const activity = new Y.Map<unknown>();
  activity.set('title', new Y.Text('Stage'));
  activity.set('ids', Y.Array.from(['a', 'b']));
  doc.getArray<unknown>('activities').insert(0, ['los', 1, activity, 'nog een']);
  const rubric = new Y.Map<unknown>();
  rubric.set('levels', Y.Array.from(['goed', 'beter']));
  doc.getMap<unknown>('rubric').set('inner', rubric);
  return doc;
}

/** A doc with a fixed client id, so two docs given the same edits encode byte for byte alike. */
function target(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = 42;
  return doc;
}

const encoded = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc));

describe('insertCopies', () => {
  it('makes the same update as inserting Yjs clones', () => {
    const from = source();
    const [viaClone, viaCopies] = [target(), target()];
    const clone = (value: unknown) => (value instanceof Y.AbstractType ? value.clone() : value);
    viaClone.transact(() => {
      viaClone
        .getXmlFragment('section:s')
        .insert(0, from.getXmlFragment('section:s').toArray().map(clone) as Y.XmlElement[]);
      viaClone
        .getArray<unknown>('activities')
        .insert(0, from.getArray<unknown>('activities').toArray().map(clone));
      viaClone.getMap<unknown>('rubric').set('inner', clone(from.getMap<unknown>('rubric').get('inner')));
    });
    viaCopies.transact(() => {
      insertCopies(viaCopies.getXmlFragment('section:s'), 0, from.getXmlFragment('section:s').toArray());
      insertCopies(
        viaCopies.getArray<unknown>('activities'),
        0,
        from.getArray<unknown>('activities').toArray(),
      );
      insertCopies(viaCopies.getMap<unknown>('rubric'), 'inner', [
        from.getMap<unknown>('rubric').get('inner'),
      ]);
    });
    expect(encoded(viaCopies).equals(encoded(viaClone))).toBe(true);
  });

  it('copies 100,000 levels of rich text and of maps', SLOW, () => {
    const from = new Y.Doc();
    nestLists(from.getXmlFragment('section:s'), LEVELS);
    nestMaps(from.getMap('meta'), 'deep', 2 * LEVELS);
    const to = target();
    insertCopies(to.getXmlFragment('section:s'), 0, from.getXmlFragment('section:s').toArray());
    insertCopies(to.getMap<unknown>('meta'), 'deep', [from.getMap('meta').get('deep')]);
    expect(xmlToString(to.getXmlFragment('section:s'))).toBe(xmlToString(from.getXmlFragment('section:s')));
    let map = to.getMap<unknown>('meta').get('deep') as Y.Map<unknown>;
    for (let level = 1; level < 2 * LEVELS; level++) map = map.get('next') as Y.Map<unknown>;
    expect(map.get('level')).toBe(2 * LEVELS - 1);
  });
});

describe('deleteInnermostFirst', () => {
  it('deletes what a direct delete deletes', () => {
    const state = Y.encodeStateAsUpdate(source());
    const [direct, innermost] = [target(), target()];
    for (const doc of [direct, innermost]) Y.applyUpdate(doc, state);
    direct.transact(() => {
      const fragment = direct.getXmlFragment('section:s');
      fragment.delete(0, fragment.length);
      direct.getMap('rubric').delete('inner');
    });
    innermost.transact(() => {
      const fragment = innermost.getXmlFragment('section:s');
      deleteInnermostFirst(fragment, () => fragment.delete(0, fragment.length));
      const rubric = innermost.getMap('rubric');
      deleteInnermostFirst(rubric.get('inner') as Y.Map<unknown>);
      rubric.delete('inner');
    });
    expect(encoded(innermost).equals(encoded(direct))).toBe(true);
  });

  it('deletes 100,000 levels, where a direct delete overflows', SLOW, () => {
    const from = new Y.Doc();
    nestLists(from.getXmlFragment('section:s'), LEVELS);
    const state = Y.encodeStateAsUpdate(from);
    const direct = target();
    Y.applyUpdate(direct, state);
    const directFragment = direct.getXmlFragment('section:s');
    expect(() => directFragment.delete(0, directFragment.length)).toThrow(/call stack/);

    const doc = target();
    Y.applyUpdate(doc, state);
    const fragment = doc.getXmlFragment('section:s');
    deleteInnermostFirst(fragment, () => fragment.delete(0, fragment.length));
    expect(fragment.length).toBe(0);
    expect(xmlToString(fragment)).toBe('');
  });
});
