import type { SignupInvite } from '../../../shared/schemas/auth';
import { matchRoute } from '../../app/router';

/**
 * The invitation a sign-up comes from, read from its `next` page (a team invite or a feedback
 * link): it lets the person sign up whatever the sign-up policy says.
 */
export function inviteOfNext(next: string): SignupInvite | undefined {
  const route = matchRoute(next.split(/[?#]/)[0] ?? '');
  if (route.name === 'invite') return { kind: 'team', token: route.token };
  if (route.name === 'roundLink') return { kind: 'round', token: route.token };
  return undefined;
}
