/** Who may create an account (SIGNUP): everyone, nobody, or addresses of SIGNUP_DOMAINS. */
export const SIGNUP_MODES = ['open', 'closed', 'domains'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/** GET /api/auth/config: what the sign-up form needs to know before it is shown. */
export interface AuthConfig {
  signup: SignupMode;
  /** With `domains`: the allowed entries, as configured (`school.nl`, `*.school.nl`). */
  domains?: string[];
}

/**
 * Whether an e-mail address belongs to one of `domains`, case-insensitively. `school.nl` admits
 * exactly `…@school.nl`; `*.school.nl` admits its subdomains (`…@mail.school.nl`), not school.nl
 * itself — an operator opts in to subdomains, since one may belong to someone else (students).
 */
export function emailInDomains(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return domains.some((entry) => {
    const allowed = entry.toLowerCase();
    return allowed.startsWith('*.') ? domain.endsWith(allowed.slice(1)) : domain === allowed;
  });
}

/** Whether the policy lets `email` sign up without an invitation. */
export function signupOpenTo(config: AuthConfig, email: string): boolean {
  if (config.signup === 'open') return true;
  if (config.signup === 'closed') return false;
  return emailInDomains(email, config.domains ?? []);
}
