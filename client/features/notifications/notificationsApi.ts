import type { InferRequestType, InferResponseType } from 'hono/client';
import { api } from '../../api/client';
import { readJson } from '../../api/request';

/** GET /api/notifications — the unread count and the newest notifications. */
export type NotificationList = InferResponseType<typeof api.notifications.$get, 200>;

/** GET /api/notifications */
export function listNotifications(): Promise<NotificationList> {
  return readJson(api.notifications.$get());
}

/** Marks some (ids) or all notifications as read; answers the new unread count. */
export function markNotificationsRead(body: InferRequestType<typeof api.notifications.read.$post>['json']) {
  return readJson(api.notifications.read.$post({ json: body }));
}

/**
 * Fired on `window` when something the user did or saw may have created notifications (a comment
 * arrived live); the bell fetches its count again.
 */
export const NOTIFICATIONS_REFRESH_EVENT = 'werkplaats:notifications-refresh';
