import { Hono } from 'hono';
import { changePasswordBody, loginBody, passwordResetBody, signupBody } from '../../../shared/schemas/auth';
import { changePassword, login, logout, signup } from '../../commands/accounts';
import { mailPasswordReset, redeemPasswordReset } from '../../commands/passwordReset';
import { passwordResetRequestBody } from '../../../shared/schemas/mail';
import { addressKey } from '../../auth/limiters';
import { ApiError } from '../../http/apiError';
import { publicOrigin } from '../../http/origin';
import { log } from '../../log';
import { authConfig } from '../../commands/signupPolicy';
import { authRequired, requireAuth } from '../../auth/middleware';
import { clearSessionCookie, setSessionCookie } from '../../auth/cookies';
import type { AppDeps, AppEnv } from '../../deps';
import { clientAddress } from '../../http/address';
import { validateJson } from '../../http/validate';

/** The answer to every reset request, whether the address has an account or not. */
const RESET_REQUESTED = {
  message:
    'Als er een account met dit e-mailadres is, krijgt het binnen enkele minuten een mail met een link om een nieuw wachtwoord te kiezen.',
};

/**
 * /api/auth — sign-up, login, logout, password change; public: the sign-up policy (the client shows
 * the form only when it can succeed) and a reset link's second step (the token is the proof; every
 * session of its user ends and their sockets close).
 */
export function authRoutes(deps: AppDeps) {
  const cookieMaxAge = Math.floor(deps.sessions.policy.absoluteLifetimeMs / 1000);
  const me = (user: { id: string; email: string; name: string }) => ({
    id: user.id,
    email: user.email,
    name: user.name,
  });

  return new Hono<AppEnv>()
    .get('/config', (c) => c.json({ ...authConfig(deps.env), mail: deps.mail.enabled }))
    .post('/password-reset', validateJson(passwordResetRequestBody), async (c) => {
      if (!(await deps.limiters.resetRequestsByAddress.attempt(addressKey(clientAddress(c))))) {
        throw new ApiError(
          429,
          'rate_limited',
          'Te veel aanvragen vanaf dit adres. Probeer het over een uur opnieuw.',
        );
      }
      // The lookup and the mail happen after the answer: same body and same timing for every address.
      const origin = publicOrigin(c);
      void mailPasswordReset(deps, c.req.valid('json').email, origin).catch((error: unknown) => {
        log.error('could not queue a password-reset mail', { error: String(error) });
      });
      return c.json(RESET_REQUESTED, 202);
    })
    .post('/signup', validateJson(signupBody), async (c) => {
      const { user, token } = await signup(deps, c.req.valid('json'), clientAddress(c));
      setSessionCookie(c, token, cookieMaxAge);
      return c.json(me(user), 201);
    })
    .post('/login', validateJson(loginBody), async (c) => {
      const { user, token } = await login(deps, c.req.valid('json'), clientAddress(c));
      setSessionCookie(c, token, cookieMaxAge);
      return c.json(me(user));
    })
    .post('/logout', async (c) => {
      const auth = c.get('auth');
      if (auth) await logout(deps, auth.user.id, auth.session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .post('/password', authRequired, validateJson(changePasswordBody), async (c) => {
      const auth = requireAuth(c.get('auth'));
      const body = c.req.valid('json');
      await changePassword(
        deps,
        auth.user,
        auth.session.id,
        body.currentPassword,
        body.newPassword,
        clientAddress(c),
      );
      return c.body(null, 204);
    })
    .post('/password-reset/:token', validateJson(passwordResetBody), async (c) => {
      const ended = await redeemPasswordReset(deps, c.req.param('token'), c.req.valid('json').password);
      deps.rooms.closeSessions(ended, 'wachtwoord hersteld');
      return c.body(null, 204);
    });
}
