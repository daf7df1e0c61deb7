import { Hono } from 'hono';
import { changePasswordBody, loginBody, passwordResetBody, signupBody } from '../../../shared/schemas/auth';
import { changePassword, login, logout, signup } from '../../commands/accounts';
import { redeemPasswordReset } from '../../commands/passwordReset';
import { authConfig } from '../../commands/signupPolicy';
import { authRequired, requireAuth } from '../../auth/middleware';
import { clearSessionCookie, setSessionCookie } from '../../auth/cookies';
import type { AppDeps, AppEnv } from '../../deps';
import { clientAddress } from '../../http/address';
import { validateJson } from '../../http/validate';

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
    .get('/config', (c) => c.json(authConfig(deps.env)))
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
