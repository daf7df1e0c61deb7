/** The DOCX export (docx 9): the export outline (outline.ts) as a Word document; loaded on demand. */
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ExportSource } from './design';
import { EMPTY_NL, exportOutline, type Block } from './outline';
import { clean, headingStyle, NUMBERING, richToDocx, type ListCounter } from './richDocx';

/** Paragraphs of a plain text: one per line. The docx library writes all text as escaped XML. */
const textParagraphs = (text: string) =>
  clean(text)
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim())
    .map((line) => new Paragraph({ children: [new TextRun(line)] }));

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold: header })] })],
  });
}

function docxBlock(block: Block, counter: ListCounter): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.TITLE : headingStyle(block.level - 1),
          children: [new TextRun(clean(block.text))],
        }),
      ];
    case 'meta':
      return block.pairs.map(
        ([term, value]) =>
          new Paragraph({
            children: [new TextRun({ text: `${term}: `, bold: true }), new TextRun(clean(value))],
          }),
      );
    case 'rich':
      return block.rich.node ? richToDocx(block.rich.node, counter) : textParagraphs(block.rich.text);
    case 'text':
      return textParagraphs(block.text);
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(clean(item))] }),
      );
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.columns.map((title) => cell(title, true)) }),
            ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
          ],
        }),
      ];
    case 'empty':
      return [new Paragraph({ children: [new TextRun({ text: EMPTY_NL, italics: true })] })];
  }
}

/** A Word document of export blocks (a design's outline, a certificate's). */
export async function renderBlocksDocx(
  blocks: Block[],
  meta: { title: string; description?: string | undefined },
): Promise<Uint8Array<ArrayBuffer>> {
  const counter: ListCounter = { value: 1 };
  const file = new Document({
    creator: 'Werkplaats',
    title: clean(meta.title),
    description: meta.description === undefined ? undefined : clean(meta.description),
    numbering: NUMBERING,
    sections: [{ children: blocks.flatMap((block) => docxBlock(block, counter)) }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** A Word document with the same blocks, in the same order, as the Markdown and HTML exports. */
export async function renderDocx(source: ExportSource): Promise<Uint8Array<ArrayBuffer>> {
  const { json, version } = source;
  return renderBlocksDocx(exportOutline(source), {
    title: json.title,
    description: version ? `Versie ${version.label}` : undefined,
  });
}
