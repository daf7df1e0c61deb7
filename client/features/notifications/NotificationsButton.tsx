import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Notification } from '../../../shared/schemas/rounds';
import {
  listNotifications,
  markNotificationsRead,
  NOTIFICATIONS_REFRESH_EVENT,
  type NotificationList,
} from './notificationsApi';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';

const POLL_MS = 30_000;

/**
 * The bell in the header: the unread count in its accessible name ("Meldingen, 3 ongelezen"), a
 * list of notifications in a disclosure popover (mark one or all read; opening one marks it read).
 * Fetched every 30 s while the page is visible, when the window gets focus, and when a comment
 * arrives live (NOTIFICATIONS_REFRESH_EVENT).
 */
export function NotificationsButton() {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const [data, setData] = useState<NotificationList | null>(null);
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => {
    listNotifications().then(setData, () => undefined);
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    window.addEventListener('focus', refresh);
    window.addEventListener(NOTIFICATIONS_REFRESH_EVENT, refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      window.removeEventListener(NOTIFICATIONS_REFRESH_EVENT, refresh);
    };
  }, [refresh]);

  // Close on a click outside; Escape closes and returns focus to the bell.
  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const markRead = (body: { ids: number[] } | { all: true }) => {
    markNotificationsRead(body).then(
      () => refresh(),
      () => undefined,
    );
    // Shown as read at once; the next fetch confirms.
    setData((current) =>
      current
        ? {
            unread:
              'all' in body
                ? 0
                : Math.max(
                    0,
                    current.unread -
                      current.items.filter((item) => body.ids.includes(item.id) && !item.readAt).length,
                  ),
            items: current.items.map((item) =>
              'all' in body || body.ids.includes(item.id)
                ? { ...item, readAt: item.readAt ?? new Date().toISOString() }
                : item,
            ),
          }
        : current,
    );
  };

  const unread = data?.unread ?? 0;
  const name = unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button');

  return (
    <div
      className="notifications"
      ref={wrapperRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button--small notifications__button"
        aria-label={name}
        aria-expanded={open}
        aria-controls={popoverId}
        data-testid="notifications-button"
        data-unread={unread}
        onClick={() => {
          const next = !open;
          setOpen(next);
          if (next) refresh();
        }}
      >
        <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 24 24">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="notifications__count" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </button>
      <div
        id={popoverId}
        className="notifications__popover"
        role="region"
        aria-labelledby={headingId}
        hidden={!open}
        data-testid="notifications-popover"
      >
        <div className="comments-panel__head">
          <h2 id={headingId}>{t('notifications.heading')}</h2>
          {unread > 0 ? (
            <button
              type="button"
              className="button button--small"
              data-testid="notifications-read-all"
              onClick={() => markRead({ all: true })}
            >
              {t('notifications.markAll')}
            </button>
          ) : null}
        </div>
        {data === null ? <p className="muted">{t('notifications.loading')}</p> : null}
        {data && data.items.length === 0 ? <p className="empty-state">{t('notifications.empty')}</p> : null}
        {data && data.items.length > 0 ? (
          <ul className="notifications__list">
            {data.items.map((item) => (
              <NotificationItem
                key={item.id}
                item={item}
                time={formatDate(item.createdAt)}
                onRead={() => markRead({ ids: [item.id] })}
                onOpen={() => {
                  if (!item.readAt) markRead({ ids: [item.id] });
                  setOpen(false);
                }}
              />
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

function NotificationItem({
  item,
  time,
  onRead,
  onOpen,
}: {
  item: Notification;
  time: string;
  onRead: () => void;
  onOpen: () => void;
}) {
  const t = useT();
  const unread = !item.readAt;
  return (
    <li
      className={`notifications__item${unread ? ' notifications__item--unread' : ''}`}
      data-testid="notification"
      data-read={unread ? 'false' : 'true'}
    >
      {unread ? <span className="visually-hidden">{t('notifications.unread')}: </span> : null}
      <Link to={item.link} onClick={onOpen}>
        {item.text}
      </Link>
      <span className="notifications__time">{time}</span>
      {unread ? (
        <button type="button" className="button button--small button--link" onClick={onRead}>
          {t('notifications.markRead')}
          <span className="visually-hidden"> ({item.text})</span>
        </button>
      ) : null}
    </li>
  );
}
