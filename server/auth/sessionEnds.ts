import type { SessionEndStore } from '../stores/sessionEnds';
import { log } from '../log';

/** How often a server reads session ends announced by other processes. */
export const SESSION_END_POLL_MS = 2_000;

/**
 * Closes, every `intervalMs`, the sockets and event streams of sessions another process ended (the
 * admin command writes `session_ends`). Starts after the newest row: what was announced before this
 * server started concerns no socket of it. An announcement whose id a slower concurrent transaction
 * committed behind the cursor is missed here; the sockets' own session sweep still closes them.
 */
export async function watchSessionEnds(
  store: SessionEndStore,
  rooms: { closeSessionsHere(sessionIds: readonly string[], reason: string): void },
  intervalMs = SESSION_END_POLL_MS,
): Promise<{ stop(): void }> {
  let cursor = await store.latestId();
  let reading = false;
  const read = async () => {
    const ends = await store.after(cursor);
    if (ends.length === 0) return;
    cursor = ends.at(-1)!.id;
    const byReason = new Map<string, string[]>();
    for (const end of ends) byReason.set(end.reason, [...(byReason.get(end.reason) ?? []), end.sessionId]);
    for (const [reason, sessionIds] of byReason) rooms.closeSessionsHere(sessionIds, reason);
  };
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    read()
      .catch((error: unknown) => log.warn('could not read ended sessions', { error: String(error) }))
      .finally(() => (reading = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
