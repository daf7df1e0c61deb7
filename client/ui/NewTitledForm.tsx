import { useId, useState } from 'react';
import { useCreateAndOpen } from '../api/useCreateAndOpen';
import { useT } from '../i18n/I18nProvider';
import { ErrorMessage } from './ErrorMessage';
import { Plus } from 'lucide-react';

interface NewTitledFormProps {
  teamId: string;
  /** Creates the item in the team; the title is left out when the field is empty. */
  create: (body: { teamId: string; title?: string }) => Promise<{ id: string }>;
  /** Where the created item opens. */
  pathFor: (id: string) => string;
  testId: string;
  heading: string;
  titleLabel: string;
  titleHint: string;
  submitLabel: string;
}

/**
 * A card with one optional title field that creates something in a team and opens it
 * ("Nieuw document", "Nieuw ontwikkelpad"). A failure shows the server's message and lets the
 * user try again; on success the button stays busy while the new page opens.
 */
export function NewTitledForm({
  teamId,
  create,
  pathFor,
  testId,
  heading,
  titleLabel,
  titleHint,
  submitLabel,
}: NewTitledFormProps) {
  const t = useT();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [title, setTitle] = useState('');
  const { busy, error, onSubmit } = useCreateAndOpen(async () => {
    const trimmed = title.trim();
    const created = await create(trimmed ? { teamId, title: trimmed } : { teamId });
    return pathFor(created.id);
  });

  return (
    <section className="card new-document" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <form className="inline-form" onSubmit={onSubmit} noValidate data-testid={testId}>
        <div className="field">
          <label htmlFor={inputId}>{titleLabel}</label>
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
            {titleHint}
          </p>
        </div>
        <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
          <Plus aria-hidden="true" />
          {busy ? t('common.creating') : submitLabel}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
