import { useId, useState } from 'react';
import { Compass } from 'lucide-react';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import { Link } from '../../app/Link';
import { designPath, navigate } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import { deleteExample, openExample, type ExampleState } from './exampleApi';

/**
 * "Verken een voorbeeld": one click makes (once) a private example team with a filled-in
 * leerarrangement and opens it; once made, a link back to it and the way to delete it.
 */
export function ExampleCard({
  example,
  onDeleted,
}: {
  example: ExampleState['example'];
  onDeleted: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const explore = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const made = await openExample();
      navigate(designPath(made.designId));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const remove = async () => {
    setError(null);
    try {
      await deleteExample();
      onDeleted();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <section
      className="card page-section example-step"
      aria-labelledby={headingId}
      data-testid="example-card"
    >
      <h2 id={headingId}>
        <Compass aria-hidden="true" size={20} className="term-help__icon" /> {t('example.heading')}
      </h2>
      <p>{t('example.text')}</p>
      <div className="example-step__actions">
        {example ? (
          <>
            <Link
              to={designPath(example.designId)}
              className="button button--primary"
              data-testid="example-open"
            >
              {t('example.reopen')}
            </Link>
            <ConfirmButton
              label={t('example.delete')}
              context={t('example.deleteContext')}
              question={t('example.deleteQuestion')}
              onConfirm={() => void remove()}
              testId="example-delete"
            />
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void explore()}
            aria-disabled={busy ? true : undefined}
            data-testid="example-explore"
          >
            {busy ? t('example.opening') : t('example.open')}
          </button>
        )}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
