import type { ApiError } from '../api/request';
import { useI18n } from './I18nProvider';
import type { Language, MessageParams } from './translate';
import { nl, type MessageKey } from './nl';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The message key of a server error code, or null for a code the client does not know. Any
 * feature's catalog may hold `serverError.*` keys (nlErrors.ts the general ones).
 */
export function serverErrorKey(code: string): MessageKey | null {
  const key = `serverError.${code}`;
  return Object.hasOwn(nl, key) ? (key as MessageKey) : null;
}

/**
 * What to show for a failed API call in the UI language. The server writes Dutch and names the
 * thing at hand ("Dit team bestaat niet."), so the Dutch UI shows its message as it is; another
 * language shows its own message for the code, and the server's Dutch one only for an unknown code.
 */
export function apiErrorText(error: ApiError, language: Language, t: Translate): string {
  if (error.status === 0 && !error.message) return t('error.network');
  const key = serverErrorKey(error.code);
  if (error.message && (language === 'nl' || !key)) return error.message;
  return key ? t(key) : t('error.unknown', { status: error.status });
}

/** `apiErrorText` for the current UI language. */
export function useApiErrorText(): (error: ApiError) => string {
  const { language, t } = useI18n();
  return (error) => apiErrorText(error, language, t);
}
