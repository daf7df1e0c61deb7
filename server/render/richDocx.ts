/** Rich text (the shared schema's nodes) as docx paragraphs: real runs, hyperlinks, numbering. */
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  TextRun,
  type INumberingOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';

/** Characters XML 1.0 does not allow; Word refuses a document containing them. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text Word accepts. */
export const clean = (value: unknown) => String(value ?? '').replace(XML_INVALID, '');

/** The numbering definition numbered lists refer to (nine levels, as Word has). */
export const ORDERED_REFERENCE = 'werkplaats-ordered';

/** The document's numbering config: decimal numbers, indented per level. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: ORDERED_REFERENCE,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    },
  ],
};

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Word's heading style of level 1–6. */
export const headingStyle = (level: number) => HEADINGS[Math.min(Math.max(level, 1), 6) - 1]!;

const has = (marks: readonly Mark[], name: string) => marks.some((mark) => mark.type.name === name);

function run(node: PMNode): TextRun {
  if (node.type.name === 'hardBreak') return new TextRun({ break: 1 });
  const marks = node.marks;
  const text = clean(node.text);
  if (marks.length === 0) return new TextRun(text);
  // Only the marks present: a `false` would still be written as an element of every run.
  const link = has(marks, 'link');
  return new TextRun({
    text,
    ...(has(marks, 'bold') ? { bold: true } : {}),
    ...(has(marks, 'italic') ? { italics: true } : {}),
    ...(has(marks, 'strike') ? { strike: true } : {}),
    ...(has(marks, 'underline') || link ? { underline: {} } : {}),
    ...(has(marks, 'code') ? { font: 'Courier New' } : {}),
    ...(link ? { style: 'Hyperlink' } : {}),
  });
}

/** The inline content of a textblock as runs; a linked run inside an ExternalHyperlink. */
function runs(block: PMNode): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  block.forEach((node) => {
    const link = node.marks.find((mark) => mark.type.name === 'link');
    children.push(
      link ? new ExternalHyperlink({ link: String(link.attrs.href), children: [run(node)] }) : run(node),
    );
  });
  return children;
}

/** Where a block sits: its list level and item marker, its quote indent. */
interface Context {
  list?: { level: number; ordered: boolean; instance: number; first: boolean };
  quoteDepth: number;
  nextInstance: { value: number };
}

function paragraphOptions(context: Context): Partial<IParagraphOptions> {
  const { list } = context;
  const indent = context.quoteDepth ? { indent: { left: 720 * context.quoteDepth } } : {};
  if (!list) return indent;
  if (!list.first) return { indent: { left: 720 * (list.level + 1) } };
  list.first = false;
  return list.ordered
    ? { numbering: { reference: ORDERED_REFERENCE, level: list.level, instance: list.instance } }
    : { bullet: { level: list.level } };
}

function blocks(node: PMNode, context: Context, out: Paragraph[]): void {
  switch (node.type.name) {
    case 'paragraph':
      out.push(new Paragraph({ ...paragraphOptions(context), children: runs(node) }));
      return;
    case 'heading':
      out.push(new Paragraph({ heading: headingStyle(Number(node.attrs.level)), children: runs(node) }));
      return;
    case 'codeBlock':
      out.push(
        new Paragraph({
          ...paragraphOptions(context),
          children: clean(node.textContent)
            .split('\n')
            .map((line, index) => new TextRun({ text: line, font: 'Courier New', break: index ? 1 : 0 })),
        }),
      );
      return;
    case 'horizontalRule':
      out.push(new Paragraph({ thematicBreak: true, children: [] }));
      return;
    case 'blockquote':
      node.forEach((child) => blocks(child, { ...context, quoteDepth: context.quoteDepth + 1 }, out));
      return;
    case 'bulletList':
    case 'orderedList': {
      const level = context.list ? context.list.level + 1 : 0;
      const instance = context.nextInstance.value++;
      node.forEach((item) => {
        // Each item's first paragraph carries the bullet or number; the rest are indented under it.
        const list = {
          level: Math.min(level, 8),
          ordered: node.type.name === 'orderedList',
          instance,
          first: true,
        };
        item.forEach((child) => blocks(child, { ...context, list }, out));
      });
      return;
    }
    default:
      if (node.isTextblock) out.push(new Paragraph({ ...paragraphOptions(context), children: runs(node) }));
      else node.forEach((child) => blocks(child, context, out));
  }
}

/** Counts numbered lists across one document, so each list starts again at 1. */
export interface ListCounter {
  value: number;
}

/** A document node's blocks as docx paragraphs (its depth is bounded: see fragmentToNode). */
export function richToDocx(doc: PMNode, counter: ListCounter): Paragraph[] {
  const out: Paragraph[] = [];
  doc.forEach((child) => blocks(child, { quoteDepth: 0, nextInstance: counter }, out));
  return out;
}
