import { Hono } from 'hono';
import { changePasswordBody, loginBody, signupBody } from '../../../shared/schemas/auth';
import { changePassword, login, logout, signup } from '../../commands/accounts';
import { authRequired, requireAuth } from '../../auth/middleware';
import { clearSessionCookie, setSessionCookie } from '../../auth/cookies';
import type { AppDeps, AppEnv } from '../../deps';
import { clientAddress } from '../../http/address';
import { validateJson } from '../../http/validate';

/** /api/auth — sign-up, login, logout, password change. */
export function authRoutes(deps: AppDeps) {
  const cookieMaxAge = Math.floor(deps.sessions.policy.absoluteLifetimeMs / 1000);
  const me = (user: { id: string; email: string; name: string }) => ({
    id: user.id,
    email: user.email,
    name: user.name,
  });

  return new Hono<AppEnv>()
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
    });
}
