import '../../styles/certificates.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { EVC_FIELDS, EVC_FIELD_MAX, type EvcProcedure } from '../../../shared/domain/evcProcedure';
import { toApiError, type ApiError } from '../../api/request';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { EVC_FIELD_LABELS, EvcProcedureText } from './CertificateParts';
import { getEvcProcedure, putEvcProcedure, type EvcProcedureView } from './certificatesApi';
import { Pencil } from 'lucide-react';

const HINTS: Record<keyof EvcProcedure, MessageKey> = {
  recognition: 'evc.recognitionHint',
  coverage: 'evc.coverageHint',
  followUp: 'evc.followUpHint',
};

const EMPTY: EvcProcedure = { recognition: '', coverage: '', followUp: '' };

/** The team page's section with the team's EVC procedure; owners and editors write it. */
export function EvcProcedureSection({
  teamId,
  onChanged,
}: {
  teamId: string;
  /** After a save: the page refreshes what the change shows in (the audit trail). */
  onChanged?: () => void;
}) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const headingId = useId();
  const loaded = useLoadable(teamId, getEvcProcedure);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const view = loaded.state.status === 'ready' ? loaded.state.data : null;

  const close = (result: EvcProcedureView | null) => {
    if (result) {
      loaded.replace(result);
      onChanged?.();
    }
    setEditing(false);
    setSaved(result !== null);
    requestAnimationFrame(() => openRef.current?.focus());
  };

  return (
    <section className="page-section evc-procedure" aria-labelledby={headingId} data-testid="evc-procedure">
      <h2 id={headingId}>{t('evc.heading')}</h2>
      <p className="muted">{t('evc.intro')}</p>
      {loaded.state.status === 'error' ? <ErrorMessage error={loaded.state.error} /> : null}
      {view && !editing ? (
        view.procedure ? (
          <>
            <EvcProcedureText procedure={view.procedure} level={3} />
            {view.updatedAt ? (
              <p className="muted">{t('evc.updated', { time: dateTime(view.updatedAt) })}</p>
            ) : null}
          </>
        ) : (
          <p className="empty-state">{t('evc.none')}</p>
        )
      ) : null}
      {view?.canEdit && !editing ? (
        <p>
          <button
            ref={openRef}
            type="button"
            className="button button--text"
            data-testid="evc-edit"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            <Pencil aria-hidden="true" />
            {t(view.procedure ? 'evc.edit' : 'evc.write')}
          </button>
        </p>
      ) : null}
      <p role="status" className="status-line">
        {saved ? t('evc.saved') : ''}
      </p>
      {view?.canEdit && editing ? (
        <EvcProcedureForm teamId={teamId} initial={view.procedure ?? EMPTY} onDone={close} />
      ) : null}
    </section>
  );
}

function EvcProcedureForm({
  teamId,
  initial,
  onDone,
}: {
  teamId: string;
  initial: EvcProcedure;
  onDone: (saved: EvcProcedureView | null) => void;
}) {
  const t = useT();
  const formId = useId();
  const [values, setValues] = useState<EvcProcedure>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await putEvcProcedure(teamId, values));
    } catch (caught) {
      setBusy(false);
      setError(toApiError(caught));
    }
  };

  return (
    <form className="form-stack" onSubmit={onSubmit} noValidate aria-describedby={`${formId}-note`}>
      <p id={`${formId}-note`} className="field__hint">
        {t('evc.paragraphs')}
      </p>
      {EVC_FIELDS.map((field, index) => (
        <div className="field" key={field}>
          <label htmlFor={`${formId}-${field}`}>{t(EVC_FIELD_LABELS[field])}</label>
          <p id={`${formId}-${field}-hint`} className="field__hint">
            {t(HINTS[field])}
          </p>
          <textarea
            id={`${formId}-${field}`}
            data-testid={`evc-input-${field}`}
            rows={5}
            maxLength={EVC_FIELD_MAX}
            // The form opens on a click: the first field takes the focus, like the team form.
            autoFocus={index === 0}
            value={values[field]}
            aria-describedby={`${formId}-${field}-hint`}
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
          />
        </div>
      ))}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="evc-save"
          aria-disabled={busy ? true : undefined}
        >
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
