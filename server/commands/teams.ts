import { randomUUID } from 'node:crypto';
import { ROLE_LABELS_NL, roleRank, type Role } from '../../shared/domain/roles';
import type { CreateTeamBody } from '../../shared/schemas/auth';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../http/apiError';
import { assertMayCreateTeam } from '../policies/review';
import { assertKeepsOwner, lockTeam } from '../policies/team';
import { generateSecureRandomString, hashSecret } from '../auth/tokens';
import { teamPath } from '../presenters/paths';
import { actorText } from '../presenters/notificationText';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a team with its creator as owner (a toetsingscommissie only by an administrator). */
export async function createTeam(
  deps: AppDeps,
  userId: string,
  body: CreateTeamBody,
  id: string = randomUUID(),
): Promise<{ id: string }> {
  await assertMayCreateTeam(deps.stores, userId, body.kind);
  await deps.transaction(async (tx) => {
    await tx.stores.teams.insert({
      id,
      name: body.name,
      kind: body.kind,
      lab: body.lab,
      consortium: body.consortium,
    });
    await tx.stores.teams.setMember(id, userId, 'owner');
    await tx.stores.audit.record('team.created', {
      teamId: id,
      actorId: userId,
      details: { name: body.name, kind: body.kind },
    });
  });
  return { id };
}

/** Adds an existing user (by e-mail) to a team, or changes the role of one who already is a member. */
export async function addMember(
  deps: AppDeps,
  actorId: string,
  teamId: string,
  email: string,
  role: Role,
): Promise<{ userId: string }> {
  // Counted before the look-up, misses too: each answer tells whether an e-mail has an account.
  if (!(await deps.limiters.memberAddsByUser.attempt(actorId))) {
    throw new ApiError(
      429,
      'rate_limited',
      'Je hebt het afgelopen uur te veel mensen toegevoegd. Probeer het later opnieuw, of stuur een uitnodigingslink.',
    );
  }
  const found = await deps.stores.users.getWithHashByEmail(email);
  if (!found) {
    throw new ApiError(
      404,
      'user_not_found',
      'Er is geen account met dit e-mailadres. Stuur een uitnodigingslink; daarmee kan iemand zich aanmelden.',
    );
  }
  const userId = found.user.id;
  await deps.transaction(async (tx) => {
    await lockTeam(tx.stores, teamId);
    const current = await tx.stores.teams.role(teamId, userId);
    await assertKeepsOwner(tx.stores, teamId, current, role);
    await tx.stores.teams.setMember(teamId, userId, role);
    await tx.stores.audit.record(current ? 'member.role_changed' : 'member.added', {
      teamId,
      actorId,
      details: { userId, role, previousRole: current ?? null },
    });
    // Added without being asked: told at once, with the way out (the team page has "Team verlaten").
    if (!current && userId !== actorId) {
      const team = (await tx.stores.teams.get(teamId))!;
      await tx.stores.rounds.notify({
        userId,
        kind: 'team_added',
        text: actorText(
          ` heeft je toegevoegd aan het team "${team.name}" als ${ROLE_LABELS_NL[role]}. Wil je er niet bij horen? Kies op de teampagina "Team verlaten".`,
        ),
        link: teamPath(teamId),
        actorId,
        docId: null,
      });
    }
  });
  await deps.rooms.refreshAccess(userId, teamId);
  return { userId };
}

/** Changes a member's role; the team keeps an owner. */
export async function changeRole(
  deps: AppDeps,
  actorId: string,
  teamId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await deps.transaction(async (tx) => {
    await lockTeam(tx.stores, teamId);
    const current = await tx.stores.teams.role(teamId, userId);
    if (!current) throw notFound('Deze persoon is geen lid van het team.');
    await assertKeepsOwner(tx.stores, teamId, current, role);
    await tx.stores.teams.setMember(teamId, userId, role);
    await tx.stores.audit.record('member.role_changed', {
      teamId,
      actorId,
      details: { userId, role, previousRole: current },
    });
  });
  // Open sockets follow at once: a downgrade to viewer makes them read-only, and clients are told.
  await deps.rooms.refreshAccess(userId, teamId);
}

/** Removes a member (or lets a member leave); the team keeps an owner. */
export async function removeMember(
  deps: AppDeps,
  actorId: string,
  teamId: string,
  userId: string,
): Promise<void> {
  await deps.transaction(async (tx) => {
    await lockTeam(tx.stores, teamId);
    const current = await tx.stores.teams.role(teamId, userId);
    if (!current) throw notFound('Deze persoon is geen lid van het team.');
    await assertKeepsOwner(tx.stores, teamId, current, undefined);
    await tx.stores.teams.removeMember(teamId, userId);
    await tx.stores.audit.record('member.removed', {
      teamId,
      actorId,
      details: { userId, previousRole: current },
    });
  });
  await deps.rooms.refreshAccess(userId, teamId);
}

/** Creates a single-use, expiring invite link; the token is returned once and stored only as a hash. */
export async function createInvite(
  deps: AppDeps,
  actorId: string,
  teamId: string,
  role: Role,
  expiresInDays = 7,
): Promise<{ id: string; token: string; expiresAt: string }> {
  const id = randomUUID();
  const token = generateSecureRandomString(32);
  const expiresAt = Date.now() + expiresInDays * DAY_MS;
  await deps.transaction(async (tx) => {
    await tx.stores.invites.insert({
      id,
      teamId,
      role,
      tokenHash: hashSecret(token),
      createdBy: actorId,
      expiresAt,
    });
    await tx.stores.audit.record('invite.created', {
      teamId,
      actorId,
      details: { inviteId: id, role, expiresInDays },
    });
  });
  return { id, token, expiresAt: new Date(expiresAt).toISOString() };
}

/** Why an invite token cannot be used, or null when it can. */
export function inviteProblem(
  invite: { usedAt: string | null; revokedAt: string | null; expiresAt: string } | undefined,
) {
  if (!invite) return 'Deze uitnodiging bestaat niet.';
  if (invite.revokedAt) return 'Deze uitnodiging is ingetrokken.';
  if (invite.usedAt) return 'Deze uitnodiging is al gebruikt.';
  if (Date.parse(invite.expiresAt) <= Date.now()) return 'Deze uitnodiging is verlopen.';
  return null;
}

/** Accepts an invite: joins the team with the invite's role (keeping a higher existing role). */
export async function acceptInvite(
  deps: AppDeps,
  userId: string,
  token: string,
): Promise<{ teamId: string; role: Role }> {
  const invite = await deps.stores.invites.byTokenHash(hashSecret(token));
  if (!invite) throw notFound('Deze uitnodiging bestaat niet.');
  const problem = inviteProblem(invite);
  if (problem) throw new ApiError(410, 'invite_unusable', problem);
  let role: Role = invite.role;
  await deps.transaction(async (tx) => {
    // Gone with its team meanwhile (the invite with it): as if it never existed.
    if (!(await tx.stores.teams.lock(invite.teamId))) throw notFound('Deze uitnodiging bestaat niet.');
    // Another acceptance may have won the race since the check above.
    if (!(await tx.stores.invites.markUsed(invite.id, userId))) {
      throw new ApiError(410, 'invite_unusable', 'Deze uitnodiging is al gebruikt.');
    }
    const current = await tx.stores.teams.role(invite.teamId, userId);
    if (current && roleRank(current) >= roleRank(invite.role)) role = current;
    await tx.stores.teams.setMember(invite.teamId, userId, role);
    await tx.stores.audit.record('invite.accepted', {
      teamId: invite.teamId,
      actorId: userId,
      details: { inviteId: invite.id, role, previousRole: current ?? null },
    });
  });
  await deps.rooms.refreshAccess(userId, invite.teamId);
  return { teamId: invite.teamId, role };
}
