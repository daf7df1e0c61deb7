import type { MailLanguage } from '../../shared/domain/mail';

/** A link with words that say where it goes (never "klik hier"). */
export interface MailAction {
  label: string;
  url: string;
}

/** One entry of a list in a mail (a notification in a digest). */
export interface MailItem {
  text: string;
  /** The first lines of the message it is about, quoted. */
  quote?: string | undefined;
  action: MailAction;
}

/** A group of items under a heading (a digest's notifications per document). */
export interface MailSection {
  heading: string;
  items: MailItem[];
}

/** What a mail says, once; rendered to both the HTML and the plain-text part. */
export interface MailContent {
  lang: MailLanguage;
  subject: string;
  heading: string;
  paragraphs: string[];
  quote?: string | undefined;
  action?: MailAction | undefined;
  sections?: MailSection[] | undefined;
  /** Why the person gets this mail, and what to do if it was not meant for them. */
  footer: string[];
  /** The page that switches notification mail off, with its link text. */
  unsubscribe?: MailAction | undefined;
}

/** A rendered mail. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// Inline styles only (mail clients drop <style> blocks); colours keep at least 4.5:1 contrast.
const STYLE = {
  body: 'margin:0;padding:24px;background:#f4f4f1;color:#1d1d1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
  main: 'max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border-radius:6px',
  h1: 'font-size:22px;line-height:1.3;margin:0 0 16px',
  h2: 'font-size:18px;margin:24px 0 8px',
  quote:
    'margin:8px 0 16px;padding:8px 12px;border-left:4px solid #5b6b2f;background:#f4f4f1;white-space:pre-line',
  button:
    'display:inline-block;padding:12px 20px;background:#3d4a1c;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold',
  link: 'color:#3d4a1c;text-decoration:underline',
  footer: 'margin-top:32px;font-size:14px;color:#4a4a46',
};

function htmlQuote(quote: string | undefined): string {
  return quote ? `<blockquote style="${STYLE.quote}">${escape(quote)}</blockquote>` : '';
}

function htmlOf(content: MailContent): string {
  const parts = [
    `<h1 style="${STYLE.h1}">${escape(content.heading)}</h1>`,
    ...content.paragraphs.map((p) => `<p>${escape(p)}</p>`),
    htmlQuote(content.quote),
    content.action
      ? `<p><a href="${escape(content.action.url)}" style="${STYLE.button}">${escape(content.action.label)}</a></p>`
      : '',
    ...(content.sections ?? []).map(
      (section) =>
        `<h2 style="${STYLE.h2}">${escape(section.heading)}</h2><ul>${section.items
          .map(
            (item) =>
              `<li><p style="margin:0">${escape(item.text)}</p>${htmlQuote(item.quote)}<p style="margin:0 0 12px"><a href="${escape(item.action.url)}" style="${STYLE.link}">${escape(item.action.label)}</a></p></li>`,
          )
          .join('')}</ul>`,
    ),
    `<footer style="${STYLE.footer}">${content.footer.map((line) => `<p>${escape(line)}</p>`).join('')}${
      content.unsubscribe
        ? `<p><a href="${escape(content.unsubscribe.url)}" style="${STYLE.link}">${escape(content.unsubscribe.label)}</a></p>`
        : ''
    }</footer>`,
  ];
  return [
    '<!doctype html>',
    `<html lang="${content.lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escape(content.subject)}</title></head>`,
    `<body style="${STYLE.body}"><main style="${STYLE.main}">${parts.join('')}</main></body>`,
    '</html>',
  ].join('\n');
}

const quoted = (quote: string) =>
  quote
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function textOf(content: MailContent): string {
  const blocks: string[] = [content.heading, ...content.paragraphs];
  if (content.quote) blocks.push(quoted(content.quote));
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  for (const section of content.sections ?? []) {
    blocks.push(`## ${section.heading}`);
    for (const item of section.items) {
      blocks.push(
        [`- ${item.text}`, item.quote ? quoted(item.quote) : '', `  ${item.action.label}: ${item.action.url}`]
          .filter(Boolean)
          .join('\n'),
      );
    }
  }
  blocks.push(['-- ', ...content.footer].join('\n'));
  if (content.unsubscribe) blocks.push(`${content.unsubscribe.label}:\n${content.unsubscribe.url}`);
  return `${blocks.join('\n\n')}\n`;
}

/** Renders one mail to its subject, plain-text and HTML parts, from the same content. */
export function renderMail(content: MailContent): RenderedMail {
  return { subject: content.subject, text: textOf(content), html: htmlOf(content) };
}
