import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';

/** What opening and editing a round share: title, description and the deadline's date and time. */
export interface RoundDetails {
  title: string;
  description: string;
  date: string;
  time: string;
}

/** Marks a field as invalid and points it at its error line (see fieldErrorLine). */
export const fieldErrorProps = (error: string | undefined, id: string) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

/** The error line of a field, announced when it appears. */
export const fieldErrorLine = (error: string | undefined, id: string): ReactNode =>
  error ? (
    <p id={`${id}-error`} className="field__error" role="alert">
      {error}
    </p>
  ) : null;

/**
 * The title, description and deadline fields of the new-round and edit-round forms. The parent
 * owns the ids of the fields it focuses on an error (title, date); per-field errors are optional
 * (the new-round form marks fields, the edit form shows one message below).
 */
export function RoundDetailsFields({
  value,
  onChange,
  titleId,
  dateId,
  testIdPrefix,
  errors = {},
}: {
  value: RoundDetails;
  onChange: (next: RoundDetails) => void;
  titleId: string;
  dateId: string;
  /** `round` → data-testid="round-title", "round-deadline-date", … */
  testIdPrefix: string;
  errors?: { title?: string | undefined; deadline?: string | undefined };
}) {
  const t = useT();
  const descriptionId = useId();
  const timeId = useId();
  const set = (patch: Partial<RoundDetails>) => onChange({ ...value, ...patch });

  return (
    <>
      <div className="field">
        <label htmlFor={titleId}>{t('rounds.title')}</label>
        <input
          id={titleId}
          type="text"
          maxLength={200}
          value={value.title}
          data-testid={`${testIdPrefix}-title`}
          onChange={(event) => set({ title: event.target.value })}
          {...fieldErrorProps(errors.title, titleId)}
        />
        {fieldErrorLine(errors.title, titleId)}
      </div>
      <div className="field">
        <label htmlFor={descriptionId}>
          {t('rounds.description')} <span className="muted">({t('common.optional')})</span>
        </label>
        <textarea
          id={descriptionId}
          rows={3}
          maxLength={5000}
          value={value.description}
          onChange={(event) => set({ description: event.target.value })}
        />
      </div>
      <fieldset className="deadline-field">
        <legend>{t('rounds.deadline')}</legend>
        <div className="deadline-field__row">
          <div className="field">
            <label htmlFor={dateId}>{t('rounds.deadlineDate')}</label>
            <input
              id={dateId}
              type="date"
              value={value.date}
              data-testid={`${testIdPrefix}-deadline-date`}
              onChange={(event) => set({ date: event.target.value })}
              {...fieldErrorProps(errors.deadline, dateId)}
            />
          </div>
          <div className="field">
            <label htmlFor={timeId}>{t('rounds.deadlineTime')}</label>
            <input
              id={timeId}
              type="time"
              value={value.time}
              data-testid={`${testIdPrefix}-deadline-time`}
              onChange={(event) => set({ time: event.target.value })}
            />
          </div>
        </div>
        {fieldErrorLine(errors.deadline, dateId)}
      </fieldset>
    </>
  );
}
