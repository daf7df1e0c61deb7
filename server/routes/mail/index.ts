import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/apiError';
import { verifyUnsubscribeToken } from '../../mail/unsubscribe';

/**
 * /api/mail — the one-click unsubscribe of RFC 8058: `POST /unsubscribe/:token` switches the
 * token's person's notification mail off, without a session. Mounted before the API's origin check:
 * a mail client posts from no page of ours, and the signed token is the whole proof (it can only
 * ever turn mail off).
 */
export function mailRoutes(deps: AppDeps) {
  return new Hono().post('/unsubscribe/:token', async (c) => {
    const key = await deps.stores.mailPreferences.unsubscribeKey();
    const userId = verifyUnsubscribeToken(key, c.req.param('token'));
    if (!userId || !(await deps.stores.users.get(userId))) {
      throw new ApiError(404, 'unsubscribe_link_unknown', 'Deze afmeldlink klopt niet.');
    }
    await deps.stores.mailPreferences.set(userId, 'off');
    return c.json({ emailNotifications: 'off' as const });
  });
}
