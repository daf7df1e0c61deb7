import { useId, useRef, useState, type FormEvent } from 'react';
import { changePasswordBody } from '../../../shared/schemas/auth';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { NewPasswordField } from '../auth/NewPasswordField';
import {
  serverFieldErrors,
  showErrorsAndFocus,
  zodFieldErrors,
  type FieldErrors,
} from '../../ui/fieldErrors';
import { changePassword } from './accountApi';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';
import { useApiErrorText } from '../../i18n/serverErrors';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = (typeof FIELDS)[number];

/** Change the password; the server ends every other session, and the user is told so. */
export function PasswordForm() {
  const t = useT();
  const errorText = useApiErrorText();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    const parsed = changePasswordBody.safeParse(values);
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () => {
        const errors = zodFieldErrors(parsed.error.issues, FIELDS);
        if (errors.currentPassword) errors.currentPassword = t('account.currentPasswordMissing');
        setFieldErrors(errors);
      });
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await changePassword(parsed.data);
      setValues({ currentPassword: '', newPassword: '' });
      setDone(true);
      setBusy(false);
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(formRef.current, () => {
        setBusy(false);
        if (error.code === 'wrong_password') {
          setFieldErrors({ currentPassword: errorText(error) });
          return;
        }
        const split = serverFieldErrors(error, FIELDS);
        setFieldErrors(split.fieldErrors);
        setFormError(split.rest ? error : null);
      });
    }
  };

  return (
    <section className="card page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.passwordHeading')}</h2>
      <form ref={formRef} className="form-stack" onSubmit={onSubmit} noValidate data-testid="password-form">
        <TextField
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={fieldErrors.currentPassword}
        />
        <NewPasswordField
          label={t('account.newPassword')}
          value={values.newPassword}
          onChange={set('newPassword')}
          error={fieldErrors.newPassword}
        />
        {formError ? <ErrorMessage error={formError} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
            {t('account.changePassword')}
          </button>
        </div>
        <p role="status" className="status-line" data-testid="password-status">
          {done ? t('account.passwordChanged') : ''}
        </p>
      </form>
    </section>
  );
}
