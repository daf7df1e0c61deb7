import { DELETED_USER_NAME } from '../stores/users';

/**
 * Where a notification's text names the person who caused it. The name itself is never stored: it
 * is filled in when the notification is read, so a deleted account's name leaves every inbox (AVG).
 */
export const ACTOR_PLACEHOLDER = '{actor}';

/** A stored notification text that starts with the actor's name: `rest` follows the name. */
export function actorText(rest: string): string {
  return `${ACTOR_PLACEHOLDER}${rest}`;
}

/**
 * The text to show: the actor's current name in place of the placeholder, "verwijderde gebruiker"
 * once the account is gone. Only a leading placeholder counts, so a document title that happens to
 * contain it is shown as typed.
 */
export function renderNotificationText(text: string, actorName: string | null): string {
  if (!text.startsWith(ACTOR_PLACEHOLDER)) return text;
  return `${actorName ?? DELETED_USER_NAME}${text.slice(ACTOR_PLACEHOLDER.length)}`;
}
