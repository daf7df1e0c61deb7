import * as Y from 'yjs';
import type { TemplateKind, Sector } from '../../../../shared/domain/template/types';
import { META_MAP } from '../../../../shared/editor/fields';
import {
  buildDimension,
  buildOutcomeMap,
  buildSubdimension,
  buildTemplateSection,
  buildTheme,
  moveItem,
  newItemId,
  nextOrder,
  TEMPLATE_KEYS,
  orderedItems,
} from '../../../../shared/editor/templateDoc';

/*
 * Every change the draft editor makes to the Y.Doc, each in one transaction so others see it whole.
 * Structure follows shared/editor/templateDoc.ts. Themes and sections are moved by changing
 * their `order` (moveItem), never by delete + re-insert, so what someone adds to a theme or section
 * while another moves it is kept.
 */

function themesOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.themes);
}

function indexById(array: Y.Array<Y.Map<unknown>>, id: string): number {
  return array.toArray().findIndex((item) => item instanceof Y.Map && item.get('id') === id);
}

function stringArray(map: Y.Map<unknown>, key: string): Y.Array<string> {
  const value = map.get(key);
  if (value instanceof Y.Array) return value as Y.Array<string>;
  const created = new Y.Array<string>();
  map.set(key, created);
  return created;
}

function mapArray(map: Y.Map<unknown>, key: string): Y.Array<Y.Map<unknown>> {
  const value = map.get(key);
  if (value instanceof Y.Array) return value as Y.Array<Y.Map<unknown>>;
  const created = new Y.Array<Y.Map<unknown>>();
  map.set(key, created);
  return created;
}

/** Sets a meta field (title, kind, specialisation: strings; nlqfLevel: number or null). */
export function setMeta(
  doc: Y.Doc,
  key: 'title' | 'kind' | 'specialisation' | 'nlqfLevel',
  value: string | number | null | TemplateKind,
): void {
  const meta = doc.getMap<unknown>(META_MAP);
  if (meta.get(key) !== value) meta.set(key, value);
}

/** Chooses or drops a sector (a key set to true, or deleted). */
export function setSector(doc: Y.Doc, sector: Sector, on: boolean): void {
  const sectors = doc.getMap<boolean>(TEMPLATE_KEYS.sectors);
  if (on) sectors.set(sector, true);
  else sectors.delete(sector);
}

/** Sets a string field of a theme, outcome, section, dimension or sub-dimension map. */
export function setField(map: Y.Map<unknown>, key: string, value: string): void {
  if (map.get(key) !== value) map.set(key, value);
}

/** Appends an empty theme; returns its id. */
export function addTheme(doc: Y.Doc): string {
  const id = newItemId('thema');
  const themes = themesOf(doc);
  themes.push([buildTheme(id, '', [], nextOrder(themes))]);
  return id;
}

/** Removes a theme (the editor offers this only for a theme without outcomes). */
export function removeTheme(doc: Y.Doc, themeId: string): void {
  const themes = themesOf(doc);
  const index = indexById(themes, themeId);
  if (index >= 0) themes.delete(index, 1);
}

/** Moves a theme one place up (-1) or down (+1) in display order. */
export function moveTheme(doc: Y.Doc, themeId: string, delta: -1 | 1): void {
  moveByDelta(doc, themesOf(doc), themeId, delta);
}

function moveByDelta(doc: Y.Doc, array: Y.Array<Y.Map<unknown>>, id: string, delta: -1 | 1): void {
  const order = orderedItems(array);
  const index = order.findIndex((item) => item.get('id') === id);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= order.length) return;
  doc.transact(() => moveItem(array, id, target));
}

function themeMap(doc: Y.Doc, themeId: string): Y.Map<unknown> | undefined {
  const themes = themesOf(doc);
  return themes.get(indexById(themes, themeId));
}

/** Adds an empty outcome (with a suggested code) at the end of a theme; returns its id. */
export function addOutcome(doc: Y.Doc, themeId: string, code: string): string | null {
  const theme = themeMap(doc, themeId);
  if (!theme) return null;
  const id = newItemId('lu');
  doc.transact(() => {
    doc.getMap<Y.Map<unknown>>(TEMPLATE_KEYS.outcomes).set(id, buildOutcomeMap(id, code));
    stringArray(theme, 'outcomeIds').push([id]);
  });
  return id;
}

/**
 * Removes an outcome from a theme. Its data goes too unless another theme still lists it (two
 * people moved it at once): then it stays there.
 */
export function removeOutcome(doc: Y.Doc, themeId: string, outcomeId: string): void {
  const theme = themeMap(doc, themeId);
  if (!theme) return;
  doc.transact(() => {
    const ids = stringArray(theme, 'outcomeIds');
    for (let index = ids.length - 1; index >= 0; index--)
      if (ids.get(index) === outcomeId) ids.delete(index, 1);
    const listedElsewhere = themesOf(doc)
      .toArray()
      .some((other) => other !== theme && stringArray(other, 'outcomeIds').toArray().includes(outcomeId));
    if (!listedElsewhere) doc.getMap(TEMPLATE_KEYS.outcomes).delete(outcomeId);
  });
}

/**
 * Moves an outcome one place up or down within its theme, past the neighbour the editor shows
 * (ids without an outcome, left by a concurrent removal, are skipped over).
 */
export function moveOutcome(
  doc: Y.Doc,
  themeId: string,
  outcomeId: string,
  delta: -1 | 1,
  visibleIds: readonly string[],
): void {
  const theme = themeMap(doc, themeId);
  const position = visibleIds.indexOf(outcomeId);
  const neighbour = visibleIds[position + delta];
  if (!theme || position < 0 || neighbour === undefined) return;
  doc.transact(() => {
    const ids = stringArray(theme, 'outcomeIds');
    const raw = ids.toArray();
    const from = raw.indexOf(outcomeId);
    const other = raw.indexOf(neighbour);
    if (from < 0 || other < 0) return;
    ids.delete(from, 1);
    // Up: the neighbour's old place. Down: just after the neighbour, which the delete moved one back.
    // Both come out as the neighbour's original index.
    ids.insert(other, [outcomeId]);
  });
}

/** Moves an outcome to the end of another theme. */
export function moveOutcomeToTheme(
  doc: Y.Doc,
  fromThemeId: string,
  outcomeId: string,
  toThemeId: string,
): void {
  const from = themeMap(doc, fromThemeId);
  const to = themeMap(doc, toThemeId);
  if (!from || !to || from === to) return;
  doc.transact(() => {
    const ids = stringArray(from, 'outcomeIds');
    const index = ids.toArray().indexOf(outcomeId);
    if (index >= 0) ids.delete(index, 1);
    stringArray(to, 'outcomeIds').push([outcomeId]);
  });
}

function rubricOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TEMPLATE_KEYS.rubric);
}

function eachSubdimension(doc: Y.Doc, run: (sub: Y.Map<unknown>) => void): void {
  for (const dimension of mapArray(rubricOf(doc), 'dimensions').toArray()) {
    for (const sub of mapArray(dimension, 'subdimensions').toArray()) run(sub);
  }
}

function descriptorsOf(sub: Y.Map<unknown>): Y.Array<Y.Text> {
  const value = sub.get('descriptors');
  if (value instanceof Y.Array) return value as Y.Array<Y.Text>;
  const created = new Y.Array<Y.Text>();
  sub.set('descriptors', created);
  return created;
}

/** Switches the rubric on or off (its content is kept either way). */
export function setRubricEnabled(doc: Y.Doc, enabled: boolean): void {
  rubricOf(doc).set('enabled', enabled);
}

/** Adds a growth level, with an empty descriptor in every sub-dimension. */
export function addLevel(doc: Y.Doc, name: string): void {
  doc.transact(() => {
    stringArray(rubricOf(doc), 'levels').push([name]);
    eachSubdimension(doc, (sub) => descriptorsOf(sub).push([new Y.Text()]));
  });
}

/** Renames the growth level at `index`. */
export function renameLevel(doc: Y.Doc, index: number, name: string): void {
  const levels = stringArray(rubricOf(doc), 'levels');
  if (index >= levels.length || levels.get(index) === name) return;
  doc.transact(() => {
    levels.delete(index, 1);
    levels.insert(index, [name]);
  });
}

/** Removes the growth level at `index` and its descriptor in every sub-dimension. */
export function removeLevel(doc: Y.Doc, index: number): void {
  doc.transact(() => {
    const levels = stringArray(rubricOf(doc), 'levels');
    if (index < levels.length) levels.delete(index, 1);
    eachSubdimension(doc, (sub) => {
      const descriptors = descriptorsOf(sub);
      if (index < descriptors.length) descriptors.delete(index, 1);
    });
  });
}

function levelCount(doc: Y.Doc): number {
  return stringArray(rubricOf(doc), 'levels').length;
}

/** Adds a dimension with one empty sub-dimension; returns the dimension's id. */
export function addDimension(doc: Y.Doc): string {
  const id = newItemId('dim');
  doc.transact(() => {
    const empty = Array.from({ length: levelCount(doc) }, () => '');
    mapArray(rubricOf(doc), 'dimensions').push([
      buildDimension(id, '', [buildSubdimension(newItemId('sub'), '', empty)]),
    ]);
  });
  return id;
}

/** Removes a dimension with its sub-dimensions. */
export function removeDimension(doc: Y.Doc, dimensionId: string): void {
  const dimensions = mapArray(rubricOf(doc), 'dimensions');
  const index = indexById(dimensions, dimensionId);
  if (index >= 0) dimensions.delete(index, 1);
}

/** Adds an empty sub-dimension to a dimension; returns its id. */
export function addSubdimension(doc: Y.Doc, dimension: Y.Map<unknown>): string {
  const id = newItemId('sub');
  doc.transact(() => {
    const empty = Array.from({ length: levelCount(doc) }, () => '');
    mapArray(dimension, 'subdimensions').push([buildSubdimension(id, '', empty)]);
  });
  return id;
}

/** Removes a sub-dimension. */
export function removeSubdimension(dimension: Y.Map<unknown>, subId: string): void {
  const subs = mapArray(dimension, 'subdimensions');
  const index = indexById(subs, subId);
  if (index >= 0) subs.delete(index, 1);
}

/**
 * Gives a sub-dimension exactly one descriptor per level: pads with empty ones or drops the
 * surplus at the end (a level added while someone else added a sub-dimension can leave a gap).
 */
export function matchDescriptorsToLevels(doc: Y.Doc, sub: Y.Map<unknown>): void {
  doc.transact(() => {
    const descriptors = descriptorsOf(sub);
    const levels = levelCount(doc);
    if (descriptors.length > levels) descriptors.delete(levels, descriptors.length - levels);
    while (descriptors.length < levels) descriptors.push([new Y.Text()]);
  });
}

function sectionsOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.templateSections);
}

/** Appends an empty section; returns its id. */
export function addSection(doc: Y.Doc): string {
  const id = newItemId('sectie');
  const sections = sectionsOf(doc);
  sections.push([buildTemplateSection(id, '', '', nextOrder(sections))]);
  return id;
}

/** Removes a section. */
export function removeSection(doc: Y.Doc, sectionId: string): void {
  const sections = sectionsOf(doc);
  const index = indexById(sections, sectionId);
  if (index >= 0) sections.delete(index, 1);
}

/** Moves a section one place up (-1) or down (+1) in display order. */
export function moveSection(doc: Y.Doc, sectionId: string, delta: -1 | 1): void {
  moveByDelta(doc, sectionsOf(doc), sectionId, delta);
}
