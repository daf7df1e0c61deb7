import { useId, useState, type FormEvent } from 'react';
import type { Round } from '../../../shared/schemas/rounds';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import { updateRound } from './roundsApi';
import { useT } from '../../i18n/I18nProvider';
import { CriteriaEditor, newCriterion, type EditableCriterion } from './CriteriaEditor';
import { RoundDetailsFields, type RoundDetails } from './RoundDetailsFields';
import { isoToLocalInputs, localDateTimeToIso } from './shared';

/** "Ronde bewerken" while the round is open: title, description, deadline and criteria (owner). */
export function EditRoundForm({
  round,
  onSaved,
  onCancel,
}: {
  round: Round;
  onSaved: (round: Round) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const titleId = useId();
  const dateId = useId();
  const [details, setDetails] = useState<RoundDetails>(() => ({
    title: round.title,
    description: round.description,
    ...isoToLocalInputs(round.deadline),
  }));
  const { title, description, date, time } = details;
  const [criteria, setCriteria] = useState<EditableCriterion[]>(() =>
    round.criteria.map((criterion) => newCriterion(criterion.title, criterion.id)),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const deadline = localDateTimeToIso(date, time);
    const cleaned = criteria.filter((criterion) => criterion.title.trim());
    const next = !title.trim()
      ? t('rounds.errorTitle')
      : !deadline
        ? t('rounds.errorDeadline')
        : cleaned.length === 0
          ? t('rounds.errorCriteria')
          : null;
    setProblem(next);
    if (next || !deadline) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await updateRound(round.id, {
          title: title.trim(),
          description: description.trim(),
          deadline,
          criteria: cleaned.map((criterion) => ({
            ...(criterion.id ? { id: criterion.id } : {}),
            title: criterion.title.trim(),
          })),
        }),
      );
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      className="card page-section new-round"
      data-testid="round-edit-form"
    >
      <h2 id={headingId}>{t('rounds.edit')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <RoundDetailsFields
          value={details}
          onChange={setDetails}
          titleId={titleId}
          dateId={dateId}
          testIdPrefix="round-edit"
        />
        <CriteriaEditor criteria={criteria} onChange={setCriteria} />
        {problem ? (
          <p className="field__error" role="alert">
            {problem}
          </p>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        <p className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            data-testid="round-edit-save"
          >
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </p>
      </form>
    </section>
  );
}
