import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  describe as describeDoc,
  rebuild,
  sameDocument,
} from '../../../server/cli/migrateToPostgres/docContent';
import { jsonText } from '../../../server/cli/migrateToPostgres/jsonText';
import { nestLists, nestMaps } from '../../support/deepDoc';

/** The migration's document comparison on content of any depth (its walk and JSON text are iterative). */

const LEVELS = 50_000; // element depth 100,001

describe('jsonText', () => {
  it('is JSON.stringify for ordinary values', () => {
    const value = {
      a: [1, 'twee', null, undefined, { b: true, c: undefined }],
      d: 'x"y',
      e: new Uint8Array([1, 2]),
    };
    expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(jsonText([])).toBe('[]');
    expect(jsonText(undefined)).toBeUndefined();
  });
});

describe('sameDocument', () => {
  it('compares documents 100,000 levels deep', { timeout: 120_000 }, () => {
    const doc = new Y.Doc();
    nestLists(doc.getXmlFragment('section:s'), LEVELS);
    nestMaps(doc.getMap('meta'), 'diep', 2 * LEVELS);
    const state = Y.encodeStateAsUpdate(doc);
    const [a, b] = [rebuild([state]), rebuild([state])];
    expect(sameDocument(a, b)).toBe(true);
    const other = new Y.Doc();
    Y.applyUpdate(other, state);
    other.getXmlFragment('section:s').insert(0, [new Y.XmlElement('paragraph')]);
    expect(sameDocument(a, rebuild([Y.encodeStateAsUpdate(other)]))).toBe(false);
    expect(jsonText(describeDoc(a))!.length).toBeGreaterThan(LEVELS * 20);
  });
});
