import { useCurrentUser } from './CurrentUserProvider';
import { AuthForm, useAuthForm } from './AuthForm';
import { PageShell } from '../../app/PageShell';
import { TextField } from '../../ui/TextField';
import { login } from '../account/accountApi';
import { useT } from '../../i18n/I18nProvider';
import { FORGOT_PASSWORD_PATH, signupPath, useSearchParam } from '../../app/router';
import { Link } from '../../app/Link';
import { useNextAfterSignIn } from './useRedirectWhenSignedIn';

// zod comes with the schema, on the form's first focus: the page itself paints without it.
const loadSchema = () => import('../../../shared/schemas/auth').then((module) => module.loginBody);

/** `/inloggen`: e-mail and password; the server's 401 and 429 messages are shown as they are. */
export function LoginScene() {
  const t = useT();
  const next = useNextAfterSignIn();
  const accountDeleted = useSearchParam('verwijderd') === '1';
  const { setUser } = useCurrentUser();
  // The server's 401 (wrong e-mail or password) and 429 (too many attempts) name no field: they
  // show for the whole form.
  const form = useAuthForm({
    initial: { email: '', password: '' },
    schema: loadSchema,
    submit: async (body) => setUser(await login(body)),
    // zod's own "too short" for an empty password reads oddly here; ask for it plainly.
    adjustInvalid: (errors) =>
      errors.password ? { ...errors, password: t('login.passwordMissing') } : errors,
  });

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
      <AuthForm
        form={form}
        testId="login-form"
        submitLabel={t('login.submit')}
        submittingLabel={t('login.submitting')}
        switchTo={{ text: t('login.noAccount'), to: signupPath(next), label: t('login.toSignup') }}
      >
        <TextField
          label={t('login.email')}
          type="email"
          autoComplete="username"
          required
          {...form.field('email')}
        />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
      </AuthForm>
      <p>
        <Link to={FORGOT_PASSWORD_PATH}>{t('forgot.link')}</Link>
      </p>
    </PageShell>
  );
}
