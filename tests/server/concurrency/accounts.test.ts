import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/passwords';
import { changePassword, login, signup } from '../../../server/commands/accounts';
import type { AppDeps } from '../../../server/deps';
import { ENGINES, beforeTransaction, interleave, race, refusal, useEngine, type Harness } from './harness';

const OLD = 'oud wachtwoord 1';

/** A user whose password is OLD, with one session (what a password change is made from). */
async function userWithSession(h: Harness) {
  const created = await h.user('Ann', await hashPassword(OLD));
  const user = (await h.deps.stores.users.get(created.id))!;
  const { session } = await h.deps.sessions.create(user.id);
  return { user, sessionId: session.id };
}

/** `deps` whose login stops (once) right after it read the account's password hash. */
function pausedAfterLookup(deps: AppDeps, pause: () => Promise<void>): AppDeps {
  const users = deps.stores.users;
  return {
    ...deps,
    stores: {
      ...deps.stores,
      users: {
        ...users,
        getWithHashByEmail: async (email) => {
          const found = await users.getWithHashByEmail(email);
          await pause();
          return found;
        },
      },
    },
  };
}

describe.each(ENGINES)('accounts on %s', (engine) => {
  const h = useEngine(engine);

  it('makes no session from a password changed while it was being checked', async () => {
    const { user, sessionId } = await userWithSession(h);

    const [loggedIn, changed] = await interleave(
      (pause) => login(pausedAfterLookup(h.deps, pause), { email: user.email, password: OLD }, '192.0.2.1'),
      () => changePassword(h.deps, user, sessionId, OLD, 'nieuw wachtwoord 2', '192.0.2.1'),
    );

    expect(changed.ok).toBe(true);
    expect(refusal(loggedIn)).toMatchObject({ status: 401, code: 'invalid_credentials' });
    const sessions = await h.deps.stores.sessions.listForUser(user.id);
    expect(sessions.map((session) => session.id)).toEqual([sessionId]);
  });

  it('refuses the second of two password changes made from the same old password', async () => {
    const { user, sessionId } = await userWithSession(h);
    const other = (await h.deps.sessions.create(user.id)).session.id;

    const [second, first] = await interleave(
      (pause) =>
        changePassword(beforeTransaction(h.deps, pause), user, other, OLD, 'tweede wachtwoord', '192.0.2.4'),
      () => changePassword(h.deps, user, sessionId, OLD, 'eerste wachtwoord', '192.0.2.4'),
    );

    expect(first.ok).toBe(true);
    expect(refusal(second)).toEqual({
      status: 403,
      code: 'wrong_password',
      message: 'Je huidige wachtwoord klopt niet.',
    });
    const hash = (await h.deps.stores.users.passwordHash(user.id))!;
    expect(await verifyPassword(hash, 'eerste wachtwoord')).toBe(true);
    const sessions = await h.deps.stores.sessions.listForUser(user.id);
    expect(sessions.map((session) => session.id)).toEqual([sessionId]);
  });

  it('signs up one account when the same e-mail signs up twice at once', async () => {
    const email = `${randomUUID()}@werkplaats.test`;
    const body = { email, password: 'een goed wachtwoord', name: 'Twee keer' };

    const results = await race(
      () => signup(h.deps, body, '192.0.2.2'),
      () => signup(h.deps, { ...body, email: email.toUpperCase() }, '192.0.2.3'),
    );

    expect(results.map(refusal)).toContainEqual({
      status: 409,
      code: 'email_taken',
      message: 'Er bestaat al een account met dit e-mailadres. Log in of herstel je wachtwoord.',
    });
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });
});
