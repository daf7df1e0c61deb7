import { useCurrentUser } from './CurrentUserProvider';
import { AuthForm, useAuthForm } from './AuthForm';
import { PageShell } from '../../app/PageShell';
import { Link } from '../../app/Link';
import { TextField } from '../../ui/TextField';
import { NewPasswordField } from './NewPasswordField';
import { signup } from '../account/accountApi';
import { useT } from '../../i18n/I18nProvider';
import { loginPath } from '../../app/router';
import { useLoadable } from '../../api/useLoadable';
import { useNextAfterSignIn } from './useRedirectWhenSignedIn';
import { getAuthConfig } from './authApi';
import { inviteOfNext } from './signupInvite';

const loadConfig = () => getAuthConfig();

// zod comes with the schema, on the form's first focus: the page itself paints without it.
const loadSchema = () => import('../../../shared/schemas/auth').then((module) => module.signupBody);

/**
 * `/aanmelden`: create an account (name, e-mail, password of at least 10 characters) — shown only
 * when the sign-up policy lets it succeed: always through an invitation (`next` is its page),
 * otherwise per SIGNUP (closed: an explanation instead; domains: which addresses may).
 */
export function SignupScene() {
  const t = useT();
  const next = useNextAfterSignIn();
  const invite = inviteOfNext(next);
  const config = useLoadable('', loadConfig).state;
  const { setUser } = useCurrentUser();
  const form = useAuthForm({
    initial: { name: '', email: '', password: '' },
    schema: loadSchema,
    submit: async (body) => setUser(await signup({ ...body, ...(invite ? { invite } : {}) })),
    codeField: { code: 'email_taken', field: 'email' },
  });
  // Unknown (still loading, or the check failed): the form is shown and the server decides.
  const policy = config.status === 'ready' ? config.data : undefined;
  if (config.status === 'loading')
    return (
      <PageShell title={t('signup.pageTitle')} narrow>
        {null}
      </PageShell>
    );

  if (policy?.signup === 'closed' && !invite) {
    return (
      <PageShell title={t('signup.pageTitle')} narrow>
        <h1>{t('signup.closedHeading')}</h1>
        <p className="notice notice--info" data-testid="signup-closed">
          {t('signup.closed')}
        </p>
        <p className="form-switch">
          {t('signup.haveAccount')} <Link to={loginPath(next)}>{t('signup.toLogin')}</Link>
        </p>
      </PageShell>
    );
  }

  return (
    <PageShell title={t('signup.pageTitle')} narrow>
      <h1>{t('signup.heading')}</h1>
      <p className="lead">{t('signup.intro')}</p>
      {invite && policy && policy.signup !== 'open' ? (
        <p className="notice notice--info">{t('signup.viaInvite')}</p>
      ) : policy?.signup === 'domains' ? (
        <p className="notice notice--info" data-testid="signup-domains">
          {t('signup.domainsOnly', { domains: (policy.domains ?? []).join(', ') })}
        </p>
      ) : null}
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
        <NewPasswordField label={t('signup.password')} required {...form.field('password')} />
      </AuthForm>
    </PageShell>
  );
}
