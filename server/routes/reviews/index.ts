import { Hono } from 'hono';
import { addressedBody, frameBody, judgementsBody } from '../../../shared/schemas/reviews';
import { authRequired, requireAuth } from '../../auth/middleware';
import { saveFrame, saveJudgements, setAddressed } from '../../commands/externalReview/judging';
import {
  designReviews,
  qualityFrame,
  reviewDetail,
  reviewQueue,
} from '../../commands/externalReview/queries';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson } from '../../http/validate';

/**
 * /api/reviews — the externe toetsing: the toetsingscommissies (whom to submit to), a committee's
 * queue and quality frame, a submission with its judgements, and a design's reports for its team.
 * The decision itself is POST /api/designs/:id/status.
 */
export function reviewRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/committees', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      // mayCreate: the client offers the team kind "toetsingscommissie" only to administrators.
      return c.json({
        committees: await deps.stores.reviews.committees(),
        mayCreate: await deps.stores.users.isAdmin(user.id),
      });
    })
    .get('/teams/:teamId/queue', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await reviewQueue(deps, user.id, c.req.param('teamId')));
    })
    .get('/teams/:teamId/frame', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await qualityFrame(deps, user.id, c.req.param('teamId')));
    })
    .put('/teams/:teamId/frame', validateJson(frameBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await saveFrame(deps, user.id, c.req.param('teamId'), c.req.valid('json')));
    })
    .get('/design/:docId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await designReviews(deps, user.id, c.req.param('docId')));
    })
    .put('/design/:docId/:assignmentId/:criterionId', validateJson(addressedBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { docId, assignmentId, criterionId } = c.req.param();
      await setAddressed(deps, user.id, docId, assignmentId, criterionId, c.req.valid('json').addressed);
      return c.body(null, 204);
    })
    .get('/:assignmentId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await reviewDetail(deps, user.id, c.req.param('assignmentId')));
    })
    .put('/:assignmentId/judgements', validateJson(judgementsBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await saveJudgements(deps, user.id, c.req.param('assignmentId'), c.req.valid('json'));
      return c.json(await reviewDetail(deps, user.id, c.req.param('assignmentId')));
    });
}
