import { useId, useState, type FormEvent } from 'react';
import { createDocument } from '../../http/documents';
import { toApiError, type ApiError } from '../../http/request';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { documentPath, navigate } from '../../routing/router';

/** "Nieuw document": creates a document in the team (title optional) and opens it. */
export function NewDocumentForm({ teamId }: { teamId: string }) {
  const t = useT();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = title.trim();
      const created = await createDocument(trimmed ? { teamId, title: trimmed } : { teamId });
      navigate(documentPath(created.id));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section className="card new-document" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('newDocument.heading')}</h3>
      <form className="inline-form" onSubmit={onSubmit} noValidate data-testid="new-document-form">
        <div className="field">
          <label htmlFor={inputId}>{t('newDocument.titleLabel')}</label>
          <input
            id={inputId}
            name="title"
            type="text"
            maxLength={200}
            autoComplete="off"
            aria-describedby={hintId}
            aria-invalid={error ? true : undefined}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <p id={hintId} className="field__hint">
            {t('newDocument.titleHint')}
          </p>
        </div>
        <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
          {busy ? t('common.creating') : t('newDocument.submit')}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
