import type { Notification } from '../../shared/schemas/feedback';
import { requestJson } from './request';

export interface NotificationList {
  unread: number;
  items: Notification[];
}

export function listNotifications(): Promise<NotificationList> {
  return requestJson<NotificationList>('/api/notifications');
}

/** Marks some (ids) or all notifications as read; answers the new unread count. */
export function markNotificationsRead(body: { ids: number[] } | { all: true }): Promise<{ unread: number }> {
  return requestJson<{ unread: number }>('/api/notifications/read', { method: 'POST', body });
}

/**
 * Fired on `window` when something the user did or saw may have created notifications (a comment
 * arrived live); the bell fetches its count again.
 */
export const NOTIFICATIONS_REFRESH_EVENT = 'werkplaats:notifications-refresh';
