import { signupOpenTo, type AuthConfig } from '../../shared/domain/signupPolicy';
import type { SignupInvite } from '../../shared/schemas/auth';
import { hashSecret } from '../auth/tokens';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/apiError';
import { roundLinkOpen } from './rounds/links';
import { inviteProblem } from './teams';

/** The sign-up policy as GET /api/auth/config tells the client. */
export function authConfig(env: AppDeps['env']): AuthConfig {
  return env.SIGNUP === 'domains'
    ? { signup: 'domains', domains: env.SIGNUP_DOMAINS }
    : { signup: env.SIGNUP };
}

/** Whether the invitation the sign-up came through still lets someone in. */
async function invitationOpen(deps: Pick<AppDeps, 'stores'>, invite: SignupInvite): Promise<boolean> {
  if (invite.kind === 'round') return await roundLinkOpen(deps, invite.token);
  const found = await deps.stores.invites.byTokenHash(hashSecret(invite.token));
  return found !== undefined && inviteProblem(found) === null;
}

/**
 * 403 unless SIGNUP lets `email` create an account, or the sign-up comes through a usable team
 * invite or feedback link (checked, not used: accepting it stays the next step).
 */
export async function assertSignupAllowed(
  deps: Pick<AppDeps, 'env' | 'stores'>,
  email: string,
  invite: SignupInvite | undefined,
): Promise<void> {
  const config = authConfig(deps.env);
  if (signupOpenTo(config, email)) return;
  if (invite && (await invitationOpen(deps, invite))) return;
  throw new ApiError(
    403,
    'signup_closed',
    config.signup === 'domains'
      ? `Je kunt hier alleen een account aanmaken met een e-mailadres van ${(config.domains ?? []).join(', ')}. Heb je een uitnodigingslink? Open die dan eerst.`
      : 'Zelf een account aanmaken kan hier niet. Vraag de beheerder om een account, of open de uitnodigingslink die je kreeg.',
  );
}
