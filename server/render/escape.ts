/** Escapes text for HTML content and attribute values; users never supply markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Escapes the Markdown that could turn a user's text into markup: emphasis, code, links and images
 * (brackets), raw HTML (angle brackets), table cells and headings.
 */
export function escapeMd(value: unknown): string {
  return String(value ?? '').replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

/** escapeMd for one line (a heading, a list item): line breaks become spaces. */
export function escapeMdLine(value: unknown): string {
  return escapeMd(value).replace(/\r\n|\r|\n/g, ' ');
}

/**
 * escapeMd for a table cell: a line break would end the row, so it becomes `<br>` (which
 * CommonMark tables render as a break); a pipe is escaped by escapeMd.
 */
export function escapeMdCell(value: unknown): string {
  return escapeMd(value).replace(/\r\n|\r|\n/g, '<br>');
}
