import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate } from '../../../shared/collab/splitUpdate';

/** A document edited by two clients in many small transactions: text, formatting, nesting, maps, deletions. */
function editedDocs(): { base: Y.Doc; edited: Y.Doc } {
  const base = new Y.Doc();
  base.getText('intro').insert(0, 'Begin van de tekst. ');
  const edited = new Y.Doc();
  Y.applyUpdate(edited, Y.encodeStateAsUpdate(base));
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
  for (let i = 0; i < 400; i++) {
    const text = edited.getText('intro');
    // Typing at random places and formatting ranges: many structs, not one merged run.
    text.insert((i * 7919) % (text.length + 1), `woord ${i} `, i % 3 === 0 ? { bold: true } : {});
    if (i % 10 === 9) text.delete((i * 31) % text.length, 3);
    const fragment = edited.getXmlFragment('body');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`alinea ${i}`)]);
    fragment.insert(fragment.length, [paragraph]);
    edited.getMap('meta').set(`key${i % 50}`, { i });
    other.getArray('list').push([`item ${i}`]);
  }
  Y.applyUpdate(edited, Y.encodeStateAsUpdate(other));
  return { base, edited };
}

describe('splitUpdate', () => {
  it('splits a large update into small pieces that, applied in order, make the same document', () => {
    const { base, edited } = editedDocs();
    const update = Y.encodeStateAsUpdate(edited, Y.encodeStateVector(base));
    const pieces = splitUpdate(update, 4096, 200);
    expect(pieces.length).toBeGreaterThan(5);
    // A piece ends after the struct that reaches the limit; the last one carries the deletions.
    const largestStruct = Math.max(
      ...Y.decodeUpdate(update).structs.map((struct) => {
        const encoder = new Y.UpdateEncoderV1();
        struct.write(encoder, 0);
        return encoder.toUint8Array().length;
      }),
    );
    const deletions = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update)).length;
    for (const [index, piece] of pieces.entries()) {
      expect(piece.length).toBeLessThanOrEqual(
        4096 + largestStruct + 64 + (index === pieces.length - 1 ? deletions : 0),
      );
      expect(Y.decodeUpdate(piece).structs.length).toBeLessThanOrEqual(200);
    }
    for (const piece of pieces) {
      Y.applyUpdate(base, piece);
      // Each piece builds only on what came before it: nothing waits for a later one.
      expect(base.store.pendingStructs).toBeNull();
      expect(base.store.pendingDs).toBeNull();
    }
    expect(Y.encodeStateVector(base)).toEqual(Y.encodeStateVector(edited));
    expect(base.getText('intro').toDelta()).toEqual(edited.getText('intro').toDelta());
    expect(base.getXmlFragment('body').toString()).toBe(edited.getXmlFragment('body').toString());
    expect(base.getMap('meta').toJSON()).toEqual(edited.getMap('meta').toJSON());
    expect(base.getArray('list').toJSON()).toEqual(edited.getArray('list').toJSON());
  });

  it('carries deletions of content the receiver already has', () => {
    const { base, edited } = editedDocs();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(edited));
    const before = Y.encodeStateVector(edited);
    edited.getText('intro').delete(0, 500);
    edited.getXmlFragment('body').delete(0, 100);
    for (let i = 0; i < 40; i++) edited.getText('intro').insert(0, `${i}`.repeat(500));
    const pieces = splitUpdate(Y.encodeStateAsUpdate(edited, before), 4096);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) Y.applyUpdate(base, piece);
    expect(base.getText('intro').toString()).toBe(edited.getText('intro').toString());
    expect(base.getXmlFragment('body').length).toBe(edited.getXmlFragment('body').length);
  });

  it('returns an update within the limit as it is', () => {
    const { edited } = editedDocs();
    const update = Y.encodeStateAsUpdate(edited);
    expect(splitUpdate(update, update.length)).toEqual([update]);
  });
});
