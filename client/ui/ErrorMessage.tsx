import type { ApiError } from '../api/request';
import { useApiErrorText } from '../i18n/serverErrors';

/** An API error as one announced line in the UI language (see apiErrorText). */
export function ErrorMessage({ error }: { error: ApiError }) {
  const text = useApiErrorText()(error);
  return (
    <p className="error-message" role="alert">
      {text}
    </p>
  );
}
