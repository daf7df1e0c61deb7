import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
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
import { onRoundChange } from '../../commands/roundEvents';
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
import { authorizeDocument } from '../../policies/document';
import { authorizeRound } from '../../policies/round';
import { validateJson, validateQuery } from '../../http/validate';
import { summaryHtml, summaryMarkdown } from '../../render/roundSummary';
import type { Context } from 'hono';

const roundCommentsQuery = listCommentsQuery.omit({ round: true });
const directoryQuery = z.object({ q: z.string().max(100).optional() }).strict();

/** Keeps an SSE stream open, sending `changed` whenever the document's comments or rounds change. */
function changeStream(c: Context<AppEnv>, docId: string, roundId: string | null) {
  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    const pending: string[] = [];
    const stop = onRoundChange(docId, (change) => {
      if (roundId && change.roundId !== roundId) return;
      pending.push(JSON.stringify(change));
      wake?.();
    });
    stream.onAbort(() => {
      stop();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!stream.aborted && !stream.closed) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 25_000);
      });
      wake = null;
      if (stream.aborted || stream.closed) break;
      if (pending.length === 0) await stream.writeSSE({ event: 'ping', data: '{}' });
      while (pending.length > 0) await stream.writeSSE({ event: 'changed', data: pending.shift()! });
    }
    stop();
  });
}

/** /api/documents/:docId/{comments,mentionable,rounds,events} */
export function documentRoundRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/:docId/*', authRequired)
    .get('/:docId/comments', validateQuery(listCommentsQuery), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(listDocumentComments(deps, user.id, c.req.param('docId'), c.req.valid('query')));
    })
    .post('/:docId/comments', validateJson(createThreadBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(createDocumentThread(deps, user.id, c.req.param('docId'), c.req.valid('json')), 201);
    })
    .get('/:docId/mentionable', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(mentionable(deps, user.id, c.req.param('docId')));
    })
    .get('/:docId/rounds', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(listRounds(deps, user.id, c.req.param('docId')));
    })
    .post('/:docId/rounds', validateJson(createRoundBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(createRound(deps, user.id, c.req.param('docId'), c.req.valid('json')), 201);
    })
    .get('/:docId/events', (c) => {
      const { user } = requireAuth(c.get('auth'));
      const docId = c.req.param('docId');
      authorizeDocument(deps.stores, user.id, docId, 'document.read');
      return changeStream(c, docId, null);
    });
}

/** /api/comments/... — replies, edits, deletes, resolve and reopen (policy per thread). */
export function commentRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .post('/:threadId/replies', validateJson(messageBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(replyToThread(deps, user.id, c.req.param('threadId'), c.req.valid('json').body), 201);
    })
    .patch('/messages/:messageId', validateJson(messageBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(editMessage(deps, user.id, c.req.param('messageId'), c.req.valid('json').body));
    })
    .delete('/messages/:messageId', (c) => {
      const { user } = requireAuth(c.get('auth'));
      deleteMessage(deps, user.id, c.req.param('messageId'));
      return c.body(null, 204);
    })
    .post('/:threadId/resolve', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(setThreadResolved(deps, user.id, c.req.param('threadId'), true));
    })
    .post('/:threadId/reopen', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(setThreadResolved(deps, user.id, c.req.param('threadId'), false));
    });
}

/** /api/rounds/:roundId/... — one feedback round (team and reviewers; policies per route). */
export function roundRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/:roundId', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(getRound(deps, user.id, c.req.param('roundId')));
    })
    .patch('/:roundId', validateJson(updateRoundBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(updateRound(deps, user.id, c.req.param('roundId'), c.req.valid('json')));
    })
    .get('/:roundId/version', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(roundVersion(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/version/state', (c) => {
      const { user } = requireAuth(c.get('auth'));
      const state = roundVersionState(deps, user.id, c.req.param('roundId'));
      c.header('Content-Type', 'application/octet-stream');
      c.header('Cache-Control', 'private, no-store');
      return c.body(Buffer.from(state));
    })
    .get('/:roundId/reviewers', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(roundReviewers(deps, user.id, c.req.param('roundId')));
    })
    .post('/:roundId/teams', validateJson(inviteTeamBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(inviteTeam(deps, user.id, c.req.param('roundId'), c.req.valid('json').teamId), 201);
    })
    .delete('/:roundId/teams/:teamId', (c) => {
      const { user } = requireAuth(c.get('auth'));
      removeTeam(deps, user.id, c.req.param('roundId'), c.req.param('teamId'));
      return c.body(null, 204);
    })
    .post('/:roundId/links', validateJson(createRoundLinkBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(createRoundLink(deps, user.id, c.req.param('roundId'), c.req.valid('json')), 201);
    })
    .delete('/:roundId/links/:linkId', (c) => {
      const { user } = requireAuth(c.get('auth'));
      revokeRoundLink(deps, user.id, c.req.param('roundId'), c.req.param('linkId'));
      return c.body(null, 204);
    })
    .get('/:roundId/comments', validateQuery(roundCommentsQuery), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(listRoundComments(deps, user.id, c.req.param('roundId'), c.req.valid('query')));
    })
    .post('/:roundId/comments', validateJson(createThreadBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(createRoundThread(deps, user.id, c.req.param('roundId'), c.req.valid('json')), 201);
    })
    .get('/:roundId/mentionable', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(roundMentionable(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/responses', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(listResponses(deps, user.id, c.req.param('roundId')));
    })
    .put('/:roundId/responses', validateJson(saveResponsesBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(saveResponses(deps, user.id, c.req.param('roundId'), c.req.valid('json')));
    })
    .post('/:roundId/close', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(closeRoundByOwner(deps, user.id, c.req.param('roundId')));
    })
    .put('/:roundId/triage', validateJson(triageBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(triageItem(deps, user.id, c.req.param('roundId'), c.req.valid('json')));
    })
    .post('/:roundId/complete', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(completeRound(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/summary', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(roundSummary(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/summary.md', (c) => {
      const { user } = requireAuth(c.get('auth'));
      const summary = roundSummary(deps, user.id, c.req.param('roundId'));
      c.header('Content-Type', 'text/markdown; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="feedbackronde-samenvatting.md"');
      return c.body(summaryMarkdown(summary));
    })
    .get('/:roundId/summary.html', (c) => {
      const { user } = requireAuth(c.get('auth'));
      const summary = roundSummary(deps, user.id, c.req.param('roundId'));
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(summaryHtml(summary));
    })
    .post('/:roundId/carry-over', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(carryOver(deps, user.id, c.req.param('roundId')));
    })
    .get('/:roundId/events', (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { round } = authorizeRound(deps.stores, user.id, c.req.param('roundId'), 'viewVersion');
      return changeStream(c, round.doc_id, round.id);
    });
}

/** /api/round-links/:token — public description; accepting needs a session. */
export function roundLinkRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:token', (c) => c.json(describeRoundLink(deps, c.req.param('token'))))
    .post('/:token/accept', authRequired, (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(acceptRoundLink(deps, user.id, c.req.param('token')));
    });
}

/**
 * /api/me/rounds, /api/notifications, /api/teams-directory — mounted at the API root, so the session
 * check is per route (a `use` here would cover every API path).
 */
export function roundPersonalRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/me/rounds', authRequired, (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(myReviewRounds(deps, user.id));
    })
    .get('/notifications', authRequired, (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(listNotifications(deps, user.id));
    })
    .post('/notifications/read', authRequired, validateJson(markReadBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(markNotificationsRead(deps, user.id, c.req.valid('json')));
    })
    .get('/teams-directory', authRequired, validateQuery(directoryQuery), (c) => {
      requireAuth(c.get('auth'));
      return c.json(teamsDirectory(deps, c.req.valid('query').q));
    });
}
