import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

const WORDS =
  'de student werkt aan een opdracht met feedback van docent en medestudenten over leeruitkomst'.split(' ');

/** `count` words, deterministic. */
function words(count: number, seed: number): string {
  return Array.from({ length: count }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
}

function paragraph(seed: number) {
  return {
    type: 'paragraph',
    content: [
      { type: 'text', text: `${words(20, seed)} ` },
      { type: 'text', text: words(3, seed + 1), marks: [{ type: 'bold' }] },
      { type: 'text', text: ` ${words(25, seed + 2)} ` },
      { type: 'text', text: words(2, seed + 3), marks: [{ type: 'italic' }] },
      { type: 'text', text: ` ${words(10, seed + 4)}.` },
    ],
  };
}

/**
 * The update a Tiptap editor (StarterKit schema) produces when `pages` pages are pasted into the
 * empty fragment `field` at once: per page (~500 words) a heading, six formatted paragraphs and a
 * five-item list. 50 pages: ~215 KB, ~4,600 structs.
 */
export function pastedPages(pages: number, field: string): Uint8Array {
  const content: unknown[] = [];
  for (let page = 0; page < pages; page++) {
    content.push({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: `Hoofdstuk ${page + 1}` }],
    });
    for (let i = 0; i < 6; i++) content.push(paragraph(page * 10 + i));
    content.push({
      type: 'bulletList',
      content: Array.from({ length: 5 }, (_, i) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: words(12, page + i) }] }],
      })),
    });
  }
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(getSchema([StarterKit]), { type: 'doc', content }, doc.getXmlFragment(field));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
