import type { Limiters } from './limiters';
import { addressKey } from './limiters';

/** The outcome of a rate-limited password check. */
export type PasswordAttempt = 'ok' | 'wrong' | 'limited';

/**
 * Checks a password under the login limits — at login and wherever a signed-in user confirms their
 * current password, so those routes are no way around them. The attempt is counted (atomically, per
 * account at this address and per address) before `check` runs: parallel guesses each take a slot,
 * so no burst gets more tries than the limit. A right password takes its attempt back; a refused
 * one costs nothing and runs no `check` (no argon2 for a client that is over its limit).
 */
export async function passwordAttempt(
  limiters: Limiters,
  who: { account: string; address: string },
  check: () => Promise<boolean>,
): Promise<PasswordAttempt> {
  const { passwordByAccountAddress: byAccount, passwordByAddress: byAddress } = limiters;
  const address = addressKey(who.address);
  // A newline cannot occur in a validated e-mail address, so no two pairs share a key.
  const accountKey = `${who.account}\n${address}`;
  const [accountOk, addressOk] = await Promise.all([
    byAccount.attempt(accountKey),
    byAddress.attempt(address),
  ]);
  if (!accountOk || !addressOk) {
    await Promise.all([
      accountOk ? byAccount.refund(accountKey) : undefined,
      addressOk ? byAddress.refund(address) : undefined,
    ]);
    return 'limited';
  }
  if (!(await check())) return 'wrong';
  // The account's count at this address starts over; the address's only loses this attempt, or
  // logging in to an own account in between would wipe a spray of guesses at others.
  await Promise.all([byAccount.reset(accountKey), byAddress.refund(address)]);
  return 'ok';
}
