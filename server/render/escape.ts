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
