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

/** Looks up a message and fills in its placeholders (unknown placeholders stay visible, on purpose). */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const message = messages[key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** BCP 47 locale used for dates and numbers in each language. */
export const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Narrows an unknown stored value to a supported language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
