import * as Y from 'yjs';
import { walkXml } from './xmlTree';

/**
 * The Y.Doc of an ontwikkelpad draft. Structured data lives in Y.Map / Y.Array so concurrent edits
 * to different outcomes, themes or sections never overwrite each other; longer free text is Y.Text
 * (merged per character); description and suggestions are rich text (one Y.XmlFragment each, edited
 * with Tiptap).
 *
 * - meta (Y.Map): title, kind, specialisation (strings), nlqfLevel (number | null)
 * - sectors (Y.Map<boolean>): a key per chosen sector
 * - themes (Y.Array<Y.Map>): { id, title: string, order: number, outcomeIds: Y.Array<string> }
 * - outcomes (Y.Map<Y.Map>): id → { id, code: string, title: Y.Text, description: Y.Text }
 * - rubric (Y.Map): { enabled: boolean, levels: Y.Array<string>,
 *     dimensions: Y.Array<Y.Map{ id, title, subdimensions: Y.Array<Y.Map{ id, title, descriptors: Y.Array<Y.Text> }> }> }
 * - templateSections (Y.Array<Y.Map>): { id, heading: string, order: number, guidance: Y.Text }
 *
 * Themes and sections are shown sorted by `order` (ties: array position). Moving one only sets its
 * `order` (see moveItem): Yjs has no move, and deleting + re-inserting the map would drop what
 * someone else adds to it at the same moment.
 * - fragments `field:description`, `field:suggestions`
 */
export const TEMPLATE_KEYS = {
  sectors: 'sectors',
  themes: 'themes',
  outcomes: 'outcomes',
  rubric: 'rubric',
  templateSections: 'templateSections',
  description: 'field:description',
  suggestions: 'field:suggestions',
} as const;

/** A short random id for new items (stable forever once created). */
export function newItemId(prefix: string): string {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return `${prefix}-${Array.from(random, (byte) => byte.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 8)}`;
}

/** Sets a Y.Text to `value` with a minimal edit (common prefix and suffix kept), so concurrent typing merges. */
export function setText(text: Y.Text, value: string): void {
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  while (start < current.length && start < value.length && current[start] === value[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < value.length - start &&
    current[current.length - 1 - end] === value[value.length - 1 - end]
  ) {
    end++;
  }
  const edit = () => {
    text.delete(start, current.length - start - end);
    text.insert(start, value.slice(start, value.length - end));
  };
  if (text.doc) text.doc.transact(edit);
  else edit();
}

function yText(value: string): Y.Text {
  return new Y.Text(value);
}

/** The text of a Y.Text or a plain string field (anything else: ''). */
export function textOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

const LISTS = new Set(['bulletList', 'orderedList', 'blockquote']);

/** The typed text of a block: its text nodes, a hard break as a line break. */
function blockText(block: Y.XmlElement): string {
  return block
    .toArray()
    .map((part) => {
      // toDelta gives the typed characters (formatting is in attributes), so "<" and ">" that
      // people type stay text.
      if (part instanceof Y.XmlText) {
        return (part.toDelta() as Array<{ insert?: unknown }>)
          .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
          .join('');
      }
      return part instanceof Y.XmlElement && part.nodeName === 'hardBreak' ? '\n' : '';
    })
    .join('');
}

/**
 * Plain text of a rich-text fragment: paragraphs and headings on their own line, list items with
 * "- " (their further blocks indented by two spaces). Iterative: any nesting depth.
 */
export function fragmentToPlainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  // The prefix of the next block in each open container; a list item's first block gets "- ".
  const prefixes = new Map<Y.XmlFragment, string>([[fragment, '']]);
  walkXml(
    fragment,
    (node, _depth, parent) => {
      if (!(node instanceof Y.XmlElement)) return false;
      const prefix = prefixes.get(parent)!;
      if (LISTS.has(node.nodeName)) prefixes.set(node, prefix);
      else if (node.nodeName === 'listItem') prefixes.set(node, '- ');
      else {
        lines.push(prefix + blockText(node));
        prefixes.set(parent, prefix ? '  ' : '');
        return false;
      }
    },
    (node) => prefixes.delete(node),
  );
  return lines.join('\n').trim();
}

/** Writes plain text into a fragment as paragraphs (seeding a draft from a published version). */
export function plainTextToFragment(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = (text.trim() ? text.split('\n') : ['']).map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
  fragment.insert(0, paragraphs);
}

function buildOutcome(outcome: {
  id: string;
  code: string;
  title: string;
  description: string;
}): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', outcome.id);
  map.set('code', outcome.code);
  map.set('title', yText(outcome.title));
  map.set('description', yText(outcome.description));
  return map;
}

/** The maps of an ordered array (themes, sections) in display order. */
export function orderedItems(array: Y.Array<Y.Map<unknown>>): Y.Map<unknown>[] {
  return array
    .toArray()
    .map((item, index) => ({
      item,
      index,
      order: typeof item.get('order') === 'number' ? (item.get('order') as number) : index,
    }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ item }) => item);
}

/** The `order` for an item appended at the end. */
export function nextOrder(array: Y.Array<Y.Map<unknown>>): number {
  const items = orderedItems(array);
  const last = items[items.length - 1];
  const order = last?.get('order');
  return (typeof order === 'number' ? order : items.length - 1) + 1;
}

/** Moves the item with `id` to display position `toIndex` by giving it an order between its new neighbours. */
export function moveItem(array: Y.Array<Y.Map<unknown>>, id: string, toIndex: number): void {
  const items = orderedItems(array);
  const item = items.find((candidate) => candidate.get('id') === id);
  if (!item) return;
  const others = items.filter((candidate) => candidate !== item);
  const index = Math.max(0, Math.min(toIndex, others.length));
  const orderOf = (map: Y.Map<unknown> | undefined, fallback: number) =>
    typeof map?.get('order') === 'number' ? (map.get('order') as number) : fallback;
  const before = index > 0 ? orderOf(others[index - 1], index - 1) : undefined;
  const after = index < others.length ? orderOf(others[index], index) : undefined;
  const order =
    before === undefined
      ? (after ?? 0) - 1
      : after === undefined
        ? before + 1
        : before + (after - before) / 2;
  item.set('order', order);
}

/** A new theme map (add it to the themes array). */
export function buildTheme(
  id: string,
  title: string,
  outcomeIds: string[] = [],
  order?: number,
): Y.Map<unknown> {
  const theme = new Y.Map<unknown>();
  theme.set('id', id);
  theme.set('title', title);
  // Append with nextOrder(themes); without an order the array position counts.
  if (order !== undefined) theme.set('order', order);
  const ids = new Y.Array<string>();
  ids.push(outcomeIds);
  theme.set('outcomeIds', ids);
  return theme;
}

/** A new outcome map (put it in the outcomes map under its id and add the id to a theme). */
export function buildOutcomeMap(id: string, code = '', title = '', description = ''): Y.Map<unknown> {
  return buildOutcome({ id, code, title, description });
}

/** A new template-section map. */
export function buildTemplateSection(
  id: string,
  heading: string,
  guidance: string,
  order = 0,
): Y.Map<unknown> {
  const section = new Y.Map<unknown>();
  section.set('id', id);
  section.set('heading', heading);
  section.set('order', order);
  section.set('guidance', yText(guidance));
  return section;
}

/** A rubric sub-dimension map with `levels` empty descriptors. */
export function buildSubdimension(id: string, title: string, descriptors: string[]): Y.Map<unknown> {
  const sub = new Y.Map<unknown>();
  sub.set('id', id);
  sub.set('title', title);
  const texts = new Y.Array<Y.Text>();
  texts.push(descriptors.map(yText));
  sub.set('descriptors', texts);
  return sub;
}

/** A rubric dimension map. */
export function buildDimension(
  id: string,
  title: string,
  subdimensions: Y.Map<unknown>[] = [],
): Y.Map<unknown> {
  const dimension = new Y.Map<unknown>();
  dimension.set('id', id);
  dimension.set('title', title);
  const subs = new Y.Array<Y.Map<unknown>>();
  subs.push(subdimensions);
  dimension.set('subdimensions', subs);
  return dimension;
}
