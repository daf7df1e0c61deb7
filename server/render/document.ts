import { escapeHtml, escapeMd, escapeMdCell, escapeMdLine } from './escape';
import { MODE_NL, outcomeName, placementText, type ExportSource } from './design';

/** Markdown of a design or document. */
export function renderMarkdown({ document, version, json }: ExportSource): string {
  const lines: string[] = [`# ${escapeMdLine(json.title)}`, ''];
  lines.push(`- Soort: ${document.kind}`);
  if (version) lines.push(`- Versie: ${escapeMdLine(version.label)} (${version.createdAt})`);
  else lines.push(`- Stand van: ${document.updatedAt}`);
  if (json.kind === 'leerarrangement') {
    const { design } = json;
    if (json.template)
      lines.push(
        `- Ontwikkelpad: ${escapeMdLine(json.template.title)} ${escapeMdLine(json.template.version)}`,
      );
    lines.push(`- ECTS: ${design.ects ?? '—'}`, `- Modus: ${design.mode ? MODE_NL[design.mode] : '—'}`);
    lines.push(
      `- Plaatsing: ${escapeMdLine(placementText(json))}`,
      `- Sectoren: ${design.sectors.join(', ') || '—'}`,
    );
  }
  lines.push('');
  for (const section of json.sections) {
    lines.push(`## ${escapeMdLine(section.heading)}`, '', escapeMd(section.text) || '_(leeg)_', '');
  }
  if (json.kind === 'leerarrangement') {
    const { design } = json;
    lines.push('## Leeruitkomsten', '');
    for (const id of design.targetedOutcomeIds) lines.push(`- ${escapeMdLine(outcomeName(json, id))}`);
    lines.push(
      '',
      '## Leeractiviteiten',
      '',
      '| Titel | Soort | Modus | Uren | Aanbieder |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const activity of design.activities) {
      const provider = activity.provider.type === 'derde' ? activity.provider.name : 'team';
      lines.push(
        `| ${escapeMdCell(activity.title)} | ${activity.kind} | ${activity.mode} | ${activity.hours ?? '—'} | ${escapeMdCell(provider)} |`,
      );
    }
    lines.push('', '## Bewijzen', '');
    for (const [id, text] of Object.entries(design.evidence))
      lines.push(`### ${escapeMdLine(outcomeName(json, id))}`, '', escapeMd(text) || '_(leeg)_', '');
    lines.push('## Controles', '');
    for (const check of json.checks)
      lines.push(`- ${check.ruleId} (${check.status}): ${escapeMdLine(check.message)}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

const SCREEN_CSS =
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}@media print{body{margin:0}}';

/**
 * Print-ready layout for "Opslaan als PDF": A4 with margins, every section on a new page, tables
 * and headings kept whole, black on white. The page holds no interactive element at all.
 */
const PRINT_CSS = [
  '@page{size:A4;margin:20mm 18mm 22mm}',
  'html{-webkit-print-color-adjust:exact;print-color-adjust:exact}',
  'body{font-family:Georgia,"Times New Roman",serif;font-size:11pt;line-height:1.45;color:#000;background:#fff;margin:0}',
  'main{max-width:none}',
  'h1{font-size:20pt;margin:0 0 8mm}',
  'h2{font-size:15pt;margin:0 0 4mm;break-after:avoid;page-break-after:avoid}',
  'h3{font-size:12pt;break-after:avoid;page-break-after:avoid}',
  'section{break-before:page;page-break-before:always}',
  'p,li{orphans:3;widows:3}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:1mm 6mm}dt{font-weight:bold}dd{margin:0}',
  'table{border-collapse:collapse;width:100%;break-inside:auto}tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}',
  'td,th{border:1px solid #555;padding:1.5mm 2mm;text-align:left;vertical-align:top}',
  '@media screen{body{max-width:210mm;margin:0 auto;padding:20mm 18mm}section{border-top:1px dashed #999;margin-top:10mm;padding-top:10mm}}',
].join('');

/** A full HTML page. Every user text is escaped; no user-supplied markup, URL or attribute exists. */
export function renderHtml(
  { document, version, json }: ExportSource,
  options: { print?: boolean } = {},
): string {
  const e = escapeHtml;
  const meta: Array<[string, string]> = [['Soort', document.kind]];
  meta.push(
    version ? ['Versie', `${version.label} (${version.createdAt})`] : ['Stand van', document.updatedAt],
  );
  const body: string[] = [];
  if (json.kind === 'leerarrangement') {
    const { design } = json;
    if (json.template) meta.push(['Ontwikkelpad', `${json.template.title} ${json.template.version}`]);
    meta.push(['ECTS', String(design.ects ?? '—')], ['Modus', design.mode ?? '—']);
    meta.push(['Plaatsing', placementText(json)], ['Sectoren', design.sectors.join(', ') || '—']);
  }
  for (const section of json.sections) {
    body.push(`<section><h2>${e(section.heading)}</h2>`);
    for (const paragraph of section.text.split('\n')) body.push(`<p>${e(paragraph)}</p>`);
    body.push('</section>');
  }
  if (json.kind === 'leerarrangement') {
    const { design } = json;
    body.push('<section><h2>Leeruitkomsten</h2><ul>');
    for (const id of design.targetedOutcomeIds) body.push(`<li>${e(outcomeName(json, id))}</li>`);
    body.push('</ul></section>');
    body.push(
      '<section><h2>Leeractiviteiten</h2><table><thead><tr><th>Titel</th><th>Soort</th><th>Modus</th><th>Uren</th><th>Aanbieder</th></tr></thead><tbody>',
    );
    for (const activity of design.activities) {
      const provider = activity.provider.type === 'derde' ? activity.provider.name : 'team';
      body.push(
        `<tr><td>${e(activity.title)}</td><td>${e(activity.kind)}</td><td>${e(activity.mode)}</td><td>${e(activity.hours ?? '—')}</td><td>${e(provider)}</td></tr>`,
      );
    }
    body.push('</tbody></table></section><section><h2>Bewijzen</h2>');
    for (const [id, text] of Object.entries(design.evidence))
      body.push(`<h3>${e(outcomeName(json, id))}</h3><p>${e(text)}</p>`);
    body.push('</section><section><h2>Controles</h2><ul>');
    for (const check of json.checks)
      body.push(`<li>${e(check.ruleId)} (${e(check.status)}): ${e(check.message)}</li>`);
    body.push('</ul></section>');
  }
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(json.title)}</title>
<style>${options.print ? PRINT_CSS : SCREEN_CSS}</style>
</head>
<body>
<main>
<h1>${e(json.title)}</h1>
<dl>${meta.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('')}</dl>
${body.join('\n')}
</main>
</body>
</html>
`;
}
