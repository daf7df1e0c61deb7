import { useEffect, useRef } from 'react';
import type { Capability, Role } from '../../../shared/domain/roles';
import { getDocument } from './documentsApi';
import { toApiError } from '../../api/request';
import { CLOSE_ACCESS_CHANGED } from '../../collab/ConnectionEndTracker';
import type { SaveState } from '../../collab/SaveTracker';
import type { CollabSession } from '../../collab/session';

/** The caller's role on the open document and what it allows. */
export interface DocumentAccess {
  role: Role;
  capabilities: Capability[];
}

/** An update unacknowledged for this long suggests the server drops our writes (read-only now). */
const UNACKED_RECHECK_MS = 1_500;
/** Checks triggered by events are at least this far apart. */
const MIN_GAP_MS = 1_000;

function sameAccess(a: DocumentAccess, b: DocumentAccess): boolean {
  return (
    a.role === b.role &&
    a.capabilities.length === b.capabilities.length &&
    a.capabilities.every((capability) => b.capabilities.includes(capability))
  );
}

/**
 * Keeps the role on the open document current by asking GET /api/documents/:id again:
 * - at once when the server says our access changed: its access-changed message on the open
 *   socket, or a close with 4500 (write access changed; the socket reconnects with the new one);
 * - whenever the socket (re)connects or closes: a message sent while we were away is lost, and a
 *   refused reconnect arrives only as 1006;
 * - when the tab becomes visible again: a cheap safety net for a change the server could not
 *   push (made outside this server process);
 * - when a local change stays unacknowledged for UNACKED_RECHECK_MS while we think we may edit:
 *   the symptom of a server that now drops our updates, so the editor locks within ~2 s of typing.
 * 401 ends the session and 403/404 the access (through the end tracker, which shows why).
 */
export function useDocumentAccess(
  session: CollabSession,
  access: DocumentAccess,
  onAccessChange: (access: DocumentAccess) => void,
  saveState: SaveState,
  canEdit: boolean,
): void {
  const latest = useRef({ access, onAccessChange });
  useEffect(() => {
    latest.current = { access, onAccessChange };
  }, [access, onAccessChange]);
  const recheckRef = useRef<(force?: boolean) => void>(() => undefined);

  useEffect(() => {
    const { provider, endTracker, accessChanges, docId } = session;
    let inFlight = false;
    /** A forced check arrived while one was in flight (whose answer may predate the change). */
    let again = false;
    let lastCheck = 0;
    let disposed = false;

    /** `force`: even right after another check, and again after one still in flight. */
    const recheck = (force = false) => {
      if (disposed || endTracker.getSnapshot() !== null) return;
      if (inFlight) {
        again ||= force;
        return;
      }
      const now = Date.now();
      if (!force && now - lastCheck < MIN_GAP_MS) return;
      inFlight = true;
      lastCheck = now;
      const settle = () => {
        inFlight = false;
        if (again && !disposed) {
          again = false;
          recheck(true);
        }
      };
      getDocument(docId, { reportUnauthenticated: false }).then(
        (document) => {
          if (!disposed) {
            const next = { role: document.role, capabilities: document.capabilities };
            if (!sameAccess(next, latest.current.access)) latest.current.onAccessChange(next);
          }
          settle();
        },
        (error: unknown) => {
          if (!disposed) {
            const { status } = toApiError(error);
            if (status === 401) endTracker.end('sessionEnded');
            else if (status === 403 || status === 404) endTracker.end('accessWithdrawn');
            // Anything else (offline, 5xx): try again at the next occasion.
          }
          settle();
        },
      );
    };
    recheckRef.current = recheck;

    const onVisible = () => {
      if (document.visibilityState === 'visible') recheck();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') recheck();
    };
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_ACCESS_CHANGED) recheck(true);
      else if (navigator.onLine) recheck();
    };
    const stopListening = accessChanges.subscribe(() => recheck(true));
    document.addEventListener('visibilitychange', onVisible);
    provider.on('status', onStatus);
    provider.on('connection-close', onClose);
    return () => {
      disposed = true;
      stopListening();
      document.removeEventListener('visibilitychange', onVisible);
      provider.off('status', onStatus);
      provider.off('connection-close', onClose);
    };
  }, [session]);

  useEffect(() => {
    if (!canEdit || saveState !== 'saving') return;
    const timer = window.setTimeout(() => recheckRef.current(), UNACKED_RECHECK_MS);
    return () => window.clearTimeout(timer);
  }, [canEdit, saveState]);
}

/**
 * Reacts to a change of edit access while the document is open:
 * - gained: reconnect, so the new socket's update counter starts at 0 like the server's (the old
 *   read-only socket sent frames the server dropped without counting them);
 * - lost with unsaved local changes: the server will never accept them, so the offline copy is
 *   discarded and the document reopened from the server (`onDiscard`).
 */
export function useEditAccessTransitions(
  session: CollabSession,
  mayEdit: boolean,
  onDiscard: () => void,
): void {
  const previous = useRef(mayEdit);
  useEffect(() => {
    const was = previous.current;
    previous.current = mayEdit;
    if (was === mayEdit || session.endTracker.getSnapshot() !== null) return;
    if (mayEdit) {
      session.provider.disconnect();
      session.provider.connect();
    } else if (session.saveTracker.hasUnsavedChanges()) {
      onDiscard();
    }
  }, [mayEdit, session, onDiscard]);
}
