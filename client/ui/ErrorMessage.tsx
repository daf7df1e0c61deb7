import type { ApiError } from '../api/request';
import { useT } from '../i18n/I18nProvider';

/** An API error as one announced line: the server's Dutch message, or a general explanation. */
export function ErrorMessage({ error }: { error: ApiError }) {
  const t = useT();
  const text =
    error.message || (error.status === 0 ? t('error.network') : t('error.unknown', { status: error.status }));
  return (
    <p className="error-message" role="alert">
      {text}
    </p>
  );
}
