import { Hono } from 'hono';
import { ROLE_LABELS_NL } from '../../../shared/domain/roles';
import { acceptInvite, inviteProblem } from '../../commands/teams';
import { authRequired, requireAuth } from '../../auth/middleware';
import { hashSecret } from '../../auth/tokens';
import type { AppDeps, AppEnv } from '../../deps';
import { notFound } from '../../http/apiError';

/** /api/invites/:token — what an invite link offers, and accepting it. */
export function inviteRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      // Public on purpose: someone without an account sees what they are invited to before signing up.
      const invite = await deps.stores.invites.byTokenHash(hashSecret(c.req.param('token')));
      if (!invite) throw notFound('Deze uitnodiging bestaat niet.');
      const team = await deps.stores.teams.get(invite.teamId);
      if (!team) throw notFound('Deze uitnodiging bestaat niet.');
      const problem = inviteProblem(invite);
      return c.json({
        teamName: team.name,
        teamKind: team.kind,
        role: invite.role,
        roleLabel: ROLE_LABELS_NL[invite.role],
        expiresAt: invite.expiresAt,
        usable: problem === null,
        problem,
      });
    })
    .post('/:token/accept', authRequired, async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await acceptInvite(deps, user.id, c.req.param('token')));
    });
}
