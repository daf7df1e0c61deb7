import * as Y from 'yjs';
import { META_MAP } from '../../../shared/editor/fields';
import { evidenceText, DESIGN_KEYS } from '../../../shared/editor/designDoc';
import { moveItem, orderedItems } from '../../../shared/editor/templateDoc';

/** Sets one meta field (a no-op when unchanged, so no empty updates are sent). */
export function setMeta(doc: Y.Doc, key: string, value: unknown): void {
  const meta = doc.getMap<unknown>(META_MAP);
  if (meta.get(key) !== value) meta.set(key, value);
}

/** Sets one field of a list item. */
export function setItemField(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (map.get(key) !== value) map.set(key, value);
}

/** Ticks or unticks a sector. */
export function setSector(doc: Y.Doc, sector: string, on: boolean): void {
  const sectors = doc.getMap<boolean>(DESIGN_KEYS.sectors);
  if (on) sectors.set(sector, true);
  else sectors.delete(sector);
}

/** Ticks or unticks a targeted outcome; ticking creates its (empty) evidence text at once. */
export function setTargeted(doc: Y.Doc, outcomeId: string, on: boolean): void {
  doc.transact(() => {
    const targeted = doc.getMap<boolean>(DESIGN_KEYS.targetedOutcomes);
    if (on) {
      targeted.set(outcomeId, true);
      evidenceText(doc, outcomeId);
    } else {
      // Evidence already written stays in the doc: ticking the outcome again brings it back.
      targeted.delete(outcomeId);
    }
  });
}

/** Removes an activity by id. */
export function removeActivity(doc: Y.Doc, id: string): void {
  const activities = doc.getArray<Y.Map<unknown>>(DESIGN_KEYS.activities);
  const index = activities.toArray().findIndex((map) => map.get('id') === id);
  if (index >= 0) activities.delete(index, 1);
}

/** Moves an activity one place up (-1) or down (+1) in display order. */
export function moveActivity(doc: Y.Doc, id: string, delta: -1 | 1): void {
  const activities = doc.getArray<Y.Map<unknown>>(DESIGN_KEYS.activities);
  const index = orderedItems(activities).findIndex((map) => map.get('id') === id);
  if (index < 0) return;
  moveItem(activities, id, index + delta);
}

/** The activities in display order. */
export function activityMaps(doc: Y.Doc): Y.Map<unknown>[] {
  return orderedItems(doc.getArray<Y.Map<unknown>>(DESIGN_KEYS.activities));
}

/** A Y.Text stored under `key` of `map`, or null. */
export function textIn(map: Y.Map<unknown>, key: string): Y.Text | null {
  const value = map.get(key);
  return value instanceof Y.Text ? value : null;
}
