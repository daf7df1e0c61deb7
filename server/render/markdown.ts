/**
 * The Markdown export: the export outline (outline.ts) written as CommonMark. Apart from the HTML
 * exports (document.ts) because it loads prosemirror-markdown and markdown-it, which only the
 * export threads need.
 */
import { escapeMd, escapeMdCell, escapeMdLine } from './escape';
import type { ExportSource } from './design';
import { EMPTY_NL, exportOutline, type Block } from './outline';
import { richToMarkdown } from './richMarkdown';
import type { RichText } from './richText';

const LIST_LINE = /^\s*(- |\d+\. )/;

/**
 * Plain text as Markdown paragraphs: a blank line between lines, so none merge, except between
 * list lines (the plain-text walk writes list items as "- " lines), which stay one list.
 */
function mdParagraphs(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim());
  return lines
    .map((line, index) => {
      const joint =
        index === 0 ? '' : LIST_LINE.test(line) && LIST_LINE.test(lines[index - 1]!) ? '\n' : '\n\n';
      return joint + escapeMd(line);
    })
    .join('');
}

const mdRich = (rich: RichText) => (rich.node ? richToMarkdown(rich.node) : mdParagraphs(rich.text));

function mdBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMdLine(block.text)}`;
    case 'meta':
      return block.pairs.map(([term, value]) => `- ${term}: ${escapeMdLine(value)}`).join('\n');
    case 'rich':
      return mdRich(block.rich);
    case 'text':
      return mdParagraphs(block.text);
    case 'list':
      return block.items.map((item) => `- ${escapeMdLine(item)}`).join('\n');
    case 'table':
      return [
        `| ${block.columns.map(escapeMdCell).join(' | ')} |`,
        `| ${block.columns.map(() => '---').join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map(escapeMdCell).join(' | ')} |`),
      ].join('\n');
    case 'empty':
      return `_${EMPTY_NL}_`;
  }
}

/** Markdown (CommonMark) of a design or document: a blank line between every two blocks. */
export function renderMarkdown(source: ExportSource): string {
  return `${exportOutline(source).map(mdBlock).join('\n\n')}\n`;
}
