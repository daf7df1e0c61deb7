import { useRef, useState, type FormEvent } from 'react';
import { loginBody } from '../../../shared/schemas/auth';
import { useCurrentUser } from '../../auth/CurrentUserProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageShell } from '../../components/PageShell';
import { TextField } from '../../components/TextField';
import {
  serverFieldErrors,
  showErrorsAndFocus,
  zodFieldErrors,
  type FieldErrors,
} from '../../forms/fieldErrors';
import { login } from '../../http/account';
import { toApiError, type ApiError } from '../../http/request';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { signupPath, useSearchParam } from '../../routing/router';
import { useNextAfterSignIn } from './useRedirectWhenSignedIn';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** `/inloggen`: e-mail and password; the server's 401 and 429 messages are shown as they are. */
export function LoginScene() {
  const t = useT();
  const next = useNextAfterSignIn();
  const accountDeleted = useSearchParam('verwijderd') === '1';
  const { setUser } = useCurrentUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = loginBody.safeParse(values);
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () => {
        const errors = zodFieldErrors(parsed.error.issues, FIELDS);
        // zod's own "too short" for an empty password reads oddly here; ask for it plainly.
        if (errors.password) errors.password = t('login.passwordMissing');
        setFieldErrors(errors);
        setFormError(null);
      });
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      setUser(await login(parsed.data));
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(formRef.current, () => {
        setBusy(false);
        const split = serverFieldErrors(error, FIELDS);
        setFieldErrors(split.fieldErrors);
        // 401 (wrong e-mail or password) and 429 (too many attempts) concern the whole form.
        setFormError(split.rest ? error : null);
      });
    }
  };

  return (
    <PageShell title={t('login.pageTitle')} narrow>
      <h1>{t('login.heading')}</h1>
      {accountDeleted ? (
        <p className="notice notice--info" role="status">
          {t('login.accountDeleted')}
        </p>
      ) : next !== '/' ? (
        <p className="lead">{t('login.needed')}</p>
      ) : null}
      <form ref={formRef} className="card form-stack" onSubmit={onSubmit} noValidate data-testid="login-form">
        <TextField
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={values.email}
          onChange={set('email')}
          error={fieldErrors.email}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={set('password')}
          error={fieldErrors.password}
        />
        {formError ? <ErrorMessage error={formError} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
      <p className="form-switch">
        {t('login.noAccount')} <Link to={signupPath(next)}>{t('login.toSignup')}</Link>
      </p>
    </PageShell>
  );
}
