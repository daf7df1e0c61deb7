import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LEVELS_PER_UPDATE, restoreUpdates } from '../../../server/commands/restoreContent';
import { xmlDepth, xmlToString } from '../../../shared/editor/xmlTree';
import { nestLists, nestMaps } from '../../support/deepDoc';

/**
 * Restore over content of any depth: the room (a `gc: true` doc applying each update in its own
 * transaction) takes every update without overflowing and ends with the version's content.
 */

const LEVELS = 50_000; // element depth 100,001
/** Deleting 100,000 levels in 100 slices costs Yjs O(depth) per slice: seconds, more on a busy CPU. */
const SLOW = { timeout: 180_000 };

/** A room's doc with one paragraph in a section; returns it and that state (the version). */
function withVersion(): { room: Y.Doc; version: Uint8Array } {
  const room = new Y.Doc({ gc: true });
  const paragraph = new Y.XmlElement('paragraph');
  room.getXmlFragment('section:s').insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText('De versie.')]);
  room.getMap('meta').set('title', 'Ontwerp');
  return { room, version: Y.encodeStateAsUpdate(room) };
}

describe('restoreUpdates', () => {
  it('one update for ordinary content', () => {
    const { room, version } = withVersion();
    nestLists(room.getXmlFragment('section:s'), 3);
    const updates = restoreUpdates(room, version);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(room, updates[0]!);
    expect(xmlToString(room.getXmlFragment('section:s'))).toBe('<paragraph>De versie.</paragraph>');
  });

  it(
    'over 100,000 levels of rich text and of maps: bottom-up updates the room applies one by one',
    SLOW,
    () => {
      const { room, version } = withVersion();
      nestLists(room.getXmlFragment('section:s'), LEVELS);
      nestMaps(room.getMap('meta'), 'diep', 10_000);
      const updates = restoreUpdates(room, version);
      // One per LEVELS_PER_UPDATE levels (all deep types' slices at one depth together), then the restore.
      expect(updates).toHaveLength((2 * LEVELS) / LEVELS_PER_UPDATE + 1);
      for (const update of updates) Y.applyUpdate(room, update);
      expect(xmlToString(room.getXmlFragment('section:s'))).toBe('<paragraph>De versie.</paragraph>');
      expect(room.getMap('meta').toJSON()).toEqual({ title: 'Ontwerp' });
    },
  );

  it(
    'the final update alone would overflow the room: the bottom-up ones are what makes it safe',
    SLOW,
    () => {
      const { room, version } = withVersion();
      nestLists(room.getXmlFragment('section:s'), LEVELS);
      // The room's doc before the restore: applying the final update alone.
      const copy = new Y.Doc({ gc: true });
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
      const updates = restoreUpdates(room, version);
      // Yjs overflows while deleting, then fails in its cleanup ("Unexpected case").
      expect(() => Y.applyUpdate(copy, updates.at(-1)!)).toThrow();
    },
  );

  it('restores a version that is itself deep', SLOW, () => {
    const { room } = withVersion();
    const deep = new Y.Doc();
    nestLists(deep.getXmlFragment('section:s'), LEVELS);
    const updates = restoreUpdates(room, Y.encodeStateAsUpdate(deep));
    for (const update of updates) Y.applyUpdate(room, update);
    expect(xmlDepth(room.getXmlFragment('section:s'))).toBe(2 * LEVELS + 1);
  });
});
