import { useEffect, type ReactNode } from 'react';
import type { CurrentUser } from '../account/accountApi';
import { AppHeader } from '../../app/AppHeader';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Main } from '../../app/Main';
import { useT } from '../../i18n/I18nProvider';
import { loginPath, navigate, useCurrentPath } from '../../app/router';
import { useCurrentUser } from './CurrentUserProvider';

/**
 * Renders `children(user)` for a signed-in user. Signed out (GET /api/me said 401, or any later
 * call did): goes to `/inloggen?next=<this page>`, replacing this entry so Back does not bounce.
 */
export function RequireUser({ children }: { children: (user: CurrentUser) => ReactNode }) {
  const t = useT();
  const { state, reload } = useCurrentUser();
  const currentPath = useCurrentPath();

  useEffect(() => {
    if (state.status === 'signedOut') navigate(loginPath(currentPath), { replace: true });
  }, [state.status, currentPath]);

  if (state.status === 'signedIn') return children(state.user);
  return (
    <>
      <AppHeader />
      <Main className="page page--narrow">
        {state.status === 'error' ? (
          <div className="notice">
            <h1>{t('error.title')}</h1>
            <ErrorMessage error={state.error} />
            <p>
              <button type="button" className="button" onClick={reload}>
                {t('common.retry')}
              </button>
            </p>
          </div>
        ) : (
          <p className="muted" data-testid="page-loading">
            {t('app.loading')}
          </p>
        )}
      </Main>
    </>
  );
}
