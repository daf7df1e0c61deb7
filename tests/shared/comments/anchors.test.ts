import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeRelative,
  fragmentText,
  reanchor,
  resolveTextAnchor,
  textAnchorAt,
  textAnchorFromRelative,
} from '../../../shared/comments/anchors';

const FRAGMENT = 'section:s1';

/** A doc whose fragment holds one paragraph per string. */
function docWith(paragraphs: string[], clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const fragment = doc.getXmlFragment(FRAGMENT);
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
  return doc;
}

function fork(source: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/**
 * The model the anchor must agree with, computed from the item list itself (tombstones included):
 * the live characters between the first and the last originally anchored character; detached when
 * none of those survive.
 */
function expected(
  text: Y.XmlText,
  original: Set<string>,
  quote: string,
): { detached: true } | { detached: false; text: string } {
  const chars: Array<{ id: string; deleted: boolean; char: string }> = [];
  for (let item = text._start; item !== null; item = item.right) {
    // Deleted text keeps its place (ContentDeleted is not "countable", but it is a tombstone).
    if (!item.deleted && !item.countable) continue;
    const content = item.content instanceof Y.ContentString ? item.content.str : null;
    for (let k = 0; k < item.length; k++) {
      chars.push({
        id: `${item.id.client}:${item.id.clock + k}`,
        deleted: item.deleted,
        char: content?.[k] ?? '?',
      });
    }
  }
  const indexes = chars.flatMap((char, index) => (original.has(char.id) ? [index] : []));
  const first = indexes[0]!;
  const last = indexes[indexes.length - 1]!;
  if (indexes.some((index) => !chars[index]!.deleted)) {
    return {
      detached: false,
      text: chars
        .slice(first, last + 1)
        .filter((char) => !char.deleted)
        .map((char) => char.char)
        .join(''),
    };
  }
  // None survive: attached only when the quote stands right before or right after where they were.
  const live = (list: typeof chars) =>
    list
      .filter((char) => !char.deleted)
      .map((char) => char.char)
      .join('');
  const before = live(chars.slice(0, first));
  const after = live(chars.slice(first));
  if (before.endsWith(quote) || after.startsWith(quote)) return { detached: false, text: quote };
  return { detached: true };
}

function originalIds(text: Y.XmlText, from: number, to: number): Set<string> {
  const ids = new Set<string>();
  let index = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    for (let k = 0; k < item.length; k++, index++) {
      if (index >= from && index < to) ids.add(`${item.id.client}:${item.id.clock + k}`);
    }
  }
  return ids;
}

/** How often the property runs saw each outcome: both must occur, or the runs prove little. */
const outcomes = { attached: 0, detached: 0 };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz ';

function randomEdit(gen: prng.PRNG, text: Y.XmlText, focus: [number, number]) {
  const length = text.length;
  // Half of the edits land at or right around the anchor's edges, the rest anywhere.
  const near = prng.bool(gen);
  const edge = prng.bool(gen) ? focus[0] : focus[1];
  const at = near
    ? Math.max(0, Math.min(length, edge + prng.int32(gen, -2, 2)))
    : prng.int32(gen, 0, Math.max(0, length));
  if (length > 0 && prng.int32(gen, 0, 2) === 0) {
    const start = Math.min(at, length - 1);
    text.delete(start, Math.min(length - start, prng.int32(gen, 1, 6)));
  } else {
    text.insert(at, prng.word(gen, 1, 4).replace(/[^a-z]/g, '') || prng.oneOf(gen, ALPHABET.split('')));
  }
}

describe('text anchors', () => {
  it('covers the selected characters and reports the quote', () => {
    const doc = docWith(['Samen ontwerpen we een leerarrangement.', 'Tweede alinea.'], 1);
    const anchor = textAnchorAt(doc, FRAGMENT, 6, 16);
    expect(anchor.quote).toBe('ontwerpen ');
    expect(resolveTextAnchor(doc, anchor)).toEqual({
      status: 'attached',
      from: 6,
      to: 16,
      text: 'ontwerpen ',
    });
  });

  it('spans paragraphs with a line break between them', () => {
    const doc = docWith(['Eerste alinea', 'Tweede alinea'], 1);
    expect(fragmentText(doc.getXmlFragment(FRAGMENT)).text).toBe('Eerste alinea\nTweede alinea');
    const anchor = textAnchorAt(doc, FRAGMENT, 7, 20);
    expect(anchor.quote).toBe('alinea\nTweede');
    const paragraph = (doc.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    paragraph.insert(0, 'De ');
    expect(resolveTextAnchor(doc, anchor)).toMatchObject({ status: 'attached', text: 'alinea\nDe Tweede' });
  });

  it('keeps inserts at its edges outside and inserts inside it inside', () => {
    const doc = docWith(['abc def ghi'], 1);
    const anchor = textAnchorAt(doc, FRAGMENT, 4, 7); // "def"
    const text = firstText(doc);
    text.insert(7, 'X'); // right after the last character
    text.insert(4, 'Y'); // right before the first character
    text.insert(6, 'Z'); // inside: "dZef"
    expect(resolveTextAnchor(doc, anchor)).toMatchObject({ status: 'attached', text: 'dZef' });
  });

  it('is detached when its text is deleted, and undo brings it back', () => {
    const doc = docWith(['Een zin over toetsing en bewijzen.'], 1);
    const anchor = textAnchorAt(doc, FRAGMENT, 13, 21); // "toetsing"
    const text = firstText(doc);
    const undo = new Y.UndoManager(doc.getXmlFragment(FRAGMENT), { captureTimeout: 0 });
    text.delete(10, 14);
    expect(resolveTextAnchor(doc, anchor)).toEqual({ status: 'detached' });
    undo.undo();
    expect(fragmentText(doc.getXmlFragment(FRAGMENT)).text).toBe('Een zin over toetsing en bewijzen.');
    expect(resolveTextAnchor(doc, anchor)).toMatchObject({ status: 'attached', text: 'toetsing' });
  });

  it('undo re-attaches it for every other doc too, where Yjs does not know the restored text is the same', () => {
    const a = docWith(['Begin. Dit stuk verdwijnt straks. Einde.'], 1);
    const b = fork(a, 2);
    const anchor = textAnchorAt(a, FRAGMENT, 7, 33);
    expect(anchor.quote).toBe('Dit stuk verdwijnt straks.');
    const undo = new Y.UndoManager(a.getXmlFragment(FRAGMENT), { captureTimeout: 0 });
    firstText(a).delete(7, 26);
    sync(a, b);
    expect(resolveTextAnchor(b, anchor)).toEqual({ status: 'detached' });
    undo.undo();
    sync(a, b);
    const fresh = fork(a, 3);
    for (const doc of [a, b, fresh]) {
      expect(resolveTextAnchor(doc, anchor)).toMatchObject({
        status: 'attached',
        text: 'Dit stuk verdwijnt straks.',
      });
    }
  });

  it('is detached when the whole paragraph is removed', () => {
    const doc = docWith(['Eerste', 'Tweede'], 1);
    const anchor = textAnchorAt(doc, FRAGMENT, 7, 13);
    doc.getXmlFragment(FRAGMENT).delete(1, 1);
    expect(resolveTextAnchor(doc, anchor)).toEqual({ status: 'detached' });
  });

  it('replacing the commented word with new text detaches it (none of its characters survive)', () => {
    const doc = docWith(['oud woord hier'], 1);
    const anchor = textAnchorAt(doc, FRAGMENT, 4, 9);
    const text = firstText(doc);
    text.insert(6, 'nieuw'); // inside the anchor
    text.delete(4, 2);
    text.delete(9, 3);
    expect(fragmentText(doc.getXmlFragment(FRAGMENT)).text).toBe('oud nieuw hier');
    expect(resolveTextAnchor(doc, anchor)).toEqual({ status: 'detached' });
  });

  it('is made from relative positions as a client sends them, trimming line breaks at the edges', () => {
    const doc = docWith(['Eerste', 'Tweede'], 1);
    const first = firstText(doc);
    const second = (doc.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const anchor = textAnchorFromRelative(
      doc,
      FRAGMENT,
      Y.createRelativePositionFromTypeIndex(first, 6),
      Y.createRelativePositionFromTypeIndex(second, 3),
    );
    expect(anchor.quote).toBe('Twe');
    expect(decodeRelative(anchor.start)).toBeTruthy();
  });

  it('refuses an empty selection', () => {
    const doc = docWith(['tekst'], 1);
    expect(() => textAnchorAt(doc, FRAGMENT, 2, 2)).toThrow(/selecteer tekst/);
  });

  it('carries over to a later state: kept where its characters exist, else found by its quote, else null', () => {
    const frozen = docWith(['De leeruitkomsten sluiten aan.'], 1);
    const anchor = textAnchorAt(frozen, FRAGMENT, 3, 17); // "leeruitkomsten"
    const live = fork(frozen, 2);
    firstText(live).insert(0, 'Kort: ');
    expect(reanchor(live, anchor)).toBe(anchor);
    // The sentence was retyped: the characters are new, the words are the same.
    const retyped = fork(frozen, 3);
    firstText(retyped).delete(0, firstText(retyped).length);
    firstText(retyped).insert(0, 'Alle leeruitkomsten zijn gedekt.');
    const moved = reanchor(retyped, anchor);
    expect(moved && resolveTextAnchor(retyped, moved)).toMatchObject({
      status: 'attached',
      text: 'leeruitkomsten',
    });
    const gone = fork(frozen, 4);
    firstText(gone).delete(0, firstText(gone).length);
    expect(reanchor(gone, anchor)).toBeNull();
  });

  // Anchor survival: two clients edit concurrently around and inside the anchor with random
  // delivery; after every sync the anchor covers exactly the live characters between its first
  // and last original character, or is reported losgeraakt when none of them survive — on both.
  it.each(Array.from({ length: 40 }, (_, seed) => seed + 1))(
    'survives random concurrent edits (seed %i)',
    (seed) => {
      const gen = prng.create(seed);
      const initial = Array.from({ length: prng.int32(gen, 12, 40) }, () =>
        prng.oneOf(gen, ALPHABET.split('')),
      ).join('');
      const a = docWith([initial], 10);
      const b = fork(a, 20);
      const from = prng.int32(gen, 0, initial.length - 2);
      const to = prng.int32(gen, from + 1, Math.min(initial.length, from + 12));
      const anchor = textAnchorAt(a, FRAGMENT, from, to);
      const original = originalIds(firstText(a), from, to);
      for (let round = 0; round < 30; round++) {
        for (const doc of [a, b]) {
          const resolved = resolveTextAnchor(doc, anchor);
          const focus: [number, number] =
            resolved.status === 'attached' ? [resolved.from, resolved.to] : [from, to];
          for (let n = prng.int32(gen, 0, 3); n > 0; n--) randomEdit(gen, firstText(doc), focus);
        }
        if (prng.int32(gen, 0, 2) > 0) sync(a, b);
        for (const doc of [a, b]) {
          const model = expected(firstText(doc), original, anchor.quote);
          const resolved = resolveTextAnchor(doc, anchor);
          if (model.detached) {
            expect(resolved).toEqual({ status: 'detached' });
            outcomes.detached++;
          } else {
            expect(resolved).toMatchObject({ status: 'attached', text: model.text });
            outcomes.attached++;
          }
        }
      }
      sync(a, b);
      expect(resolveTextAnchor(a, anchor)).toEqual(resolveTextAnchor(b, anchor));
    },
  );

  it('the random runs exercised both outcomes', () => {
    expect(outcomes.attached).toBeGreaterThan(100);
    expect(outcomes.detached).toBeGreaterThan(10);
  });
});
