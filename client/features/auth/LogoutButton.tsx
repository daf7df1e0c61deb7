import { flushSync } from 'react-dom';
import { useState } from 'react';
import { logout } from '../account/accountApi';
import { toApiError, type ApiError } from '../../api/request';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../app/router';
import { useCurrentUser } from './CurrentUserProvider';

/** "Uitloggen": ends the session on the server, then goes to the login page. */
export function LogoutButton() {
  const t = useT();
  const { setSignedOut } = useCurrentUser();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await logout();
    } catch (caught) {
      const apiError = toApiError(caught);
      // Not reaching the server leaves the session alive: say so rather than pretend.
      if (apiError.status === 0) {
        setError(apiError);
        setBusy(false);
        return;
      }
    }
    // One render for both: a page that needs a user must not see "signed out" first (it would
    // send us to /inloggen?next=…), and the login page must not see "signed in" (it would leave).
    flushSync(() => {
      setSignedOut();
      navigate('/inloggen');
    });
  };

  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={onClick}
        aria-disabled={busy ? true : undefined}
        data-testid="logout"
      >
        {t('header.logout')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}
