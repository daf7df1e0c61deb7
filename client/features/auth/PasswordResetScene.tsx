import { useEffect, useRef, useState } from 'react';
import { passwordResetBody } from '../../../shared/schemas/auth';
import { PageShell } from '../../app/PageShell';
import { Link } from '../../app/Link';
import { loginPath } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import { NewPasswordField } from './NewPasswordField';
import { AuthForm, useAuthForm } from './AuthForm';
import { resetPassword } from './authApi';
import { useCurrentUser } from './CurrentUserProvider';

/**
 * `/wachtwoord-herstellen/:token`: the page a reset link opens (the admin command's, later a mail's).
 * A used or expired link shows the server's 410 message for the whole form.
 */
export function PasswordResetScene({ token }: { token: string }) {
  const t = useT();
  const { setSignedOut } = useCurrentUser();
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const form = useAuthForm({
    initial: { password: '' },
    schema: async () => passwordResetBody,
    submit: async (body) => {
      await resetPassword(token, body);
      // Every session of the account ended, this browser's too.
      setSignedOut();
      setDone(true);
    },
  });

  // The form is gone: focus goes to the outcome, so a screen reader reads it and Tab goes on from it.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  return (
    <PageShell title={t('reset.pageTitle')} narrow>
      <h1>{t('reset.heading')}</h1>
      {done ? (
        <>
          <p
            className="notice notice--info"
            role="status"
            tabIndex={-1}
            ref={doneRef}
            data-testid="reset-done"
          >
            {t('reset.done')}
          </p>
          <p>
            <Link to={loginPath()} className="button button--primary">
              {t('reset.toLogin')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <AuthForm
            form={form}
            testId="reset-form"
            submitLabel={t('reset.submit')}
            submittingLabel={t('reset.submitting')}
            switchTo={{ text: t('reset.remembered'), to: loginPath(), label: t('reset.toLogin') }}
          >
            <NewPasswordField label={t('reset.password')} required {...form.field('password')} />
          </AuthForm>
        </>
      )}
    </PageShell>
  );
}
