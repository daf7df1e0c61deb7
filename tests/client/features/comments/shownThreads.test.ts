import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { textAnchorAt } from '../../../../shared/comments/anchors';
import type { Anchor, CommentThread } from '../../../../shared/schemas/rounds';
import {
  filterThreads,
  involves,
  itemKey,
  openItemCounts,
  showThread,
  textHighlights,
  type ShownThread,
} from '../../../../client/features/comments/shownThreads';

const FRAGMENT = 'section:s1';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(FRAGMENT).insert(0, [paragraph]);
  return doc;
}

function paragraphText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

let counter = 0;

/** A thread by `author` (mentioning `mentions`), open unless told otherwise. */
function thread(
  overrides: Partial<CommentThread> = {},
  author = 'u-ann',
  mentions: string[] = [],
): CommentThread {
  counter += 1;
  const id = overrides.id ?? `t${counter}`;
  return {
    id,
    docId: 'd1',
    roundId: null,
    anchor: null,
    anchorStatus: 'none',
    currentQuote: null,
    status: 'open',
    resolvedAt: null,
    resolvedBy: null,
    carriedFrom: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    messages: [
      {
        id: `${id}-m1`,
        threadId: id,
        author: { id: author, name: author },
        body: 'Tekst',
        mentions: mentions.map((person) => ({ id: person, name: person })),
        createdAt: '2025-01-01T00:00:00.000Z',
        editedAt: null,
        deleted: false,
      },
    ],
    ...overrides,
  };
}

const item = (itemId: string): Anchor => ({ type: 'item', itemKind: 'activity', itemId, label: itemId });
const shown = (entry: CommentThread, anchorState: ShownThread['anchorState'] = 'attached'): ShownThread => ({
  thread: entry,
  anchorState,
  quote: null,
});

describe('what the comments panel shows of a thread (client/features/comments/shownThreads.ts)', () => {
  test('a local text anchor resolves against the doc: attached with the current text, detached once deleted', () => {
    const doc = docWith('Een zin met woorden.');
    const anchored = thread({ anchor: textAnchorAt(doc, FRAGMENT, 4, 7), anchorStatus: 'attached' });
    expect(showThread(anchored, doc, true)).toEqual({
      thread: anchored,
      anchorState: 'attached',
      quote: 'zin',
    });

    paragraphText(doc).insert(5, 'I');
    expect(showThread(anchored, doc, true).quote).toBe('zIin');

    paragraphText(doc).delete(0, paragraphText(doc).length);
    expect(showThread(anchored, doc, true)).toEqual({
      thread: anchored,
      anchorState: 'detached',
      quote: null,
    });
  });

  test('without local anchors (another round’s threads), and for items, the server’s answer holds', () => {
    const doc = docWith('Andere tekst.');
    const elsewhere = textAnchorAt(docWith('Een zin met woorden.'), FRAGMENT, 4, 7);
    const text = thread({ anchor: elsewhere, anchorStatus: 'attached', currentQuote: 'zin' });
    expect(showThread(text, doc, false)).toEqual({ thread: text, anchorState: 'attached', quote: 'zin' });
    const gone = thread({ anchor: item('a1'), anchorStatus: 'detached' });
    expect(showThread(gone, doc, true).anchorState).toBe('detached');
    const whole = thread();
    expect(showThread(whole, doc, true)).toEqual({ thread: whole, anchorState: 'none', quote: null });
  });

  test('the filters: status, "involved" (author or mentioned), and the active thread always shown', () => {
    const mine = thread({}, 'u-me');
    const mentioned = thread({}, 'u-ann', ['u-me']);
    const other = thread({}, 'u-ann');
    const resolved = thread({ status: 'resolved' }, 'u-me');
    const all = [mine, mentioned, other, resolved].map((entry) => shown(entry));
    const ids = (list: ShownThread[]) => list.map((entry) => entry.thread.id);
    const filter = { status: 'open' as const, mineOnly: false, userId: 'u-me', activeId: null };

    expect(involves(mentioned, 'u-me')).toBe(true);
    expect(involves(other, 'u-me')).toBe(false);
    expect(ids(filterThreads(all, filter))).toEqual([mine.id, mentioned.id, other.id]);
    expect(ids(filterThreads(all, { ...filter, status: 'resolved' }))).toEqual([resolved.id]);
    expect(ids(filterThreads(all, { ...filter, status: 'all', mineOnly: true }))).toEqual([
      mine.id,
      mentioned.id,
      resolved.id,
    ]);
    expect(ids(filterThreads(all, { ...filter, mineOnly: true, activeId: other.id }))).toEqual([
      mine.id,
      mentioned.id,
      other.id,
    ]);
  });

  test('highlights: attached text anchors only; resolved ones only when the filter shows them', () => {
    const doc = docWith('Een zin met woorden.');
    const anchor = textAnchorAt(doc, FRAGMENT, 4, 7);
    const open = thread({ anchor });
    const resolved = thread({ anchor, status: 'resolved' });
    const detached = thread({ anchor });
    const onItem = thread({ anchor: item('a1') });
    const visible = [shown(open), shown(resolved), shown(detached, 'detached'), shown(onItem)];

    expect(textHighlights(visible, 'open')).toEqual([{ threadId: open.id, anchor }]);
    expect(textHighlights(visible, 'all')).toEqual([
      { threadId: open.id, anchor },
      { threadId: resolved.id, anchor },
    ]);
  });

  test('open threads are counted per item; resolved threads and text anchors are not', () => {
    const doc = docWith('Tekst.');
    const counts = openItemCounts([
      thread({ anchor: item('a1') }),
      thread({ anchor: item('a1') }),
      thread({ anchor: item('a2') }),
      thread({ anchor: item('a2'), status: 'resolved' }),
      thread({ anchor: textAnchorAt(doc, FRAGMENT, 0, 5) }),
    ]);
    expect([...counts]).toEqual([
      [itemKey({ itemKind: 'activity', itemId: 'a1' }), 2],
      [itemKey({ itemKind: 'activity', itemId: 'a2' }), 1],
    ]);
    expect(itemKey({ itemKind: 'activity', itemId: 'a1' })).toBe('activity:a1');
  });
});
