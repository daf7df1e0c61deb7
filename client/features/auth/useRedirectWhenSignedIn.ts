import { useEffect } from 'react';
import { useCurrentUser } from './CurrentUserProvider';
import { navigate, safeNextPath, useSearchParam } from '../../app/router';

/**
 * The `next` page of a login/sign-up URL (checked: same site only), and a redirect there as soon
 * as someone is signed in — after submitting the form, or when a signed-in user opens the page.
 */
export function useNextAfterSignIn(): string {
  const next = safeNextPath(useSearchParam('next'));
  const { state } = useCurrentUser();
  useEffect(() => {
    // Replace: Back from the page they came for should not land on the form again.
    if (state.status === 'signedIn') navigate(next, { replace: true });
  }, [state.status, next]);
  return next;
}
