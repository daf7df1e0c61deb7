import { useEffect, useRef, useState } from 'react';
import { apiFetch, toApiError, type ApiError } from '../../api/request';
import { Link } from '../../app/Link';
import { PageShell } from '../../app/PageShell';
import { useT } from '../../i18n/I18nProvider';
import { ErrorMessage } from '../../ui/ErrorMessage';

const post = apiFetch({ reportUnauthenticated: false });

/**
 * `/afmelden/:token`: the unsubscribe link of a mail. Opening it changes nothing (mail scanners
 * open links); the button posts to the same one-click endpoint as the List-Unsubscribe header.
 */
export function UnsubscribeScene({ token }: { token: string }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state === 'done') doneRef.current?.focus();
  }, [state]);

  const unsubscribe = async () => {
    if (state !== 'idle') return;
    setState('busy');
    setError(null);
    try {
      await post(`/api/mail/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST' });
      setState('done');
    } catch (caught) {
      setError(toApiError(caught));
      setState('idle');
    }
  };

  return (
    <PageShell title={t('unsubscribe.pageTitle')} narrow>
      <h1>{t('unsubscribe.heading')}</h1>
      {state === 'done' ? (
        <>
          <p
            className="notice notice--info"
            role="status"
            tabIndex={-1}
            ref={doneRef}
            data-testid="unsubscribe-done"
          >
            {t('unsubscribe.done')}
          </p>
          <p>
            <Link to="/account">{t('unsubscribe.toAccount')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('unsubscribe.intro')}</p>
          {error ? <ErrorMessage error={error} /> : null}
          <p>
            <button
              type="button"
              className="button button--primary"
              aria-disabled={state === 'busy' ? true : undefined}
              onClick={() => void unsubscribe()}
            >
              {state === 'busy' ? t('unsubscribe.submitting') : t('unsubscribe.submit')}
            </button>
          </p>
        </>
      )}
    </PageShell>
  );
}
