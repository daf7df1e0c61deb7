/** A certificate as one print-ready HTML page ("Opslaan als PDF" in the browser). */
import { escapeHtml } from './escape';
import { htmlBlock } from './document';
import type { Block } from './outline';

/**
 * A4, black on white; unlike a design export, a certificate is not split into a page per
 * section: it is one or two pages that belong together. Tables and headings are kept whole.
 */
const CERTIFICATE_CSS = [
  '@page{size:A4;margin:20mm 18mm 22mm}',
  'body{font-family:Georgia,"Times New Roman",serif;font-size:11pt;line-height:1.45;color:#000;background:#fff;margin:0}',
  'h1{font-size:22pt;margin:0 0 6mm;text-align:center}',
  'h2{font-size:14pt;margin:8mm 0 3mm;break-after:avoid;page-break-after:avoid}',
  'h3{font-size:12pt;margin:4mm 0 1mm;break-after:avoid;page-break-after:avoid}',
  'p,li{orphans:3;widows:3}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:2mm 6mm}dt{font-weight:bold}dd{margin:0}',
  'table{border-collapse:collapse;width:100%}tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}',
  'td,th{border:1px solid #555;padding:1.5mm 2mm;text-align:left;vertical-align:top}',
  '@media screen{body{max-width:210mm;margin:0 auto;padding:20mm 18mm}}',
].join('');

/** The certificate's blocks as a full HTML page; every text is escaped, the CSP forbids scripts. */
export function renderCertificateHtml(blocks: Block[], title: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CERTIFICATE_CSS}</style>
</head>
<body>
<main>
${blocks.map(htmlBlock).join('\n')}
</main>
</body>
</html>
`;
}
