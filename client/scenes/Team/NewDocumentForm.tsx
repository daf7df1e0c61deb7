import { useId, useState, type FormEvent } from 'react';
import { createDocument } from '../../http/documents';
import { ApiError } from '../../http/request';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { documentPath, navigate } from '../../routing/router';

/** "Nieuw document": creates a document (title optional) and opens it. */
export function NewDocumentForm() {
  const t = useT();
  const headingId = useId();
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
      const created = await createDocument(trimmed ? { title: trimmed } : {});
      navigate(documentPath(created.id));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unknown', ''));
      setBusy(false);
    }
  };

  return (
    <section className="card new-document" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('list.newHeading')}</h2>
      <form className="new-document__form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="new-document-title">{t('list.titleLabel')}</label>
          <input
            id="new-document-title"
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
            {t('list.titleHint')}
          </p>
        </div>
        <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
          {busy ? t('list.creating') : t('list.create')}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
