import { useId, useState, type FormEvent } from 'react';
import { VERDICTS, type Verdict } from '../../../shared/domain/review';
import { toApiError, type ApiError } from '../../api/request';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RadioOptions } from '../../ui/RadioOptions';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { saveJudgements, type ReviewDetail } from './reviewApi';

type Draft = Record<string, { verdict: Verdict | null; note: string }>;

const draftOf = (review: ReviewDetail): Draft =>
  Object.fromEntries(
    review.criteria.map((criterion) => [criterion.id, { verdict: criterion.verdict, note: criterion.note }]),
  );

/** The judgement per criterion: voldoet / voldoet niet / n.v.t. with a note; read-only once decided. */
export function JudgementForm({
  review,
  editable,
  onSaved,
}: {
  review: ReviewDetail;
  editable: boolean;
  onSaved: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(review));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const verdictLabel = (verdict: Verdict) => t(`review.verdict.${verdict}` as MessageKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const judgements = Object.entries(draft).flatMap(([criterionId, entry]) =>
      entry.verdict ? [{ criterionId, verdict: entry.verdict, note: entry.note }] : [],
    );
    if (judgements.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await saveJudgements(review.id, { judgements });
      setMessage(t('review.judgementsSaved'));
      onSaved();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card page-section" aria-labelledby={headingId} data-testid="judgement-form">
      <h2 id={headingId}>{t('review.judgementHeading')}</h2>
      <form className="form-stack" onSubmit={submit} noValidate>
        {review.criteria.map((criterion) => {
          const entry = draft[criterion.id] ?? { verdict: null, note: '' };
          const update = (change: Partial<Draft[string]>) =>
            setDraft((current) => ({ ...current, [criterion.id]: { ...entry, ...change } }));
          return (
            <fieldset
              key={criterion.id}
              className="radio-group"
              data-testid="criterion"
              data-criterion={criterion.id}
            >
              <legend>{criterion.title}</legend>
              {criterion.description ? <p className="field__hint">{criterion.description}</p> : null}
              {editable ? (
                <>
                  <RadioOptions
                    name={`verdict-${criterion.id}`}
                    options={VERDICTS}
                    value={entry.verdict}
                    onChange={(verdict) => update({ verdict })}
                    labelOf={verdictLabel}
                  />
                  <NoteField
                    label={t('review.note', { criterion: criterion.title })}
                    value={entry.note}
                    onChange={(note) => update({ note })}
                  />
                </>
              ) : (
                <p data-testid="criterion-verdict">
                  <strong>{entry.verdict ? verdictLabel(entry.verdict) : t('review.noJudgement')}</strong>
                  {entry.note ? <span className="prewrap"> — {entry.note}</span> : null}
                </p>
              )}
            </fieldset>
          );
        })}
        {editable ? (
          <p className="button-row">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="save-judgements"
            >
              {t('review.saveJudgements')}
            </button>
          </p>
        ) : null}
        <p role="status" className="visually-hidden">
          {message}
        </p>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </section>
  );
}

function NoteField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={5000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
