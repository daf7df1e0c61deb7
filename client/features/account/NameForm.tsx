import { useId, useRef, useState, type FormEvent } from 'react';
import { updateMeBody } from '../../../shared/schemas/auth';
import { useCurrentUser } from '../auth/CurrentUserProvider';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { serverFieldErrors, showErrorsAndFocus, zodFieldErrors } from '../../ui/fieldErrors';
import { updateMe, type CurrentUser } from './accountApi';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';

/** Change the display name others see (presence, member lists, audit trail). */
export function NameForm({ user }: { user: CurrentUser }) {
  const t = useT();
  const headingId = useId();
  const { setUser } = useCurrentUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(user.name);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    const parsed = updateMeBody.safeParse({ name });
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () =>
        setFieldError(zodFieldErrors(parsed.error.issues, ['name']).name),
      );
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setFormError(null);
    try {
      setUser(await updateMe(parsed.data));
      setSaved(true);
      setBusy(false);
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(formRef.current, () => {
        setBusy(false);
        const split = serverFieldErrors(error, ['name'] as const);
        setFieldError(split.fieldErrors.name);
        setFormError(split.rest ? error : null);
      });
    }
  };

  return (
    <section className="card page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.nameHeading')}</h2>
      <form ref={formRef} className="form-stack" onSubmit={onSubmit} noValidate data-testid="name-form">
        <TextField
          label={t('account.name')}
          hint={t('account.nameHint')}
          type="text"
          autoComplete="name"
          maxLength={100}
          value={name}
          onChange={setName}
          error={fieldError}
        />
        {formError ? <ErrorMessage error={formError} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
            {t('account.saveName')}
          </button>
        </div>
        <p role="status" className="status-line">
          {saved ? t('account.nameSaved') : ''}
        </p>
      </form>
    </section>
  );
}
