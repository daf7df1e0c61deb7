import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { collabRoutes, collabSockets } from './collab/route';
import type { AppDeps, AppEnv } from './deps';
import { loadSession } from './auth/middleware';
import { ApiError } from './http/apiError';
import { authRoutes } from './routes/auth';
import { inviteRoutes } from './routes/invites';
import { meRoutes } from './routes/me';
import { teamRoutes } from './routes/teams';
import { templateRoutes } from './routes/templates';
import { designRoutes } from './routes/designs';
import { trajectRoutes } from './routes/trajects';
import { versionsRoutes } from './routes/versions';
import { reviewRoutes } from './routes/reviews';
import { lifecycleRoutes } from './routes/lifecycle';
import { catalogRoutes } from './routes/catalog';
import { certificateRoutes } from './routes/certificates';
import { errorBody, sendError } from './http/errors';
import { EventStreams } from './http/eventStreams';
import { frontDoor } from './http/frontDoor';
import { mailRoutes } from './routes/mail';
import { requireSameOrigin } from './http/origin';
import { accessLog, requestIdOf } from './http/accessLog';
import { loggedPath } from './http/loggedPath';
import { staticClient } from './http/staticClient';
import { log } from './log';
import { documentRoutes } from './routes/documents';
import { readyRoutes } from './routes/ready';
import { searchRoutes } from './routes/search';
import { exampleRoutes } from './routes/examples';
import { countRequests } from './metrics/httpRequests';
import { metricsHandler } from './metrics/route';
import {
  commentRoutes,
  documentRoundRoutes,
  roundPersonalRoutes,
  roundLinkRoutes,
  roundRoutes,
} from './routes/rounds';

/** Where `vite build` puts the client. */
export const CLIENT_DIST = fileURLToPath(new URL('../dist/client/', import.meta.url));

function apiRoutes(deps: AppDeps) {
  const streams = new EventStreams(deps.rooms, { isSessionLive: (id) => deps.sessions.isLive(id) });
  return (
    new Hono<AppEnv>()
      .use(requireSameOrigin(deps.env.ALLOWED_ORIGINS))
      .use(loadSession(deps))
      .use(
        bodyLimit({
          maxSize: deps.env.MAX_BODY_BYTES,
          onError: (c) => {
            // The rest of the body is not read, so this connection cannot be reused.
            c.header('Connection', 'close');
            return sendError(c, 413, 'body_too_large', 'Het verzoek is te groot.');
          },
        }),
      )
      .get('/health', (c) => c.json({ ok: true }))
      .route('/ready', readyRoutes(deps))
      .route('/auth', authRoutes(deps))
      .route('/me', meRoutes(deps))
      .route('/teams', teamRoutes(deps))
      .route('/invites', inviteRoutes(deps))
      .route('/templates', templateRoutes(deps))
      .route('/documents', documentRoutes(deps))
      .route('/designs', designRoutes(deps))
      // Versions, restore, diff and exports of any collaborative document (designs, drafts, documents).
      .route('/documents', versionsRoutes(deps))
      // The contract's /api/designs/:id/versions and /export are the same routes.
      .route('/designs', versionsRoutes(deps))
      .route('/designs', lifecycleRoutes(deps))
      .route('/catalog', catalogRoutes(deps))
      .route('/search', searchRoutes(deps))
      .route('/examples', exampleRoutes(deps))
      .route('/reviews', reviewRoutes(deps))
      .route('/trajects', trajectRoutes(deps))
      // Comments and feedback rounds (comments never travel through the Y.Doc).
      .route('/documents', documentRoundRoutes(deps, streams))
      .route('/comments', commentRoutes(deps))
      .route('/rounds', roundRoutes(deps, streams))
      .route('/round-links', roundLinkRoutes(deps))
      .route('/', roundPersonalRoutes(deps))
      // Certificates of designs and trajects, and each team's EVC procedure.
      .route('/', certificateRoutes(deps))
  );
}

/** Composes the HTTP API, the sync endpoint and the static client. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  // First, so it sees every request's final status and the route that answered it.
  app.use(countRequests(deps.metrics.httpRequests));
  // Before the front door, so a 421 is logged and carries its request id too.
  app.use(accessLog());
  // Client address, own origin, the Host check (421) and the security headers, for every response.
  app.use(frontDoor(deps.env));
  // The WebSocket upgrade is served beside the app, not through it (see collabSockets).
  const sockets = collabSockets(deps);

  const api = apiRoutes(deps);
  // Before /api and its origin check: mail clients unsubscribe from outside (RFC 8058).
  app.route('/api/mail', mailRoutes(deps));
  app.route('/api', api);
  app.route('/collab', collabRoutes(deps));
  app.all('/api/*', (c) => sendError(c, 404, 'not_found', 'Deze API-route bestaat niet.'));
  // Outside /api: no session, no origin check; the bearer token decides (server/metrics/route.ts).
  app.get('/metrics', metricsHandler(deps.metrics.registry, deps.env.METRICS_TOKEN));

  // The built client; client-side routes (/d/:id …) all load its single page.
  if (fs.existsSync(CLIENT_DIST)) app.route('/', staticClient(CLIENT_DIST));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof HTTPException) {
      const status = error.status;
      if (status === 400)
        return c.json(errorBody('invalid_body', 'De inhoud van het verzoek is geen geldige JSON.'), 400);
      return c.json(errorBody('http_error', error.message || 'Verzoek mislukt.'), status);
    }
    log.error('unhandled request error', {
      requestId: requestIdOf(c),
      path: loggedPath(c.req.path),
      error: String(error),
    });
    return c.json(errorBody('internal', 'Er ging iets mis op de server. Probeer het opnieuw.'), 500);
  });

  return { app, api, injectWebSocket: sockets.injectWebSocket, wss: sockets.wss };
}

/** The typed API, for `hc<AppType>` in the client. */
export type AppType = ReturnType<typeof apiRoutes>;
