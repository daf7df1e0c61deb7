import { PASSWORD_MIN } from '../../../shared/domain/passwords';
import { useCurrentUser } from './CurrentUserProvider';
import { AuthForm, useAuthForm } from './AuthForm';
import { PageShell } from '../../app/PageShell';
import { TextField } from '../../ui/TextField';
import { signup } from '../account/accountApi';
import { useT } from '../../i18n/I18nProvider';
import { loginPath } from '../../app/router';
import { useNextAfterSignIn } from './useRedirectWhenSignedIn';

// zod comes with the schema, on the form's first focus: the page itself paints without it.
const loadSchema = () => import('../../../shared/schemas/auth').then((module) => module.signupBody);

/** `/aanmelden`: create an account (name, e-mail, password of at least 10 characters). */
export function SignupScene() {
  const t = useT();
  const next = useNextAfterSignIn();
  const { setUser } = useCurrentUser();
  const form = useAuthForm({
    initial: { name: '', email: '', password: '' },
    schema: loadSchema,
    submit: async (body) => setUser(await signup(body)),
    codeField: { code: 'email_taken', field: 'email' },
  });

  return (
    <PageShell title={t('signup.pageTitle')} narrow>
      <h1>{t('signup.heading')}</h1>
      <p className="lead">{t('signup.intro')}</p>
      <AuthForm
        form={form}
        testId="signup-form"
        submitLabel={t('signup.submit')}
        submittingLabel={t('signup.submitting')}
        switchTo={{ text: t('signup.haveAccount'), to: loginPath(next), label: t('signup.toLogin') }}
      >
        <TextField
          label={t('signup.name')}
          type="text"
          autoComplete="name"
          maxLength={100}
          required
          {...form.field('name')}
        />
        <TextField
          label={t('signup.email')}
          type="email"
          autoComplete="email"
          required
          {...form.field('email')}
        />
        <TextField
          label={t('signup.password')}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          hint={t('signup.passwordRule', { min: PASSWORD_MIN })}
          {...form.field('password')}
        />
      </AuthForm>
    </PageShell>
  );
}
