import { useEffect, useId, useState, type FormEvent } from 'react';
import { EMAIL_NOTIFICATION_CHOICES, type EmailNotifications } from '../../../shared/domain/mail';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RadioOptions } from '../../ui/RadioOptions';
import { useMailEnabled } from '../auth/useMailEnabled';
import { getMeWithSettings, updateMe } from './accountApi';

/** "Meldingen per e-mail": immediately, a daily digest (the default) or off. */
export function EmailNotificationsForm() {
  const t = useT();
  const headingId = useId();
  const mail = useMailEnabled();
  const [choice, setChoice] = useState<EmailNotifications | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getMeWithSettings().then(
      (me) => setChoice(me.emailNotifications),
      (caught: unknown) => setError(toApiError(caught)),
    );
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !choice) return;
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      setChoice((await updateMe({ emailNotifications: choice })).emailNotifications);
      setSaved(true);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card page-section" aria-labelledby={headingId} data-testid="mail-preferences">
      <h2 id={headingId}>{t('mailPrefs.heading')}</h2>
      {mail === false ? (
        <p>{t('mailPrefs.mailOff')}</p>
      ) : (
        <form className="form-stack" onSubmit={onSubmit} noValidate>
          <fieldset className="radio-group">
            <legend>{t('mailPrefs.legend')}</legend>
            <RadioOptions
              name="emailNotifications"
              options={EMAIL_NOTIFICATION_CHOICES}
              value={choice}
              onChange={(option) => {
                setChoice(option);
                setSaved(false);
              }}
              labelOf={(option) => t(`mailPrefs.${option}`)}
              disabled={choice === undefined}
            />
          </fieldset>
          <p className="field__hint">{t('mailPrefs.hint')}</p>
          {error ? <ErrorMessage error={error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
              {t('mailPrefs.save')}
            </button>
          </div>
          <p role="status" className="status-line">
            {saved ? t('mailPrefs.saved') : ''}
          </p>
        </form>
      )}
    </section>
  );
}
