import { describe, expect, it } from 'vitest';
import { deleteAccount } from '../../../server/commands/accounts';
import {
  acceptInvite,
  addMember,
  changeRole,
  createInvite,
  removeMember,
} from '../../../server/commands/teams';
import { hashPassword } from '../../../server/auth/passwords';
import { ENGINES, beforeTransaction, interleave, race, refusal, useEngine, type Harness } from './harness';

const LAST_OWNER = {
  status: 403,
  code: 'forbidden',
  message: 'Een team houdt altijd minstens één eigenaar. Maak eerst iemand anders eigenaar.',
};

/** A team with two owners (and, with `withMember`, an editor). */
async function twoOwners(h: Harness, withMember = false) {
  const [a, b, c] = [await h.user('Ann'), await h.user('Bob'), await h.user('Cas')];
  const teamId = await h.team(a.id);
  await addMember(h.deps, a.id, teamId, b.email, 'owner');
  if (withMember) await addMember(h.deps, a.id, teamId, c.email, 'editor');
  return { a, b, c, teamId };
}

/** The team's membership rows: every membership change writes one. */
const memberships = (teamId: string): [string, unknown[]] => [
  'SELECT 1 FROM memberships WHERE team_id = $1',
  [teamId],
];

/**
 * Runs `callers` at once; on PostgreSQL with the rows `held` selects locked by the test until every
 * caller's transaction waits (for that lock or for one of the others), so that they overlap.
 */
async function overlapping<T>(h: Harness, held: [string, unknown[]], ...callers: Array<() => Promise<T>>) {
  if (h.engine === 'sqlite') return await race(...callers);
  const lock = await h.holdRows(...held);
  const results = race(...callers);
  await h.waitForLockWaiters(callers.length);
  await lock.release();
  return await results;
}

describe.each(ENGINES)('teams on %s', (engine) => {
  const h = useEngine(engine);

  it('two owners demoting each other at once leave one owner; the second is refused', async () => {
    const { a, b, teamId } = await twoOwners(h);

    const results = await overlapping(
      h,
      memberships(teamId),
      () => changeRole(h.deps, a.id, teamId, b.id, 'editor'),
      () => changeRole(h.deps, b.id, teamId, a.id, 'editor'),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.map(refusal)).toContainEqual(LAST_OWNER);
    expect(await h.deps.stores.teams.ownerCount(teamId)).toBe(1);
  });

  it('an owner leaving while the other owner deletes their account leaves an owner', async () => {
    const hash = await hashPassword('wachtwoord123');
    const a = await h.user('Ann', hash);
    const { b, c } = { b: await h.user('Bob'), c: await h.user('Cas') };
    const teamId = await h.team(a.id);
    await addMember(h.deps, a.id, teamId, b.email, 'owner');
    await addMember(h.deps, a.id, teamId, c.email, 'editor');
    const user = (await h.deps.stores.users.get(a.id))!;

    // Ann's deletion checks the team, Bob leaves, then Ann's deletion writes.
    const [deleted, left] = await interleave(
      (pause) => deleteAccount(beforeTransaction(h.deps, pause), user, 'wachtwoord123', '192.0.2.5'),
      () => removeMember(h.deps, b.id, teamId, b.id),
    );
    expect(left.ok).toBe(true);
    expect(refusal(deleted)).toMatchObject({ status: 409, code: 'last_owner' });
    expect(await h.deps.stores.teams.ownerCount(teamId)).toBe(1);
  });

  it.runIf(engine === 'postgres')(
    'an owner leaving and the other deleting their account in overlapping transactions leave an owner',
    async () => {
      const hash = await hashPassword('wachtwoord123');
      const a = await h.user('Ann', hash);
      const { b, c } = { b: await h.user('Bob'), c: await h.user('Cas') };
      const teamId = await h.team(a.id);
      await addMember(h.deps, a.id, teamId, b.email, 'owner');
      await addMember(h.deps, a.id, teamId, c.email, 'editor');
      const user = (await h.deps.stores.users.get(a.id))!;

      const results = await overlapping<unknown>(
        h,
        memberships(teamId),
        () => deleteAccount(h.deps, user, 'wachtwoord123', '192.0.2.5'),
        () => removeMember(h.deps, b.id, teamId, b.id),
      );

      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(await h.deps.stores.teams.ownerCount(teamId)).toBe(1);
    },
  );

  it('an invite accepted by two people at once lets one in; the other hears it was used', async () => {
    const { a, teamId } = await twoOwners(h);
    const [x, y] = [await h.user('Xander'), await h.user('Yara')];
    const { id, token } = await createInvite(h.deps, a.id, teamId, 'editor');

    const [first, second] = await interleave(
      (pause) => acceptInvite(beforeTransaction(h.deps, pause), x.id, token),
      () => acceptInvite(h.deps, y.id, token),
    );

    expect(second.ok).toBe(true);
    expect(refusal(first)).toEqual({
      status: 410,
      code: 'invite_unusable',
      message: 'Deze uitnodiging is al gebruikt.',
    });
    expect(await h.deps.stores.teams.role(teamId, x.id)).toBeUndefined();
    expect(await h.deps.stores.teams.role(teamId, y.id)).toBe('editor');
    const accepted = (await h.deps.stores.audit.forTeam(teamId)).filter(
      (event) => event.action === 'invite.accepted' && event.details.inviteId === id,
    );
    expect(accepted).toHaveLength(1);
  });

  it.runIf(engine === 'postgres')(
    'an invite accepted twice in overlapping transactions is used once',
    async () => {
      const { a, teamId } = await twoOwners(h);
      const [x, y] = [await h.user('Xander'), await h.user('Yara')];
      const { id, token } = await createInvite(h.deps, a.id, teamId, 'viewer');

      const results = await overlapping(
        h,
        ['SELECT 1 FROM invites WHERE id = $1', [id]],
        () => acceptInvite(h.deps, x.id, token),
        () => acceptInvite(h.deps, y.id, token),
      );

      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.map(refusal)).toContainEqual(expect.objectContaining({ status: 410 }));
      expect(await h.deps.stores.teams.memberCount(teamId)).toBe(3);
    },
  );
});
