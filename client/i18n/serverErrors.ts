import type { ApiError } from '../api/request';
import { useI18n } from './I18nProvider';
import type { Language, MessageParams } from './translate';
import type { MessageKey, Messages } from './nl';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The message key of a server error code in `messages` (the loaded catalog: every language has
 * the same keys), or null for a code the client does not know. Any feature's catalog may hold
 * `serverError.*` keys (nlErrors.ts the general ones). The catalog is passed in, never imported:
 * importing nl.ts here would put every Dutch message into the main script.
 */
export function serverErrorKey(code: string, messages: Readonly<Messages>): MessageKey | null {
  const key = `serverError.${code}`;
  return Object.hasOwn(messages, key) ? (key as MessageKey) : null;
}

/**
 * What to show for a failed API call in the UI language. The server writes Dutch and names the
 * thing at hand ("Dit team bestaat niet."), so the Dutch UI shows its message as it is; another
 * language shows its own message for the code, and the server's Dutch one only for an unknown code.
 */
export function apiErrorText(
  error: ApiError,
  language: Language,
  t: Translate,
  messages: Readonly<Messages>,
): string {
  if (error.status === 0 && !error.message) return t('error.network');
  const key = serverErrorKey(error.code, messages);
  if (error.message && (language === 'nl' || !key)) return error.message;
  return key ? t(key) : t('error.unknown', { status: error.status });
}

/** `apiErrorText` for the current UI language. */
export function useApiErrorText(): (error: ApiError) => string {
  const { language, t, messages } = useI18n();
  return (error) => apiErrorText(error, language, t, messages);
}
