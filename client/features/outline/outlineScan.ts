/** One heading of the page as the outline lists it. */
export interface OutlineEntry {
  id: string;
  text: string;
  /** 1 for a section (h2), 2 for a part of one (h3). */
  level: 1 | 2;
  /** Distinct comment threads anchored between this heading and the next of its level or higher. */
  comments: number;
}

// Side panels, dialogs and the comments column have headings of their own that are no section.
const SKIP = 'aside, dialog, [hidden], .visually-hidden, .comments-panel, [data-outline-skip]';

function slug(text: string): string {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return `sectie-${base || 'zonder-titel'}`;
}

/** The section headings (h2, h3) of `root` in document order, leaving side panels out. */
export function outlineHeadings(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('h2, h3')).filter(
    (heading) => !heading.closest(SKIP) && (heading.textContent ?? '').trim() !== '',
  );
}

/**
 * Gives every heading an id (one derived from its text, so a link to it survives a reload; ids the
 * page already set are kept, labels point at them) and makes it focusable from script only.
 */
export function prepareHeadings(headings: readonly HTMLElement[]): void {
  for (const heading of headings) {
    if (!heading.id) {
      const base = slug(heading.textContent ?? '');
      let id = base;
      for (let n = 2; document.getElementById(id); n += 1) id = `${base}-${n}`;
      heading.id = id;
    }
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  }
}

/**
 * The index of the heading that `element` falls under (the last one before it in document order),
 * or -1 when it comes before the first.
 */
export function headingIndexOf(headings: readonly HTMLElement[], element: Element): number {
  let found = -1;
  for (let index = 0; index < headings.length; index += 1) {
    const heading = headings[index] as HTMLElement;
    const after = heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (heading === element || heading.contains(element) || after) found = index;
    else break;
  }
  return found;
}

/** The indices an element's findings count for: its heading and, under an h3, the h2 above it. */
export function ownersOf(levels: readonly (1 | 2)[], index: number): number[] {
  if (index < 0) return [];
  const owners = [index];
  if (levels[index] === 2) {
    for (let up = index - 1; up >= 0; up -= 1) {
      if (levels[up] === 1) {
        owners.push(up);
        break;
      }
    }
  }
  return owners;
}

/**
 * Comment threads per heading: text highlights (`data-comment-thread`) and the open-thread badges
 * of structured items (`data-comment-item` with `data-count`), as the comments panel draws them.
 */
function commentCounts(root: HTMLElement, headings: readonly HTMLElement[], levels: readonly (1 | 2)[]) {
  const threads = headings.map(() => new Set<string>());
  const items = headings.map(() => 0);
  for (const mark of root.querySelectorAll<HTMLElement>('[data-comment-thread]')) {
    const thread = mark.dataset['commentThread'];
    if (!thread) continue;
    for (const owner of ownersOf(levels, headingIndexOf(headings, mark))) threads[owner]?.add(thread);
  }
  for (const badge of root.querySelectorAll<HTMLElement>('[data-comment-item][data-count]')) {
    const count = Number(badge.dataset['count']);
    if (!Number.isFinite(count) || count <= 0) continue;
    for (const owner of ownersOf(levels, headingIndexOf(headings, badge))) {
      items[owner] = (items[owner] ?? 0) + count;
    }
  }
  return threads.map((set, index) => set.size + (items[index] ?? 0));
}

/** Reads the outline of `root`: its section headings (given ids) with their comment counts. */
export function scanOutline(root: HTMLElement): { headings: HTMLElement[]; entries: OutlineEntry[] } {
  const headings = outlineHeadings(root);
  prepareHeadings(headings);
  const levels = headings.map((heading) => (heading.tagName === 'H3' ? 2 : 1) as 1 | 2);
  // An h3 before any h2 is a section of its own.
  let seenSection = false;
  for (let index = 0; index < levels.length; index += 1) {
    if (levels[index] === 1) seenSection = true;
    else if (!seenSection) levels[index] = 1;
  }
  const comments = commentCounts(root, headings, levels);
  const entries = headings.map((heading, index) => ({
    id: heading.id,
    text: (heading.textContent ?? '').trim().replace(/\s+/g, ' '),
    level: levels[index] ?? 1,
    comments: comments[index] ?? 0,
  }));
  return { headings, entries };
}

/** Whether two scans list the same entries (a rescan then changes nothing). */
export function sameEntries(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        entry.id === other.id &&
        entry.text === other.text &&
        entry.level === other.level &&
        entry.comments === other.comments
      );
    })
  );
}
