import { useId, useState, type FormEvent } from 'react';
import {
  TRIAGE_DECISIONS,
  type Round,
  type RoundSummary,
  type SummaryItem,
  type TriageDecision,
} from '../../../shared/schemas/rounds';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import { completeRound, triageItem } from './roundsApi';
import type { VersionSummary } from '../versions/versionsApi';
import { useT } from '../../i18n/I18nProvider';
import { VersionSelect } from '../versions/VersionSelect';
import { decisionKey, ItemContext } from './SummaryView';
import { CircleCheck } from 'lucide-react';

/**
 * Triage after closing: every comment thread and criterion answer gets a decision (verwerkt, deels
 * verwerkt, niet overgenomen), a reason and optionally the version it was handled in. "Afronden"
 * once all are done (the server refuses with 409 otherwise; its message is shown).
 */
export function TriageView({
  summary,
  versions,
  onItemSaved,
  onCompleted,
}: {
  summary: RoundSummary;
  versions: VersionSummary[];
  onItemSaved: (item: SummaryItem) => void;
  onCompleted: (round: Round) => void;
}) {
  const t = useT();
  const headingId = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const triaged = summary.items.filter((item) => item.triage).length;

  const complete = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onCompleted(await completeRound(summary.round.id));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="page-section triage" data-testid="triage">
      <h2 id={headingId}>{t('rounds.triage')}</h2>
      <p className="muted">{t('rounds.triageHint')}</p>
      <p className="triage__progress" role="status" data-testid="triage-progress">
        {t('rounds.triageProgress', { done: triaged, total: summary.items.length })}
      </p>
      <progress max={Math.max(1, summary.items.length)} value={triaged} aria-labelledby={headingId} />
      {summary.items.length === 0 ? <p className="muted">{t('rounds.noItems')}</p> : null}
      <ol className="summary-list">
        {summary.items.map((item, index) => (
          <TriageItem
            key={`${item.kind}:${item.id}`}
            roundId={summary.round.id}
            item={item}
            index={index}
            versions={versions}
            onSaved={onItemSaved}
          />
        ))}
      </ol>
      <div className="card">
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={complete}
            aria-disabled={busy ? true : undefined}
            data-testid="round-complete"
          >
            <CircleCheck aria-hidden="true" />
            {t('rounds.complete')}
          </button>
        </p>
        {error ? <ErrorMessage error={error} /> : null}
      </div>
    </section>
  );
}

function TriageItem({
  roundId,
  item,
  index,
  versions,
  onSaved,
}: {
  roundId: string;
  item: SummaryItem;
  index: number;
  versions: VersionSummary[];
  onSaved: (item: SummaryItem) => void;
}) {
  const t = useT();
  const id = useId();
  const [decision, setDecision] = useState<TriageDecision | ''>(item.triage?.decision ?? '');
  const [reason, setReason] = useState(item.triage?.reason ?? '');
  const [versionId, setVersionId] = useState(item.triage?.version?.id ?? '');
  const [fieldError, setFieldError] = useState<{ decision?: string; reason?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next: { decision?: string; reason?: string } = {};
    if (!decision) next.decision = t('rounds.errorDecision');
    if (!reason.trim()) next.reason = t('rounds.errorReason');
    setFieldError(next);
    if (!decision || !reason.trim()) {
      document.getElementById(next.decision ? `${id}-decision-0` : `${id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      const result = await triageItem(roundId, {
        itemKind: item.kind,
        itemId: item.id,
        decision,
        reason: reason.trim(),
        versionId: versionId || null,
      });
      onSaved(result);
      setSaved(t('rounds.triageSaved'));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className="summary-item card"
      data-testid="triage-item"
      data-kind={item.kind}
      data-triaged={item.triage ? 'true' : 'false'}
    >
      <h3 id={`${id}-heading`} className="summary-item__heading">
        {t('rounds.itemN', { n: index + 1 })}{' '}
        {item.triage ? (
          <span className={`badge decision decision--${item.triage.decision}`}>
            {t(decisionKey(item.triage.decision))}
          </span>
        ) : (
          <span className="badge">{t('rounds.untriagedShort')}</span>
        )}
      </h3>
      <ItemContext item={item} />
      <form onSubmit={submit} className="stack triage__form" aria-labelledby={`${id}-heading`} noValidate>
        <fieldset
          className="radio-group"
          aria-describedby={fieldError.decision ? `${id}-decision-error` : undefined}
        >
          <legend>{t('rounds.decision')}</legend>
          {TRIAGE_DECISIONS.map((option, optionIndex) => (
            <label key={option} className="radio-group__option">
              <input
                id={`${id}-decision-${optionIndex}`}
                type="radio"
                name={`${id}-decision`}
                value={option}
                checked={decision === option}
                data-testid={`triage-decision-${option}`}
                onChange={() => setDecision(option)}
              />
              {t(decisionKey(option))}
            </label>
          ))}
          {fieldError.decision ? (
            <p id={`${id}-decision-error`} className="field__error" role="alert">
              {fieldError.decision}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('rounds.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={5000}
            value={reason}
            data-testid="triage-reason"
            aria-invalid={fieldError.reason ? true : undefined}
            aria-describedby={fieldError.reason ? `${id}-reason-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {fieldError.reason ? (
            <p id={`${id}-reason-error`} className="field__error" role="alert">
              {fieldError.reason}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-version`}>
            {t('rounds.handledInVersion')} <span className="muted">({t('common.optional')})</span>
          </label>
          <VersionSelect
            id={`${id}-version`}
            value={versionId}
            onChange={setVersionId}
            testId="triage-version"
            versions={versions}
            first={{ value: '', label: t('rounds.noVersion') }}
          />
        </div>
        <p className="button-row">
          <button type="submit" className="button" disabled={busy} data-testid="triage-save">
            {t('rounds.triageSave')}
            <span className="visually-hidden"> {t('rounds.itemN', { n: index + 1 })}</span>
          </button>
          <span role="status" className="muted">
            {saved}
          </span>
        </p>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </li>
  );
}
