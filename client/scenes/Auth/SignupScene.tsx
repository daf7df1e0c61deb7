import { useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MIN, signupBody } from '../../../shared/schemas/auth';
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
import { signup } from '../../http/account';
import { toApiError, type ApiError } from '../../http/request';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { loginPath } from '../../routing/router';
import { useNextAfterSignIn } from './useRedirectWhenSignedIn';

const FIELDS = ['name', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** `/aanmelden`: create an account (name, e-mail, password of at least 10 characters). */
export function SignupScene() {
  const t = useT();
  const next = useNextAfterSignIn();
  const { setUser } = useCurrentUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = signupBody.safeParse(values);
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () => {
        setFieldErrors(zodFieldErrors(parsed.error.issues, FIELDS));
        setFormError(null);
      });
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      setUser(await signup(parsed.data));
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(formRef.current, () => {
        setBusy(false);
        if (error.code === 'email_taken') {
          setFieldErrors({ email: error.message });
          return;
        }
        const split = serverFieldErrors(error, FIELDS);
        setFieldErrors(split.fieldErrors);
        setFormError(split.rest ? error : null);
      });
    }
  };

  return (
    <PageShell title={t('signup.pageTitle')} narrow>
      <h1>{t('signup.heading')}</h1>
      <p className="lead">{t('signup.intro')}</p>
      <form
        ref={formRef}
        className="card form-stack"
        onSubmit={onSubmit}
        noValidate
        data-testid="signup-form"
      >
        <TextField
          label={t('signup.name')}
          name="name"
          type="text"
          autoComplete="name"
          maxLength={100}
          required
          value={values.name}
          onChange={set('name')}
          error={fieldErrors.name}
        />
        <TextField
          label={t('signup.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={values.email}
          onChange={set('email')}
          error={fieldErrors.email}
        />
        <TextField
          label={t('signup.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          hint={t('signup.passwordRule', { min: PASSWORD_MIN })}
          value={values.password}
          onChange={set('password')}
          error={fieldErrors.password}
        />
        {formError ? <ErrorMessage error={formError} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
            {busy ? t('signup.submitting') : t('signup.submit')}
          </button>
        </div>
      </form>
      <p className="form-switch">
        {t('signup.haveAccount')} <Link to={loginPath(next)}>{t('signup.toLogin')}</Link>
      </p>
    </PageShell>
  );
}
