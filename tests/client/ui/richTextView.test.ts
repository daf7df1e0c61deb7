import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RichTextView } from '../../../client/ui/RichTextView';
import type { RichTextDoc } from '../../../shared/editor/richTextJson';

const rich: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Kop' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Leraren willen ' },
        { type: 'text', text: 'vet', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' en ' },
        { type: 'text', text: 'schuin', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' <b>niet</b> ' },
        { type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.org/a' } }] },
        { type: 'text', text: 'kwaad', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
      ],
    },
    {
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Eerst' }] }] },
      ],
    },
  ],
};

const render = (props: Parameters<typeof RichTextView>[0]) =>
  renderToStaticMarkup(createElement(RichTextView, props));

describe('RichTextView', () => {
  it('renders the structure with the schema’s elements, headings below the page’s', () => {
    const html = render({ rich, text: 'Kop\nLeraren willen vet' });
    expect(html).toContain('<h3>Kop</h3>');
    expect(html).toContain('<strong>vet</strong>');
    expect(html).toContain('<em>schuin</em>');
    expect(html).toContain('&lt;b&gt;niet&lt;/b&gt;');
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org\/a"[^>]*>site<\/a>/);
    expect(html).toMatch(/<ol[^>]*><li><p>Eerst<\/p><\/li><\/ol>/);
    expect(html).not.toContain('javascript:');
  });

  it('falls back to the plain text when there is no structure', () => {
    expect(render({ rich: null, text: 'Eén\n- twee' })).toBe(
      '<div class="plain-text"><p>Eén</p><ul><li>twee</li></ul></div>',
    );
  });
});
