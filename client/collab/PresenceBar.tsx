import type { PresentUser } from './hooks';
import { useT } from '../i18n/I18nProvider';
import { useAnnouncer } from '../ui/useAnnouncer';
import { findCaret, showCaret } from './caretJump';

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => Array.from(part)[0] ?? '');
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters;
  return picked.join('').toUpperCase() || '?';
}

/**
 * One avatar per person in the document (yourself first, marked "(jij)"), in their own colour.
 * Another person's avatar is a button: it scrolls to their caret and makes it flash, or says
 * (politely) that they have no caret in the text right now.
 */
export function PresenceBar({ users }: { users: PresentUser[] }) {
  const t = useT();
  const [message, announce] = useAnnouncer();
  const jump = (user: PresentUser, name: string) => {
    const caret = findCaret(name.trim() || '?', user.color);
    if (caret) {
      showCaret(caret);
      announce(t('presence.caretShown', { name }));
    } else {
      announce(t('presence.noCaret', { name }));
    }
  };
  return (
    <div className="presence-bar">
      <ul className="presence" data-testid="presence" aria-label={t('editor.presenceLabel')}>
        {users.map((user) => {
          const name = user.name ?? t('editor.anonymous');
          const label = user.isSelf ? t('editor.presenceYou', { name }) : name;
          const avatar = (
            <span className="presence__avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
              {initials(name)}
            </span>
          );
          return (
            <li
              key={user.clientId}
              className="presence__user"
              data-testid="presence-avatar"
              data-client-id={user.clientId}
              data-self={user.isSelf ? 'true' : undefined}
              title={user.isSelf ? label : t('presence.jumpTo', { name })}
            >
              {user.isSelf ? (
                <>
                  {avatar}
                  <span className="presence__name">{label}</span>
                </>
              ) : (
                // Named by its text (not aria-label), so the name a speech user says is the one shown.
                <button
                  type="button"
                  className="presence__button"
                  data-testid="presence-jump"
                  onClick={() => jump(user, name)}
                >
                  {avatar}
                  <span className="presence__name">
                    <span className="visually-hidden">{t('presence.jumpToPrefix')} </span>
                    {name}
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" className="visually-hidden" data-testid="presence-announcer">
        {message}
      </p>
    </div>
  );
}
