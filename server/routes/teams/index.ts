import { Hono } from 'hono';
import { mailTeamInvite } from '../../commands/invitationMail';
import { capabilitiesOf } from '../../../shared/domain/roles';
import {
  addMemberBody,
  changeRoleBody,
  createInviteBody,
  createTeamBody,
  updateTeamBody,
} from '../../../shared/schemas/auth';
import { addMember, changeRole, createInvite, createTeam, removeMember } from '../../commands/teams';
import { chooseTeamLicense } from '../../commands/teamLicense';
import { answerReviewRequest, listReviewRequests } from '../../commands/rounds/teamRequests';
import { authRequired, requireAuth } from '../../auth/middleware';
import type { AppDeps, AppEnv } from '../../deps';
import { notFound } from '../../http/apiError';
import { validateJson } from '../../http/validate';
import { publicOrigin } from '../../http/origin';
import { authorizeTeam } from '../../policies/team';

/** /api/teams — teams, members, invites, review requests from other teams and the audit trail. */
export function teamRoutes(deps: AppDeps) {
  const { stores } = deps;
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await stores.teams.forUser(user.id));
    })
    .post('/', validateJson(createTeamBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await createTeam(deps, user.id, c.req.valid('json')), 201);
    })
    .get('/:teamId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { team, role } = await authorizeTeam(stores, user.id, c.req.param('teamId'), 'team.read');
      // The client shows or hides controls from the same table the server enforces.
      const capabilities = capabilitiesOf(role);
      return c.json({ ...team, role, capabilities, license: await stores.teamLicenses.current(team.id) });
    })
    .get('/:teamId/storage', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.read');
      const usedBytes = await stores.storageUsage.teamBytes(teamId);
      return c.json({ usedBytes, quotaBytes: deps.env.TEAM_STORAGE_MAX_BYTES });
    })
    .patch('/:teamId', validateJson(updateTeamBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      const { team } = await authorizeTeam(stores, user.id, teamId, 'team.update');
      const { license, ...body } = c.req.valid('json');
      await deps.transaction(async (tx) => {
        if (license) await chooseTeamLicense(tx, user.id, team, license);
        if (license && Object.keys(body).length === 0) return;
        await tx.stores.teams.update(teamId, body);
        await tx.stores.audit.record('team.updated', { teamId, actorId: user.id, details: body });
      });
      return c.json({
        ...(await stores.teams.get(teamId)),
        license: await stores.teamLicenses.current(teamId),
      });
    })
    .get('/:teamId/members', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.read');
      return c.json(await stores.teams.members(teamId));
    })
    .post('/:teamId/members', validateJson(addMemberBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.manageMembers');
      const { email, role } = c.req.valid('json');
      return c.json(await addMember(deps, user.id, teamId, email, role), 201);
    })
    .patch('/:teamId/members/:userId', validateJson(changeRoleBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.manageMembers');
      await changeRole(deps, user.id, teamId, c.req.param('userId'), c.req.valid('json').role);
      return c.body(null, 204);
    })
    .delete('/:teamId/members/:userId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      const memberId = c.req.param('userId');
      // Anyone may leave a team; removing someone else needs the capability.
      await authorizeTeam(stores, user.id, teamId, memberId === user.id ? 'team.read' : 'team.manageMembers');
      await removeMember(deps, user.id, teamId, memberId);
      return c.body(null, 204);
    })
    .get('/:teamId/review-requests', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await listReviewRequests(deps, user.id, c.req.param('teamId')));
    })
    .post('/:teamId/review-requests/:roundId/accept', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await answerReviewRequest(deps, user.id, c.req.param('teamId'), c.req.param('roundId'), 'accept');
      return c.body(null, 204);
    })
    .post('/:teamId/review-requests/:roundId/decline', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await answerReviewRequest(deps, user.id, c.req.param('teamId'), c.req.param('roundId'), 'decline');
      return c.body(null, 204);
    })
    .get('/:teamId/invites', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.manageMembers');
      return c.json(await stores.invites.forTeam(teamId));
    })
    .post('/:teamId/invites', validateJson(createInviteBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.manageMembers');
      const { role, expiresInDays, ...mail } = c.req.valid('json');
      const invite = await createInvite(deps, user.id, teamId, role, expiresInDays);
      // PUBLIC_ORIGIN, or the origin the browser used (https behind a TLS proxy): the link works when shared.
      const url = `${publicOrigin(c)}/uitnodiging/${invite.token}`;
      const sentTo = await mailTeamInvite(deps, { ...invite, teamId, inviterId: user.id, url }, mail);
      return c.json({ ...invite, role, url, sentTo }, 201);
    })
    .delete('/:teamId/invites/:inviteId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.manageMembers');
      const invite = await stores.invites.get(c.req.param('inviteId'));
      if (!invite || invite.teamId !== teamId) throw notFound('Deze uitnodiging bestaat niet.');
      await deps.transaction(async (tx) => {
        if (await tx.stores.invites.revoke(invite.id)) {
          await tx.stores.audit.record('invite.revoked', {
            teamId,
            actorId: user.id,
            details: { inviteId: invite.id },
          });
        }
      });
      return c.body(null, 204);
    })
    .get('/:teamId/audit', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.readAudit');
      const events = await Promise.all(
        (await stores.audit.forTeam(teamId)).map(async (event) => ({
          ...event,
          actorName: event.actorId ? await stores.users.displayName(event.actorId) : null,
          // The person a membership event is about, by name (they may have left or been deleted).
          subjectName:
            typeof event.details.userId === 'string'
              ? await stores.users.displayName(event.details.userId)
              : null,
        })),
      );
      return c.json(events);
    })
    .get('/:teamId/trajects', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.read');
      return c.json(await deps.stores.designs.trajectsOfTeam(teamId));
    })
    .get('/:teamId/documents', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const teamId = c.req.param('teamId');
      await authorizeTeam(stores, user.id, teamId, 'team.read');
      // Designs carry the template version they are pinned to (trajects only take one version).
      return c.json(
        await Promise.all(
          (await stores.documents.listForTeam(teamId)).map(async (document) =>
            document.kind === 'leerarrangement'
              ? {
                  ...document,
                  templateVersionId: (await stores.designs.getDesign(document.id))?.templateVersionId ?? null,
                }
              : document,
          ),
        ),
      );
    });
}
