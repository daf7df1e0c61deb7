import * as Y from 'yjs';

/**
 * Writes rich text into a fragment the way the editor (y-prosemirror) does: an element per node,
 * marks as formatting attributes of Y.XmlText. Every kind the schema offers in one fragment:
 * a heading, bold, italic, a link, a bullet list and a numbered list.
 */
export function writeFormattedText(fragment: Y.XmlFragment, words = 'Het ontwikkelpad'): void {
  const element = (
    name: string,
    attrs: Record<string, unknown>,
    children: Array<Y.XmlElement | Y.XmlText>,
  ) => {
    const node = new Y.XmlElement(name);
    node.insert(0, children);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
    return node;
  };
  const text = (ops: Array<{ insert: string; attributes?: Record<string, unknown> }>) => {
    const node = new Y.XmlText();
    node.applyDelta(ops.map((op) => ({ insert: op.insert, attributes: op.attributes ?? {} })));
    return node;
  };
  const item = (words: string) =>
    element('listItem', {}, [element('paragraph', {}, [text([{ insert: words }])])]);
  fragment.doc!.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, [
      element('heading', { level: 2 }, [text([{ insert: words }])]),
      element('paragraph', {}, [
        text([
          { insert: 'Dit is ' },
          { insert: 'vetgedrukt', attributes: { bold: {} } },
          { insert: ', ' },
          { insert: 'schuin', attributes: { italic: {} } },
          { insert: ' en ' },
          {
            insert: 'een link',
            attributes: { link: { href: 'https://example.org/lu', target: '_blank', rel: 'noopener' } },
          },
          { insert: '.' },
        ]),
      ]),
      element('bulletList', {}, [item('eerste punt'), item('tweede punt')]),
      element('orderedList', { start: 1 }, [item('stap één'), item('stap twee')]),
    ]);
  });
}
