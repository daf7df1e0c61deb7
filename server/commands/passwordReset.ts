import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import { generateSecureRandomString, hashSecret } from '../auth/tokens';
import { ApiError } from '../http/apiError';
import type { AppDeps } from '../deps';
import { passwordResetMail } from '../mail/messages';
import { renderMail } from '../mail/template';
import { endAllSessions, type AccountDeps } from './accountDeps';

/** How long a reset link works. */
export const PASSWORD_RESET_VALID_MS = 60 * 60 * 1000;

const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/** The app's page for a reset link; the token follows. */
export const PASSWORD_RESET_PATH = '/wachtwoord-herstellen/';

const gone = () =>
  new ApiError(
    410,
    'reset_link_gone',
    'Deze herstellink is verlopen of al gebruikt. Vraag een nieuwe aan via "Wachtwoord vergeten?" of bij de beheerder.',
  );

/**
 * Makes a single-use reset token for the user, valid for an hour: 256 random bits, of which only
 * the SHA-256 is stored. The token is returned once, to be put in a link (admin command, mail).
 */
export async function issuePasswordReset(
  deps: AccountDeps,
  userId: string,
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const token = generateSecureRandomString(32);
  const expiresAt = now + PASSWORD_RESET_VALID_MS;
  // Tokens are kept a day past their hour (what happened stays visible), then go with the next issue.
  await deps.stores.passwordResets.deleteExpired(now - KEEP_EXPIRED_MS);
  await deps.stores.passwordResets.insert(
    { id: randomUUID(), userId, tokenHash: hashSecret(token), expiresAt },
    now,
  );
  return { token, expiresAt };
}

/**
 * Sets a new password through a reset token: 410 when it is unknown, used or expired. Uses up every
 * open token of the user and ends all their sessions; returns the ended session ids.
 */
export async function redeemPasswordReset(
  deps: AccountDeps,
  token: string,
  password: string,
): Promise<string[]> {
  const tokenHash = hashSecret(token);
  // Checked before argon2 runs, so a made-up token costs the server one lookup, not a hash.
  if (!(await deps.stores.passwordResets.usableUser(tokenHash))) throw gone();
  const passwordHash = await hashPassword(password);
  return await deps.transaction(async (tx) => {
    // The claim, not the check above, decides: of two redemptions at once, one gets 410.
    const userId = await tx.stores.passwordResets.claim(tokenHash);
    if (!userId || !(await tx.stores.users.get(userId))) throw gone();
    await tx.stores.users.setPasswordHash(userId, passwordHash);
    await tx.stores.passwordResets.useAllOf(userId);
    const ended = await endAllSessions(tx, userId, 'wachtwoord hersteld');
    await tx.stores.audit.record('auth.password_reset', {
      actorId: userId,
      details: { endedSessions: ended.length },
    });
    return ended;
  });
}

/**
 * Mails a reset link to the account of `email` when there is one (active, not disabled), at most
 * RESET_MAILS_PER_EMAIL_PER_HOUR times an hour per address. Says nothing either way: the caller
 * answers the same for every address, before this runs.
 */
export async function mailPasswordReset(
  deps: Pick<AppDeps, 'stores' | 'transaction' | 'limiters' | 'mail'>,
  email: string,
  origin: string,
): Promise<void> {
  if (!deps.mail.enabled) return;
  // Counted for unknown addresses too, so the limit does not tell them apart.
  if (!(await deps.limiters.resetMailsByEmail.attempt(email))) return;
  const account = await deps.stores.users.getWithHashByEmail(email);
  if (!account || account.disabled) return;
  await deps.transaction(async (tx) => {
    const { token, expiresAt } = await issuePasswordReset(tx, account.user.id);
    const url = `${origin}${PASSWORD_RESET_PATH}${token}`;
    await tx.stores.mailOutbox.enqueue({
      kind: 'password_reset',
      to: account.user.email,
      ...renderMail(passwordResetMail({ name: account.user.name, url })),
      expiresAt,
    });
  });
  deps.mail.kick();
}
