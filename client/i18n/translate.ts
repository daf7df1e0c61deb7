import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';

/** Languages the UI is available in; the first is the default. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const catalogs: Record<Language, Messages> = { nl, en };

/** Values for `{placeholder}`s in a message. */
export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills in its placeholders (unknown placeholders stay visible, on purpose). */
export function t(language: Language, key: MessageKey, params?: MessageParams): string {
  const message = catalogs[language][key];
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
