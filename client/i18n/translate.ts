import type { MessageKey, Messages } from './nl';

/** Languages the UI is available in; the first is the default. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Each catalog is a chunk of its own: a page loads only the language it shows, the other on a switch.
const loaders: Record<Language, () => Promise<Messages>> = {
  nl: () => import('./nl').then((module) => module.nl),
  en: () => import('./en').then((module) => module.en),
};
const loading = new Map<Language, Promise<Messages>>();

/** A language's messages, fetched once; a failed fetch is tried again on the next call. */
export function loadMessages(language: Language): Promise<Messages> {
  let messages = loading.get(language);
  if (!messages) {
    messages = loaders[language]();
    loading.set(language, messages);
    messages.catch(() => loading.delete(language));
  }
  return messages;
}

/** Values for `{placeholder}`s in a message. */
export type MessageParams = Record<string, string | number>;

/**
 * Looks up a message and fills it in. `{name}` is replaced by the value (an unknown placeholder
 * stays visible, on purpose). `{count, plural, one {# punt} other {# punten}}` picks the branch of
 * the count's plural category in the UI language (`Intl.PluralRules`; `=0`-style exact branches win,
 * `other` is the fallback) and puts the count in place of `#`.
 */
export function translate(
  messages: Messages,
  plurals: Intl.PluralRules,
  key: MessageKey,
  params?: MessageParams,
): string {
  const message = messages[key];
  return params ? fill(message, params, plurals) : message;
}

const PLACEHOLDER = /\{(\w+)\}/y;
const PLURAL = /\{(\w+),\s*plural,/y;
const BRANCH = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** The branches of a plural's body (` one {…} other {…}`), or null when it is malformed. */
function branches(body: string): Map<string, string> | null {
  const found = new Map<string, string>();
  let at = 0;
  while (body.slice(at).trim()) {
    BRANCH.lastIndex = at;
    const match = BRANCH.exec(body);
    if (!match) return null;
    const open = at + match[0].length - 1;
    const end = closing(body, open);
    if (end < 0) return null;
    found.set(match[1]!, body.slice(open + 1, end));
    at = end + 1;
  }
  return found.has('other') ? found : null;
}

function fill(message: string, params: MessageParams, plurals: Intl.PluralRules): string {
  let out = '';
  let at = 0;
  for (let open = message.indexOf('{'); open >= 0; open = message.indexOf('{', at)) {
    out += message.slice(at, open);
    PLACEHOLDER.lastIndex = open;
    const simple = PLACEHOLDER.exec(message);
    if (simple) {
      const name = simple[1]!;
      out += name in params ? String(params[name]) : simple[0];
      at = open + simple[0].length;
      continue;
    }
    PLURAL.lastIndex = open;
    const plural = PLURAL.exec(message);
    const end = plural ? closing(message, open) : -1;
    const options = plural && end >= 0 ? branches(message.slice(open + plural[0].length, end)) : null;
    const value = plural ? params[plural[1]!] : undefined;
    if (!options || value === undefined) {
      // Not a placeholder we can fill: the text stays as it is.
      out += '{';
      at = open + 1;
      continue;
    }
    const count = Number(value);
    const branch = options.get(`=${count}`) ?? options.get(plurals.select(count)) ?? options.get('other')!;
    out += fill(branch.replaceAll('#', String(value)), params, plurals);
    at = end + 1;
  }
  return out + message.slice(at);
}

/** BCP 47 locale used for dates and numbers in each language. */
export const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Narrows an unknown stored value to a supported language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
