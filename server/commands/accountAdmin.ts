import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import { isUniqueViolation } from '../db/portable';
import { endAllSessions, type AccountDeps } from './accountDeps';

// What an operator does to accounts (`npm run admin`), audited without an acting user.

/** Creates an account as sign-up does (same hash), without a session; 'exists' when the e-mail is taken. */
export async function createAccount(
  deps: AccountDeps,
  account: { email: string; name: string; password: string },
): Promise<{ id: string } | 'exists'> {
  const passwordHash = await hashPassword(account.password);
  const id = randomUUID();
  try {
    await deps.transaction(async (tx) => {
      await tx.stores.users.insert({ id, email: account.email, name: account.name, passwordHash });
      await tx.stores.audit.record('admin.user_created', { details: { userId: id } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'exists';
    throw error;
  }
  return { id };
}

/** Sets a password directly; open reset links stop working and every session ends (returned). */
export async function setPassword(deps: AccountDeps, userId: string, password: string): Promise<string[]> {
  const passwordHash = await hashPassword(password);
  return await deps.transaction(async (tx) => {
    await tx.stores.users.setPasswordHash(userId, passwordHash);
    await tx.stores.passwordResets.useAllOf(userId);
    const ended = await endAllSessions(tx, userId, 'wachtwoord hersteld');
    await tx.stores.audit.record('admin.password_set', { details: { userId, endedSessions: ended.length } });
    return ended;
  });
}

/** Disables an account: it cannot log in again, and every session ends (returned). */
export async function disableAccount(deps: AccountDeps, userId: string): Promise<string[]> {
  return await deps.transaction(async (tx) => {
    await tx.stores.users.setDisabled(userId, Date.now());
    const ended = await endAllSessions(tx, userId, 'account uitgeschakeld');
    await tx.stores.audit.record('admin.user_disabled', { details: { userId, endedSessions: ended.length } });
    return ended;
  });
}

/** Lets a disabled account log in again. */
export async function enableAccount(deps: AccountDeps, userId: string): Promise<void> {
  await deps.transaction(async (tx) => {
    await tx.stores.users.setDisabled(userId, null);
    await tx.stores.audit.record('admin.user_enabled', { details: { userId } });
  });
}

/** Marks a platform admin (shown by list-users; nothing grants rights by it yet). */
export async function makeAdmin(deps: AccountDeps, userId: string): Promise<void> {
  await deps.transaction(async (tx) => {
    await tx.stores.users.makeAdmin(userId);
    await tx.stores.audit.record('admin.made_admin', { details: { userId } });
  });
}
