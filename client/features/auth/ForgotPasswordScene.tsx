import { useEffect, useRef, useState } from 'react';
import { PageShell } from '../../app/PageShell';
import { Link } from '../../app/Link';
import { loginPath } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import { TextField } from '../../ui/TextField';
import { AuthForm, useAuthForm } from './AuthForm';
import { requestPasswordReset } from './authApi';
import { useMailEnabled } from './useMailEnabled';

const loadSchema = () =>
  import('../../../shared/schemas/auth').then((module) => module.passwordResetRequestBody);

/**
 * `/wachtwoord-vergeten`: mails a reset link to the address given. The answer is the same whether
 * the address has an account or not; without mail on the server the page says whom to ask instead.
 */
export function ForgotPasswordScene() {
  const t = useT();
  const mail = useMailEnabled();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const form = useAuthForm({
    initial: { email: '' },
    schema: loadSchema,
    submit: async (body) => {
      await requestPasswordReset(body);
      setSentTo(body.email);
    },
  });

  // The form is gone: focus goes to the outcome, so a screen reader reads it.
  useEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);

  const toLogin = (
    <p>
      <Link to={loginPath()}>{t('forgot.toLogin')}</Link>
    </p>
  );
  return (
    <PageShell title={t('forgot.pageTitle')} narrow>
      <h1>{t('forgot.heading')}</h1>
      {mail === false ? (
        <>
          <p className="notice notice--info" data-testid="forgot-no-mail">
            {t('forgot.noMail')}
          </p>
          {toLogin}
        </>
      ) : sentTo ? (
        <>
          <p
            className="notice notice--info"
            role="status"
            tabIndex={-1}
            ref={sentRef}
            data-testid="forgot-sent"
          >
            {t('forgot.sent', { email: sentTo })}
          </p>
          {toLogin}
        </>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <AuthForm
            form={form}
            testId="forgot-form"
            submitLabel={t('forgot.submit')}
            submittingLabel={t('forgot.submitting')}
            switchTo={{ text: t('forgot.remembered'), to: loginPath(), label: t('forgot.toLogin') }}
          >
            <TextField
              label={t('forgot.email')}
              type="email"
              autoComplete="username"
              required
              {...form.field('email')}
            />
          </AuthForm>
        </>
      )}
    </PageShell>
  );
}
