import { useId, useRef, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { CurrentUser } from '../account/accountApi';
import { toApiError, type ApiError } from '../../api/request';
import { removeMember } from './teamsApi';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../app/router';
import { LogOut } from 'lucide-react';

/** "Team verlaten" for every member, with a confirmation step; the last owner gets the server's no. */
export function LeaveTeam({ teamId, me }: { teamId: string; me: CurrentUser }) {
  const t = useT();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // The confirmation replaces the button; when it closes, focus goes back to the button.
  const closeConfirmation = () => {
    setConfirming(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const leave = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await removeMember(teamId, me.id);
      navigate('/');
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
      closeConfirmation();
    }
  };

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('leave.heading')}</h2>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby={`${headingId}-q`}>
          <p id={`${headingId}-q`}>{t('leave.confirm')}</p>
          <button type="button" className="button button--danger" onClick={leave} autoFocus>
            {t('leave.confirmYes')}
          </button>
          <button type="button" className="button" onClick={closeConfirmation}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="button button--danger"
          onClick={() => setConfirming(true)}
          data-testid="leave-team"
        >
          <LogOut aria-hidden="true" />
          {t('leave.button')}
        </button>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
