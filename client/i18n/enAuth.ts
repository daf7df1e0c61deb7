import type { nlAuth } from './nlAuth';

/** English messages of the sign-up policy and the password-reset page (keys of `nlAuth.ts`). */
export const enAuth: Record<keyof typeof nlAuth, string> = {
  'signup.closedHeading': 'Sign-up is closed',
  'signup.closed':
    'You cannot create an account yourself on this Werkplaats. Ask the administrator for an account, or open the invitation link your team sent you.',
  'signup.domainsOnly': 'You can only sign up here with an e-mail address of {domains}.',
  'signup.viaInvite': 'You are creating an account through your invitation. Accept the invitation next.',

  'reset.pageTitle': 'New password',
  'reset.heading': 'Choose a new password',
  'reset.intro':
    'Saving it logs you out everywhere. Then log in with your new password. This link works once, for one hour.',
  'reset.password': 'New password',
  'reset.submit': 'Save password',
  'reset.submitting': 'Saving…',
  'reset.done': 'Your password has been changed. You can now log in with your new password.',
  'reset.toLogin': 'Go to login',
  'reset.remembered': 'Remember your password?',
};
