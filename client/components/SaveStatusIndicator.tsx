import type { SaveState } from '../realtime/SaveTracker';
import { useT } from '../i18n/I18nProvider';

const LABELS = { saved: 'status.saved', saving: 'status.saving', offline: 'status.offline' } as const;

/** The save status line; a polite live region, so changes are announced without interrupting. */
export function SaveStatusIndicator({ state }: { state: SaveState }) {
  const t = useT();
  return (
    <p
      className={`save-status save-status--${state}`}
      role="status"
      data-testid="save-status"
      data-state={state}
    >
      <span className="save-status__icon" aria-hidden="true" />
      {t(LABELS[state])}
    </p>
  );
}
