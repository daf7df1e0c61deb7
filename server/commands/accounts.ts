import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps';
import { isUniqueViolation } from '../db/portable';
import { ApiError } from '../http/apiError';
import { addressKey } from '../auth/limiters';
import { passwordAttempt } from '../auth/passwordAttempt';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords';
import type { User } from '../stores/users';
import { presentContributions } from '../presenters/personalData';
import type { SignupBody } from '../../shared/schemas/auth';
import { assertSignupAllowed } from './signupPolicy';

const TOO_MANY = 'Te veel inlogpogingen. Wacht een kwartier en probeer het dan opnieuw.';
const WRONG = 'E-mailadres of wachtwoord klopt niet.';
// Only told after the right password: a wrong one gets the usual 401, so this reveals nothing.
const disabled = () =>
  new ApiError(
    403,
    'account_disabled',
    'Dit account is uitgeschakeld. Neem contact op met de beheerder van deze Werkplaats.',
  );
const tooManyPasswordTries = () =>
  new ApiError(
    429,
    'rate_limited',
    'Te vaak een verkeerd wachtwoord ingevuld. Wacht een kwartier en probeer het dan opnieuw.',
  );

/** Creates an account and its first session. */
export async function signup(
  deps: AppDeps,
  body: SignupBody,
  address: string,
): Promise<{ user: User; token: string }> {
  // Before the limit: a refused sign-up creates nothing and tells nothing about anyone's account.
  await assertSignupAllowed(deps, body.email, body.invite);
  // Counted before the work, in one step: parallel sign-ups cannot all pass the same count. Every
  // attempt counts, a 409 too (that is an answer about someone's e-mail).
  if (!(await deps.limiters.signupByAddress.attempt(addressKey(address)))) {
    throw new ApiError(
      429,
      'rate_limited',
      'Te veel nieuwe accounts vanaf dit adres. Probeer het later opnieuw.',
    );
  }
  const passwordHash = await hashPassword(body.password);
  const id = randomUUID();
  let token = '';
  try {
    await deps.transaction(async (tx) => {
      await tx.stores.users.insert({ id, email: body.email, name: body.name, passwordHash });
      await tx.stores.audit.record('auth.signup', { actorId: id });
      token = (await tx.sessions.create(id)).token;
    });
  } catch (error) {
    // Also what the second of two sign-ups with one e-mail at once meets.
    if (isUniqueViolation(error)) {
      throw new ApiError(
        409,
        'email_taken',
        'Er bestaat al een account met dit e-mailadres. Log in of herstel je wachtwoord.',
      );
    }
    throw error;
  }
  return { user: (await deps.stores.users.get(id)) as User, token };
}

/**
 * Checks credentials under the password limits (passwordAttempt). The answer and its timing are the
 * same whether or not the e-mail has an account.
 */
export async function login(
  deps: AppDeps,
  body: { email: string; password: string },
  address: string,
): Promise<{ user: User; token: string }> {
  const found = await deps.stores.users.getWithHashByEmail(body.email);
  const outcome = await passwordAttempt(deps.limiters, { account: body.email, address }, () =>
    found ? verifyPassword(found.passwordHash, body.password) : verifyAgainstDummy(body.password),
  );
  if (outcome === 'limited') throw new ApiError(429, 'rate_limited', TOO_MANY);
  if (outcome === 'wrong' || !found) {
    deps.metrics.loginFailures.inc();
    if (found)
      await deps.stores.audit.record('auth.login_failed', { actorId: found.user.id, details: { address } });
    throw new ApiError(401, 'invalid_credentials', WRONG);
  }
  if (found.disabled) throw disabled();
  // The password may have changed, or the account been disabled (and every session been ended),
  // while argon2 checked the old one: the session is made only while the hash is still the one
  // checked and the account enabled, and holds both until committed.
  const token = await deps.transaction(async (tx) => {
    const state = await tx.stores.users.lockLoginState(found.user.id);
    if (state?.disabled) throw disabled();
    return state?.passwordHash === found.passwordHash
      ? (await tx.sessions.create(found.user.id)).token
      : null;
  });
  if (token === null) throw new ApiError(401, 'invalid_credentials', WRONG);
  await deps.stores.audit.record('auth.login', { actorId: found.user.id, details: { address } });
  return { user: found.user, token };
}

/** Ends one session and closes its sockets. */
export async function logout(deps: AppDeps, userId: string, sessionId: string): Promise<void> {
  await deps.sessions.invalidate(sessionId);
  await deps.stores.audit.record('auth.logout', { actorId: userId });
  deps.rooms.closeSessions([sessionId], 'uitgelogd');
}

/** Changes the password and ends every other session of the user (and their sockets). */
export async function changePassword(
  deps: AppDeps,
  user: User,
  sessionId: string,
  currentPassword: string,
  newPassword: string,
  address: string,
): Promise<void> {
  const currentHash = (await deps.stores.users.passwordHash(user.id)) ?? '';
  const wrong = () => new ApiError(403, 'wrong_password', 'Je huidige wachtwoord klopt niet.');
  const outcome = await passwordAttempt(deps.limiters, { account: user.email, address }, () =>
    verifyPassword(currentHash, currentPassword),
  );
  if (outcome === 'limited') throw tooManyPasswordTries();
  if (outcome === 'wrong') throw wrong();
  const passwordHash = await hashPassword(newPassword);
  let ended: string[] = [];
  await deps.transaction(async (tx) => {
    // Changed by a concurrent change since it was checked: the password given is no longer current.
    if (!(await tx.stores.users.replacePasswordHash(user.id, currentHash, passwordHash))) throw wrong();
    ended = await tx.sessions.invalidateUser(user.id, sessionId);
    await tx.stores.audit.record('auth.password_changed', {
      actorId: user.id,
      details: { endedSessions: ended.length },
    });
  });
  deps.rooms.closeSessions(ended, 'wachtwoord gewijzigd');
}

/** Everything stored about the user, as one JSON document (AVG art. 15/20). */
export async function exportAccount(deps: AppDeps, user: User) {
  await deps.stores.audit.record('account.exported', { actorId: user.id });
  return {
    exportedAt: new Date().toISOString(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      createdAt: new Date(user.createdAt).toISOString(),
    },
    settings: { emailNotifications: await deps.stores.mailPreferences.get(user.id) },
    teams: await deps.stores.teams.forUser(user.id),
    sessions: (await deps.stores.sessions.listForUser(user.id)).map((session) => ({
      createdAt: new Date(session.created_at).toISOString(),
      lastActiveAt: new Date(session.last_active_at).toISOString(),
    })),
    activity: await deps.stores.audit.forActor(user.id),
    ...(await presentContributions(deps, user.id)),
  };
}

/**
 * Deletes the account: personal data is removed, contributions stay, attributed to
 * "verwijderde gebruiker". Refused while the user is the last owner of a team that has other
 * members; teams where they are the only member are deleted with the account.
 */
export async function deleteAccount(
  deps: AppDeps,
  user: User,
  password: string,
  address: string,
): Promise<void> {
  const hash = (await deps.stores.users.passwordHash(user.id)) ?? '';
  const outcome = await passwordAttempt(deps.limiters, { account: user.email, address }, () =>
    verifyPassword(hash, password),
  );
  if (outcome === 'limited') throw tooManyPasswordTries();
  if (outcome === 'wrong') throw new ApiError(403, 'wrong_password', 'Je wachtwoord klopt niet.');
  let ended: string[] = [];
  await deps.transaction(async (tx) => {
    // The user's teams locked (in one order, so two deletions cannot wait for each other), then read
    // again: the counts below then hold until the teams are left.
    const teamIds = (await tx.stores.teams.forUser(user.id)).map((team) => team.id).sort();
    for (const teamId of teamIds) await tx.stores.teams.lock(teamId);
    const teams = await tx.stores.teams.forUser(user.id);
    const blocking: typeof teams = [];
    for (const team of teams) {
      if (
        team.role === 'owner' &&
        (await tx.stores.teams.ownerCount(team.id)) === 1 &&
        (await tx.stores.teams.memberCount(team.id)) > 1
      ) {
        blocking.push(team);
      }
    }
    if (blocking.length > 0) {
      throw new ApiError(
        409,
        'last_owner',
        `Je bent de enige eigenaar van ${blocking.map((team) => `"${team.name}"`).join(', ')}. Maak eerst iemand anders eigenaar.`,
      );
    }
    for (const team of teams) {
      if ((await tx.stores.teams.memberCount(team.id)) === 1) await tx.stores.teams.delete(team.id);
      else await tx.stores.teams.removeMember(team.id, user.id);
    }
    ended = await tx.sessions.invalidateUser(user.id);
    await tx.stores.users.anonymise(user.id);
    // Queued and recently sent mail names the address: it goes with the account.
    await tx.stores.mailOutbox.forgetRecipient(user.email);
    await tx.stores.audit.record('account.deleted', { actorId: user.id });
  });
  deps.rooms.closeSessions(ended, 'account verwijderd');
}
