import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/I18nProvider';
import type { ConnectionEnd } from './ConnectionEndTracker';
import type { SaveState } from './SaveTracker';

/** What the status line shows: the save state, adjusted for read-only access and a closed connection. */
export type StatusDisplay = SaveState | 'readOnly' | ConnectionEnd;

/** Picks the status to show: an ended connection wins; a reader has nothing to save. */
export function statusDisplay(
  save: SaveState,
  ended: ConnectionEnd | null,
  readOnly: boolean,
): StatusDisplay {
  if (ended) return ended;
  if (readOnly && (save === 'saved' || save === 'saving')) return 'readOnly';
  return save;
}

const LABELS: Record<StatusDisplay, MessageKey> = {
  connecting: 'status.connecting',
  saved: 'status.saved',
  saving: 'status.saving',
  offline: 'status.offline',
  readOnly: 'status.readOnly',
  sessionEnded: 'status.sessionEnded',
  accessWithdrawn: 'status.accessWithdrawn',
  documentTooLarge: 'status.documentTooLarge',
};

const DATA_STATES: Record<StatusDisplay, string> = {
  connecting: 'connecting',
  saved: 'saved',
  saving: 'saving',
  offline: 'offline',
  readOnly: 'read-only',
  sessionEnded: 'session-ended',
  accessWithdrawn: 'access-withdrawn',
  documentTooLarge: 'document-too-large',
};

/** The save status line; a polite live region, so changes are announced without interrupting. */
export function SaveStatusIndicator({
  state,
  readOnly = false,
}: {
  state: StatusDisplay;
  readOnly?: boolean;
}) {
  const t = useT();
  const dataState = DATA_STATES[state];
  const label = state === 'offline' && readOnly ? 'status.offlineReadOnly' : LABELS[state];
  return (
    <p
      className={`save-status save-status--${dataState}`}
      role="status"
      data-testid="save-status"
      data-state={dataState}
    >
      <span className="save-status__icon" aria-hidden="true" />
      {t(label)}
    </p>
  );
}
