import { Hono } from 'hono';
import { deleteAccountBody, updateMeBody } from '../../../shared/schemas/auth';
import { deleteAccount, exportAccount } from '../../commands/accounts';
import { authRequired, requireAuth } from '../../auth/middleware';
import { clearSessionCookie } from '../../auth/cookies';
import type { AppDeps, AppEnv } from '../../deps';
import { clientAddress } from '../../http/address';
import { validateJson } from '../../http/validate';

/** /api/me — the signed-in user: profile, data export, account deletion. */
export function meRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json({ id: user.id, email: user.email, name: user.name });
    })
    .patch('/', validateJson(updateMeBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { name } = c.req.valid('json');
      await deps.stores.users.setName(user.id, name);
      return c.json({ id: user.id, email: user.email, name });
    })
    .get('/export', async (c) => {
      const auth = requireAuth(c.get('auth'));
      c.header('Content-Disposition', 'attachment; filename="werkplaats-mijn-gegevens.json"');
      return c.json(await exportAccount(deps, auth.user));
    })
    .delete('/', validateJson(deleteAccountBody), async (c) => {
      const auth = requireAuth(c.get('auth'));
      await deleteAccount(deps, auth.user, c.req.valid('json').password, clientAddress(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
