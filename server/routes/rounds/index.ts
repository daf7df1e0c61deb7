import { Hono } from 'hono';
import { mailRoundLink } from '../../commands/invitationMail';
import { publicOrigin } from '../../http/origin';
import {
  createRoundBody,
  createRoundLinkBody,
  createThreadBody,
  inviteTeamBody,
  listCommentsQuery,
  markReadBody,
  messageBody,
  saveResponsesBody,
  triageBody,
  updateRoundBody,
} from '../../../shared/schemas/rounds';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import {
  createDocumentThread,
  createRoundThread,
  deleteMessage,
  editMessage,
  listDocumentComments,
  listRoundComments,
  replyToThread,
  setThreadResolved,
} from '../../commands/comments';
import { mentionable, roundMentionable } from '../../commands/mentionable';
import { listNotifications, markNotificationsRead } from '../../commands/notifications';
import {
  acceptRoundLink,
  carryOver,
  closeRoundByOwner,
  completeRound,
  createRound,
  createRoundLink,
  describeRoundLink,
  getRound,
  inviteTeam,
  listResponses,
  listRounds,
  myReviewRounds,
  removeReviewer,
  removeTeam,
  revokeRoundLink,
  roundReviewers,
  roundSummary,
  roundVersion,
  roundVersionState,
  saveResponses,
  teamsDirectory,
  triageItem,
  updateRound,
} from '../../commands/rounds';
import type { AppDeps, AppEnv } from '../../deps';
import type { EventStreams } from '../../http/eventStreams';
import { authorizeDocument } from '../../policies/document';
import { authorizeRound } from '../../policies/round';
import { validateJson, validateQuery } from '../../http/validate';
import { summaryHtml, summaryMarkdown } from '../../render/roundSummary';
import { changeStream } from './changeStream';

const roundCommentsQuery = listCommentsQuery.omit({ round: true });
/** An event stream's keep-alive (and re-check) follows the sockets' heartbeat. */
const keepAliveMs = (deps: AppDeps) => deps.env.HEARTBEAT_SECONDS * 1000;
const directoryQuery = z.object({ q: z.string().max(100).optional() }).strict();

/** /api/documents/:docId/{comments,mentionable,rounds,events} */
export function documentRoundRoutes(deps: AppDeps, streams: EventStreams) {
  return new Hono<AppEnv>()
    .use('/:docId/*', authRequired)
    .get('/:docId/comments', validateQuery(listCommentsQuery), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await listDocumentComments(deps, user.id, c.req.param('docId'), c.req.valid('query')));
    })
    .post('/:docId/comments', validateJson(createThreadBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(
        await createDocumentThread(deps, user.id, c.req.param('docId'), c.req.valid('json')),
        201,
      );
    })
    .get('/:docId/mentionable', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await mentionable(deps, user.id, c.req.param('docId')));
    })
    .get('/:docId/rounds', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await listRounds(deps, user.id, c.req.param('docId')));
    })
    .post('/:docId/rounds', validateJson(createRoundBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await createRound(deps, user.id, c.req.param('docId'), c.req.valid('json')), 201);
    })
    .get('/:docId/events', async (c) => {
      const auth = requireAuth(c.get('auth'));
      const docId = c.req.param('docId');
      const authorize = () => authorizeDocument(deps.stores, auth.user.id, docId, 'document.read');
      await authorize();
      return changeStream(c, streams, auth, { docId, roundId: null, authorize }, keepAliveMs(deps));
    });
}

/** /api/comments/... — replies, edits, deletes, resolve and reopen (policy per thread). */
export function commentRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .post('/:threadId/replies', validateJson(messageBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(
        await replyToThread(deps, user.id, c.req.param('threadId'), c.req.valid('json').body),
        201,
      );
    })
    .patch('/messages/:messageId', validateJson(messageBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await editMessage(deps, user.id, c.req.param('messageId'), c.req.valid('json').body));
    })
    .delete('/messages/:messageId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await deleteMessage(deps, user.id, c.req.param('messageId'));
      return c.body(null, 204);
    })
    .post('/:threadId/resolve', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await setThreadResolved(deps, user.id, c.req.param('threadId'), true));
    })
    .post('/:threadId/reopen', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await setThreadResolved(deps, user.id, c.req.param('threadId'), false));
    });
}

/** /api/rounds/:roundId/... — one feedback round (team and reviewers; policies per route). */
export function roundRoutes(deps: AppDeps, streams: EventStreams) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/:roundId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await getRound(deps, user.id, c.req.param('roundId')));
    })
    .patch('/:roundId', validateJson(updateRoundBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await updateRound(deps, user.id, c.req.param('roundId'), c.req.valid('json')));
    })
    .get('/:roundId/version', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await roundVersion(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/version/state', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const state = await roundVersionState(deps, user.id, c.req.param('roundId'));
      c.header('Content-Type', 'application/octet-stream');
      c.header('Cache-Control', 'private, no-store');
      return c.body(Buffer.from(state));
    })
    .get('/:roundId/reviewers', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await roundReviewers(deps, user.id, c.req.param('roundId')));
    })
    .post('/:roundId/teams', validateJson(inviteTeamBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await inviteTeam(deps, user.id, c.req.param('roundId'), c.req.valid('json').teamId), 201);
    })
    .delete('/:roundId/teams/:teamId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await removeTeam(deps, user.id, c.req.param('roundId'), c.req.param('teamId'));
      return c.body(null, 204);
    })
    .delete('/:roundId/reviewers/:userId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await removeReviewer(deps, user.id, c.req.param('roundId'), c.req.param('userId'));
      return c.body(null, 204);
    })
    .post('/:roundId/links', validateJson(createRoundLinkBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { email, language, ...input } = c.req.valid('json');
      const link = await createRoundLink(deps, user.id, c.req.param('roundId'), input);
      const url = `${publicOrigin(c)}${link.url}`;
      const mailed = { ...link, roundId: c.req.param('roundId'), inviterId: user.id, url };
      return c.json({ ...link, sentTo: await mailRoundLink(deps, mailed, { email, language }) }, 201);
    })
    .delete('/:roundId/links/:linkId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await revokeRoundLink(deps, user.id, c.req.param('roundId'), c.req.param('linkId'));
      return c.body(null, 204);
    })
    .get('/:roundId/comments', validateQuery(roundCommentsQuery), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await listRoundComments(deps, user.id, c.req.param('roundId'), c.req.valid('query')));
    })
    .post('/:roundId/comments', validateJson(createThreadBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await createRoundThread(deps, user.id, c.req.param('roundId'), c.req.valid('json')), 201);
    })
    .get('/:roundId/mentionable', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await roundMentionable(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/responses', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await listResponses(deps, user.id, c.req.param('roundId')));
    })
    .put('/:roundId/responses', validateJson(saveResponsesBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await saveResponses(deps, user.id, c.req.param('roundId'), c.req.valid('json')));
    })
    .post('/:roundId/close', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await closeRoundByOwner(deps, user.id, c.req.param('roundId')));
    })
    .put('/:roundId/triage', validateJson(triageBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await triageItem(deps, user.id, c.req.param('roundId'), c.req.valid('json')));
    })
    .post('/:roundId/complete', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await completeRound(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/summary', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await roundSummary(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/summary.md', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const summary = await roundSummary(deps, user.id, c.req.param('roundId'));
      c.header('Content-Type', 'text/markdown; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="feedbackronde-samenvatting.md"');
      return c.body(summaryMarkdown(summary));
    })
    .get('/:roundId/summary.html', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const summary = await roundSummary(deps, user.id, c.req.param('roundId'));
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(summaryHtml(summary));
    })
    .post('/:roundId/carry-over', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await carryOver(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/events', async (c) => {
      const auth = requireAuth(c.get('auth'));
      const roundId = c.req.param('roundId');
      const authorize = () => authorizeRound(deps.stores, auth.user.id, roundId, 'viewVersion');
      const { round } = await authorize();
      return changeStream(c, streams, auth, { docId: round.doc_id, roundId, authorize }, keepAliveMs(deps));
    });
}

/** /api/round-links/:token — public description; accepting needs a session. */
export function roundLinkRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => c.json(await describeRoundLink(deps, c.req.param('token'))))
    .post('/:token/accept', authRequired, async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await acceptRoundLink(deps, user.id, c.req.param('token')));
    });
}

/**
 * /api/me/rounds, /api/notifications, /api/teams-directory — mounted at the API root, so the session
 * check is per route (a `use` here would cover every API path).
 */
export function roundPersonalRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/me/rounds', authRequired, async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await myReviewRounds(deps, user.id));
    })
    .get('/notifications', authRequired, async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await listNotifications(deps, user.id));
    })
    .post('/notifications/read', authRequired, validateJson(markReadBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await markNotificationsRead(deps, user.id, c.req.valid('json')));
    })
    .get('/teams-directory', authRequired, validateQuery(directoryQuery), async (c) => {
      requireAuth(c.get('auth'));
      return c.json(await teamsDirectory(deps, c.req.valid('query').q));
    });
}
