import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { toApiError, type ApiError } from '../../api/request';
import { saveVersion } from './versionsApi';
import { useT } from '../../i18n/I18nProvider';
import { Save } from 'lucide-react';

/**
 * "Versie opslaan": a label (required) and an optional note. `onSaved` gets the label, and whether
 * the server answered with the newest version because nothing changed since it (the fields stay).
 */
export function SaveVersionForm({
  docId,
  onSaved,
}: {
  docId: string;
  onSaved: (label: string, unchanged: boolean) => void;
}) {
  const t = useT();
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [labelError, setLabelError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const noteId = useId();
  const headingId = useId();
  const labelRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setLabelError(t('versions.labelRequired'));
      labelRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setLabelError(undefined);
    try {
      const saved = await saveVersion(
        docId,
        note.trim() ? { label: trimmed, note: note.trim() } : { label: trimmed },
      );
      if (!saved.unchanged) {
        setLabel('');
        setNote('');
      }
      onSaved(trimmed, saved.unchanged);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="version-save" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{t('versions.saveHeading')}</h3>
      <TextField
        ref={labelRef}
        label={t('versions.label')}
        hint={t('versions.labelHint')}
        value={label}
        onChange={setLabel}
        error={labelError}
        maxLength={200}
        autoComplete="off"
        data-testid="version-label"
      />
      <div className="field">
        <label htmlFor={noteId}>{t('versions.note')}</label>
        <textarea
          id={noteId}
          value={note}
          maxLength={2000}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
          data-testid="version-note"
        />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="version-save">
        <Save aria-hidden="true" />
        {busy ? t('versions.saving') : t('versions.save')}
      </button>
    </form>
  );
}
