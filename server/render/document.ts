/** HTML and print exports: the export outline (outline.ts) written out. */
import { escapeHtml } from './escape';
import type { ExportSource } from './design';
import { EMPTY_NL, exportOutline, type Block } from './outline';
import { richToHtml } from './richHtml';

const htmlParagraphs = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');

/** One outline block as HTML (plain text escaped); the certificate pages reuse it. */
export function htmlBlock(block: Block): string {
  const e = escapeHtml;
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${e(block.text)}</h${block.level}>`;
    case 'meta':
      return `<dl>${block.pairs.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('')}</dl>`;
    case 'rich':
      return block.rich.node ? richToHtml(block.rich.node) : htmlParagraphs(block.rich.text);
    case 'text':
      return htmlParagraphs(block.text);
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${block.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'empty':
      return `<p><em>${EMPTY_NL}</em></p>`;
  }
}

const SCREEN_CSS =
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}@media print{body{margin:0}}';

/**
 * Print-ready layout for "Opslaan als PDF": A4 with margins, every section on a new page, tables
 * and headings kept whole, black on white. The page holds no interactive element but links.
 */
const PRINT_CSS = [
  '@page{size:A4;margin:20mm 18mm 22mm}',
  'html{-webkit-print-color-adjust:exact;print-color-adjust:exact}',
  'body{font-family:Georgia,"Times New Roman",serif;font-size:11pt;line-height:1.45;color:#000;background:#fff;margin:0}',
  'main{max-width:none}',
  'h1{font-size:20pt;margin:0 0 8mm}',
  'h2{font-size:15pt;margin:0 0 4mm;break-after:avoid;page-break-after:avoid}',
  'h3,h4,h5,h6{font-size:12pt;break-after:avoid;page-break-after:avoid}',
  'section{break-before:page;page-break-before:always}',
  'p,li{orphans:3;widows:3}',
  'a{color:#000}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:1mm 6mm}dt{font-weight:bold}dd{margin:0}',
  'table{border-collapse:collapse;width:100%;break-inside:auto}tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}',
  'td,th{border:1px solid #555;padding:1.5mm 2mm;text-align:left;vertical-align:top}',
  '@media screen{body{max-width:210mm;margin:0 auto;padding:20mm 18mm}section{border-top:1px dashed #999;margin-top:10mm;padding-top:10mm}}',
].join('');

/** The outline's blocks as HTML, each level-2 heading opening a <section> (a page in print). */
function htmlBody(blocks: Block[]): string {
  const parts: string[] = [];
  let open = false;
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 2) {
      if (open) parts.push('</section>');
      parts.push('<section>');
      open = true;
    }
    parts.push(htmlBlock(block));
  }
  if (open) parts.push('</section>');
  return parts.join('\n');
}

/**
 * A full HTML page. Plain text is escaped; rich text is written by the schema's own serializer
 * (its links limited to http, https and mailto, see richText.ts); the CSP forbids any script.
 */
export function renderHtml(source: ExportSource, options: { print?: boolean } = {}): string {
  const body = htmlBody(exportOutline(source));
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(source.json.title)}</title>
<style>${options.print ? PRINT_CSS : SCREEN_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
