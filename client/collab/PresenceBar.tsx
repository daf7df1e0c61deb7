import type { PresentUser } from './hooks';
import { useT } from '../i18n/I18nProvider';

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => Array.from(part)[0] ?? '');
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters;
  return picked.join('').toUpperCase() || '?';
}

/** One avatar per person in the document (yourself first, marked "(jij)"), in their own colour. */
export function PresenceBar({ users }: { users: PresentUser[] }) {
  const t = useT();
  return (
    <ul className="presence" data-testid="presence" aria-label={t('editor.presenceLabel')}>
      {users.map((user) => {
        const name = user.name ?? t('editor.anonymous');
        const label = user.isSelf ? t('editor.presenceYou', { name }) : name;
        return (
          <li
            key={user.clientId}
            className="presence__user"
            data-testid="presence-avatar"
            data-client-id={user.clientId}
            data-self={user.isSelf ? 'true' : undefined}
            title={label}
          >
            <span
              className="presence__avatar"
              style={{ backgroundColor: user.color }}
              role="img"
              aria-label={label}
            >
              <span aria-hidden="true">{initials(name)}</span>
            </span>
            {/* Visible for sighted users; screen readers already heard it as the avatar's name. */}
            <span className="presence__name" aria-hidden="true">
              {label}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
