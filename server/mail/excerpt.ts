/** A mention as stored in a message body: `@[Naam](userId)`. */
const MENTION = /@\[([^\]\n]{1,200})\]\([A-Za-z0-9-]{1,100}\)/g;

const MAX_LINES = 4;
const MAX_CHARS = 300;

/** The first lines of a message for a mail: mentions as `@Naam`, at most four lines and 300 characters. */
export function messageExcerpt(body: string): string {
  const lines = body
    .replace(MENTION, '@$1')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line, index, all) => line !== '' || (index > 0 && all[index - 1] !== ''));
  let text = lines.slice(0, MAX_LINES).join('\n').trim();
  const cut = lines.length > MAX_LINES || text.length > MAX_CHARS;
  if (text.length > MAX_CHARS) text = text.slice(0, MAX_CHARS).trimEnd();
  return cut ? `${text}…` : text;
}
