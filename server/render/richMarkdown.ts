/** Rich text (the shared schema's nodes) as CommonMark, through prosemirror-markdown. */
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import {
  defaultMarkdownSerializer,
  MarkdownSerializer,
  type MarkdownSerializerState,
} from 'prosemirror-markdown';

const base = defaultMarkdownSerializer;

/** A link destination CommonMark keeps whole: no spaces, brackets or line breaks. */
function destination(href: string): string {
  return href.trim().replace(/[\s()<>]/g, (char) => encodeURIComponent(char));
}

function orderedList(state: MarkdownSerializerState, node: PMNode): void {
  const start = typeof node.attrs.start === 'number' ? node.attrs.start : 1;
  const width = String(start + node.childCount - 1).length;
  state.renderList(node, ' '.repeat(width + 2), (index) => {
    const number = String(start + index);
    return `${' '.repeat(width - number.length)}${number}. `;
  });
}

function codeBlock(state: MarkdownSerializerState, node: PMNode): void {
  const runs = node.textContent.match(/`{3,}/g);
  const fence = runs ? `${runs.sort().slice(-1)[0]}\`` : '```';
  state.write(`${fence}${typeof node.attrs.language === 'string' ? node.attrs.language : ''}\n`);
  state.text(node.textContent, false);
  state.write('\n');
  state.write(fence);
  state.closeBlock(node);
}

/** Tiptap's node and mark names mapped onto prosemirror-markdown's CommonMark writers. */
const serializer = new MarkdownSerializer(
  {
    paragraph: base.nodes.paragraph!,
    heading: base.nodes.heading!,
    blockquote: base.nodes.blockquote!,
    horizontalRule: (state, node) => {
      state.write('---');
      state.closeBlock(node);
    },
    bulletList: (state, node) => state.renderList(node, '  ', () => '- '),
    orderedList,
    listItem: base.nodes.list_item!,
    codeBlock,
    hardBreak: base.nodes.hard_break!,
    text: base.nodes.text!,
  },
  {
    bold: base.marks.strong!,
    italic: base.marks.em!,
    code: base.marks.code!,
    strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
    // CommonMark has no underline: the text stays, the line goes.
    underline: { open: '', close: '' },
    // Always an inline link, never an autolink: `[text](url)`.
    link: {
      open: '[',
      close: (_state: MarkdownSerializerState, mark: Mark) => `](${destination(String(mark.attrs.href))})`,
      mixable: true,
    },
  },
  // Raw HTML, table pipes and entities in a user's text stay text.
  { hardBreakNodeName: 'hardBreak', escapeExtraCharacters: /[<>|&]/g, strict: false },
);

/**
 * The document node's blocks as CommonMark, blocks separated by a blank line. One top-level block
 * at a time: the serializer tests its whole output so far at every block, which is quadratic in a
 * long text (17 s for 6,000 paragraphs).
 */
export function richToMarkdown(doc: PMNode): string {
  const blocks: string[] = [];
  doc.forEach((block) => {
    const text = serializer.serialize(doc.type.create(null, block), { tightLists: true }).trim();
    if (text) blocks.push(text);
  });
  return blocks.join('\n\n');
}
