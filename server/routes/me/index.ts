import { Hono } from 'hono';
import { deleteAccountBody } from '../../../shared/schemas/auth';
import { patchMeBody } from '../../../shared/schemas/mail';
import { deleteAccount, exportAccount } from '../../commands/accounts';
import { authRequired, requireAuth } from '../../auth/middleware';
import { clearSessionCookie } from '../../auth/cookies';
import type { AppDeps, AppEnv } from '../../deps';
import { clientAddress } from '../../http/address';
import { validateJson } from '../../http/validate';
import type { Me } from '../../../shared/domain/mail';

/** /api/me — the signed-in user: profile, mail preference, data export, account deletion. */
export function meRoutes(deps: AppDeps) {
  const presentMe = async (user: { id: string; email: string; name: string }): Promise<Me> => ({
    id: user.id,
    email: user.email,
    name: user.name,
    emailNotifications: await deps.stores.mailPreferences.get(user.id),
  });
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await presentMe(user));
    })
    .patch('/', validateJson(patchMeBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { name, emailNotifications } = c.req.valid('json');
      if (name !== undefined) await deps.stores.users.setName(user.id, name);
      if (emailNotifications !== undefined)
        await deps.stores.mailPreferences.set(user.id, emailNotifications);
      return c.json(await presentMe({ ...user, name: name ?? user.name }));
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
