import { useState } from 'react';
import { useCurrentUser } from '../features/auth/CurrentUserProvider';
import { toApiError, type ApiError } from '../api/request';
import { useT } from '../i18n/I18nProvider';
import { Link } from './Link';
import { loginPath, navigate, signupPath } from './router';
import { ErrorMessage } from '../ui/ErrorMessage';

/**
 * The end of an invitation page (team invite, feedback-round link): signed in, a button that
 * accepts and navigates to the path `accept` resolves with; not signed in, sign up or log in and
 * come back to `here` afterwards.
 */
export function LinkAcceptance({
  here,
  accept,
  acceptLabel,
  needAccount,
  testIds,
}: {
  here: string;
  accept: () => Promise<string>;
  acceptLabel: string;
  needAccount: string;
  testIds: { signIn: string; accept: string; signup?: string; login?: string };
}) {
  const t = useT();
  const { state } = useCurrentUser();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (state.status === 'loading') return null;
  if (state.status !== 'signedIn') {
    return (
      <div className="notice" data-testid={testIds.signIn}>
        <p>{needAccount}</p>
        <p className="button-row">
          <Link to={signupPath(here)} className="button button--primary" data-testid={testIds.signup}>
            {t('invite.signup')}
          </Link>
          <Link to={loginPath(here)} className="button" data-testid={testIds.login}>
            {t('invite.login')}
          </Link>
        </p>
      </div>
    );
  }
  const onAccept = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      navigate(await accept());
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <p>{t('invite.signedInAs', { name: state.user.name })}</p>
      <p>
        <button
          type="button"
          className="button button--primary"
          onClick={onAccept}
          aria-disabled={busy ? true : undefined}
          data-testid={testIds.accept}
        >
          {acceptLabel}
        </button>
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
