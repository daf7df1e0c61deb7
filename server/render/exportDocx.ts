/** The DOCX export (docx 9), loaded on demand by the export command. */
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
import { MODE_NL, outcomeName, placementText, type ExportSource } from './design';

/** Characters XML 1.0 does not allow; Word refuses a document containing them. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const clean = (value: unknown) => String(value ?? '').replace(XML_INVALID, '');

/** Paragraphs of a plain text: one per line. The docx library writes all text as escaped XML. */
function textParagraphs(text: string, empty = '(leeg)'): Paragraph[] {
  if (!text) return [new Paragraph({ children: [new TextRun({ text: empty, italics: true })] })];
  return clean(text)
    .split('\n')
    .map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(clean(text))] });

const bullet = (text: string) =>
  new Paragraph({ bullet: { level: 0 }, children: [new TextRun(clean(text))] });

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold: header })] })],
  });
}

/** A Word document with the same content as the Markdown export; activities as a table. */
export async function renderDocx({
  document,
  version,
  json,
}: ExportSource): Promise<Uint8Array<ArrayBuffer>> {
  const children: FileChild[] = [heading(json.title, HeadingLevel.TITLE)];
  const meta: Array<[string, string]> = [['Soort', document.kind]];
  meta.push(
    version ? ['Versie', `${version.label} (${version.createdAt})`] : ['Stand van', document.updatedAt],
  );
  if (json.kind === 'leerarrangement') {
    const { design } = json;
    if (json.template) meta.push(['Ontwikkelpad', `${json.template.title} ${json.template.version}`]);
    meta.push(['ECTS', String(design.ects ?? '—')], ['Modus', design.mode ? MODE_NL[design.mode]! : '—']);
    meta.push(['Plaatsing', placementText(json)], ['Sectoren', design.sectors.join(', ') || '—']);
  }
  for (const [term, value] of meta)
    children.push(
      new Paragraph({
        children: [new TextRun({ text: `${term}: `, bold: true }), new TextRun(clean(value))],
      }),
    );
  for (const section of json.sections)
    children.push(heading(section.heading, HeadingLevel.HEADING_1), ...textParagraphs(section.text));
  if (json.kind === 'leerarrangement') {
    const { design } = json;
    children.push(heading('Leeruitkomsten', HeadingLevel.HEADING_1));
    for (const id of design.targetedOutcomeIds) children.push(bullet(outcomeName(json, id)));
    children.push(heading('Leeractiviteiten', HeadingLevel.HEADING_1));
    const columns = ['Titel', 'Soort', 'Modus', 'Uren', 'Aanbieder'];
    const rows = [new TableRow({ tableHeader: true, children: columns.map((title) => cell(title, true)) })];
    for (const activity of design.activities) {
      const provider = activity.provider.type === 'derde' ? activity.provider.name : 'team';
      rows.push(
        new TableRow({
          children: [
            activity.title,
            activity.kind,
            activity.mode,
            String(activity.hours ?? '—'),
            provider,
          ].map((text) => cell(text)),
        }),
      );
    }
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    children.push(heading('Bewijzen', HeadingLevel.HEADING_1));
    for (const [id, text] of Object.entries(design.evidence))
      children.push(heading(outcomeName(json, id), HeadingLevel.HEADING_2), ...textParagraphs(text));
    children.push(heading('Controles', HeadingLevel.HEADING_1));
    for (const check of json.checks)
      children.push(bullet(`${check.ruleId} (${check.status}): ${check.message}`));
  }
  const file = new Document({
    creator: 'Werkplaats',
    title: clean(json.title),
    description: version ? clean(`Versie ${version.label}`) : undefined,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
