import { TRIAGE_DECISIONS, TRIAGE_LABELS_NL, type RoundSummary } from '../../shared/schemas/rounds';
import { escapeHtml, escapeMd } from './escape';
import { dateNl } from './labelsNl';

/** Markdown-escaped text on one line (a table cell). */
const md = (text: string) => escapeMd(text).replace(/\n+/g, ' ');

/** A round's summary as Markdown. */
export function summaryMarkdown(summary: RoundSummary): string {
  const { round, items, counts } = summary;
  const lines = [
    `# ${md(round.title)}`,
    '',
    `Feedbackronde op **${md(round.documentTitle)}** (versie: ${md(round.version.label)}) van ${md(round.teamName)}.`,
    `Deadline: ${dateNl(round.deadline)} · status: ${round.status === 'completed' ? 'afgerond' : round.status === 'closed' ? 'triage' : 'open'}.`,
    '',
    `${counts.triaged} van ${counts.total} onderdelen beoordeeld: ${TRIAGE_DECISIONS.map((decision) => `${counts[decision]} ${TRIAGE_LABELS_NL[decision].toLowerCase()}`).join(', ')}.`,
    '',
    '| Soort | Van | Bij | Feedback | Besluit | Reden | Versie |',
    '|---|---|---|---|---|---|---|',
    ...items
      .map((item) =>
        [
          item.kind === 'comment' ? 'Reactie' : 'Criterium',
          md(item.author?.name ?? 'onbekend'),
          md(item.context),
          md(item.text),
          item.triage ? TRIAGE_LABELS_NL[item.triage.decision] : 'nog open',
          md(item.triage?.reason ?? ''),
          md(item.triage?.version?.label ?? ''),
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    '',
    'Licentie: CC BY-SA 4.0.',
    '',
  ];
  return lines.join('\n');
}

/** A round's summary as a print-ready HTML page (for PDF); every user text escaped. */
export function summaryHtml(summary: RoundSummary): string {
  const { round, items, counts } = summary;
  const rows = items
    .map(
      (item) =>
        `<tr><td>${item.kind === 'comment' ? 'Reactie' : 'Criterium'}</td><td>${escapeHtml(item.author?.name ?? 'onbekend')}</td><td>${escapeHtml(item.context)}</td><td>${escapeHtml(item.text)}</td><td>${item.triage ? TRIAGE_LABELS_NL[item.triage.decision] : 'nog open'}</td><td>${escapeHtml(item.triage?.reason ?? '')}</td><td>${escapeHtml(item.triage?.version?.label ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(round.title)} — samenvatting</title>
<style>@page{size:A4;margin:18mm}body{font:11pt/1.45 system-ui,sans-serif;color:#111}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eee}</style>
</head><body><main>
<h1>${escapeHtml(round.title)}</h1>
<p>Feedbackronde op <strong>${escapeHtml(round.documentTitle)}</strong> (versie: ${escapeHtml(round.version.label)}) van ${escapeHtml(round.teamName)}. Deadline ${escapeHtml(dateNl(round.deadline))}.</p>
<p>${counts.triaged} van ${counts.total} onderdelen beoordeeld.</p>
<table><thead><tr><th scope="col">Soort</th><th scope="col">Van</th><th scope="col">Bij</th><th scope="col">Feedback</th><th scope="col">Besluit</th><th scope="col">Reden</th><th scope="col">Versie</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>Licentie: CC BY-SA 4.0.</p>
</main></body></html>
`;
}
