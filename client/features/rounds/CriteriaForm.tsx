import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ReviewerPerspective } from '../../../shared/domain/design/feedback';
import type { CriterionResponse, Round } from '../../../shared/schemas/rounds';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import { saveResponses } from './roundsApi';
import { PerspectiveField } from './PerspectiveField';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

const SCORES = [1, 2, 3, 4] as const;

interface Answer {
  score: number | null;
  text: string;
}

/**
 * The reviewer's answers: whom they speak for (required to send), per criterion a score 1–4 (a
 * radio group) and a text. "Concept opslaan"
 * keeps them private; "Versturen" sends them (the team sees who has responded). Both can be
 * repeated while the round is open.
 */
export function CriteriaForm({
  round,
  responses,
  onSaved,
}: {
  round: Round;
  responses: CriterionResponse[];
  onSaved: (responses: CriterionResponse[]) => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => {
    const initial: Record<string, Answer> = {};
    for (const criterion of round.criteria) {
      const existing = responses.find((response) => response.criterionId === criterion.id);
      initial[criterion.id] = { score: existing?.score ?? null, text: existing?.text ?? '' };
    }
    return initial;
  });
  const [perspective, setPerspective] = useState<ReviewerPerspective | null>(
    responses.find((response) => response.perspective)?.perspective ?? null,
  );
  const [perspectiveMissing, setPerspectiveMissing] = useState(false);
  const perspectiveRef = useRef<HTMLFieldSetElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<'' | 'draft' | 'sent'>('');
  const sentRef = useRef<HTMLParagraphElement>(null);
  // "Versturen" is disabled while it sends, which drops keyboard focus: it lands on the
  // confirmation instead, so it is seen, read out and the reviewer knows where they are.
  useEffect(() => {
    if (status === 'sent') sentRef.current?.focus();
  }, [status]);
  const submittedAt = responses.find((response) => response.submittedAt)?.submittedAt ?? null;

  const save = async (submit: boolean) => {
    if (busy) return;
    if (submit && !perspective) {
      setPerspectiveMissing(true);
      perspectiveRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const saved = await saveResponses(round.id, {
        answers: round.criteria.map((criterion) => ({
          criterionId: criterion.id,
          score: answers[criterion.id]?.score ?? null,
          text: answers[criterion.id]?.text ?? '',
        })),
        submit,
        ...(perspective ? { perspective } : {}),
      });
      onSaved(saved);
      setStatus(submit ? 'sent' : 'draft');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  const update = (criterionId: string, change: Partial<Answer>) =>
    setAnswers((current) => ({
      ...current,
      [criterionId]: { ...(current[criterionId] ?? { score: null, text: '' }), ...change },
    }));

  return (
    <section
      aria-labelledby={headingId}
      className="page-section card criteria-form"
      data-testid="criteria-form"
    >
      <h2 id={headingId}>{t('rounds.criteriaFormHeading')}</h2>
      <p className="muted">{t('rounds.criteriaFormHint')}</p>
      {submittedAt ? (
        <p className="notice notice--info" data-testid="responses-submitted">
          {t('rounds.sentAt', { time: formatDate(submittedAt) })}
        </p>
      ) : null}
      <form onSubmit={onSubmit} className="stack" noValidate>
        <PerspectiveField
          ref={perspectiveRef}
          name={`${headingId}-perspective`}
          value={perspective}
          onChange={(chosen) => {
            setPerspective(chosen);
            setPerspectiveMissing(false);
          }}
          invalid={perspectiveMissing}
          errorId={`${headingId}-perspective-error`}
        />
        {round.criteria.map((criterion, index) => {
          const answer = answers[criterion.id] ?? { score: null, text: '' };
          const textId = `${headingId}-text-${index}`;
          const descriptionId = `${headingId}-description-${index}`;
          return (
            <fieldset
              key={criterion.id}
              className="criterion"
              data-testid="criterion-answer"
              data-criterion-id={criterion.id}
              aria-describedby={criterion.description ? descriptionId : undefined}
            >
              <legend>
                {index + 1}. {criterion.title}
              </legend>
              {criterion.description ? (
                <p id={descriptionId} className="field__hint">
                  {criterion.description}
                </p>
              ) : null}
              <div
                className="score-group"
                role="radiogroup"
                aria-label={t('rounds.scoreFor', { title: criterion.title })}
              >
                {SCORES.map((score) => (
                  <label key={score} className="score-group__option">
                    <input
                      type="radio"
                      name={`${headingId}-score-${index}`}
                      value={score}
                      checked={answer.score === score}
                      data-testid={`score-${score}`}
                      onChange={() => update(criterion.id, { score })}
                    />
                    <span>
                      {score} — {t(`rounds.score.${score}` as MessageKey)}
                    </span>
                  </label>
                ))}
              </div>
              <div className="field">
                <label htmlFor={textId}>{t('rounds.answerText')}</label>
                <textarea
                  id={textId}
                  rows={3}
                  maxLength={10_000}
                  value={answer.text}
                  data-testid="criterion-text"
                  onChange={(event) => update(criterion.id, { text: event.target.value })}
                />
              </div>
            </fieldset>
          );
        })}
        {error ? <ErrorMessage error={error} /> : null}
        <p className="button-row">
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="responses-save"
            onClick={() => void save(false)}
          >
            {t('rounds.saveDraft')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            data-testid="responses-send"
          >
            {t('rounds.send')}
          </button>
        </p>
        <div role="status" data-testid="responses-status">
          {status === 'sent' ? (
            <p className="notice notice--info" ref={sentRef} tabIndex={-1} data-testid="responses-sent">
              {t('rounds.responsesSent')}
            </p>
          ) : status === 'draft' ? (
            <p>{t('rounds.responsesDraftSaved')}</p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
