import '../../styles/frames.css';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { setTrajectAgreement, type TrajectItemView, type TrajectView } from './trajectsApi';

/**
 * Under a leerarrangement of another provider: the note of 001 l.283 (a provider of single
 * arrangements makes agreements with the provider of the whole traject) and the owner's checkbox
 * recording that the agreement was made (R9 of the traject reads it).
 */
export function TrajectAgreement({
  data,
  item,
  canRecord,
  onSaved,
}: {
  data: TrajectView;
  item: TrajectItemView;
  /** The traject's owner, while its items are not frozen. */
  canRecord: boolean;
  onSaved: (data: TrajectView) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const team = item.teamName ?? '';
  // The box shows the owner's choice at once; the saved traject confirms it (or an error undoes it).
  const [choice, setChoice] = useState<boolean | null>(null);
  const made = choice ?? data.agreements.includes(item.designId);

  const change = async (confirmed: boolean) => {
    setBusy(true);
    setError(null);
    setChoice(confirmed);
    try {
      onSaved(await setTrajectAgreement(data.id, item.designId, confirmed));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setChoice(null);
      setBusy(false);
    }
  };

  return (
    <div className={`agreement${made ? ' agreement--made' : ''}`} data-testid="traject-agreement">
      <p>{t('frames.agreementNote', { team })}</p>
      {canRecord ? (
        <label className="inline-label">
          <input
            type="checkbox"
            checked={made}
            disabled={busy}
            data-testid="traject-agreement-check"
            onChange={(event) => void change(event.target.checked)}
          />{' '}
          {t('frames.agreementLabel', { team })}
        </label>
      ) : (
        <p data-testid="traject-agreement-state">
          {made ? t('frames.agreementMade', { team }) : t('frames.agreementMissing', { team })}{' '}
          {made ? null : <span className="muted">{t('frames.agreementOwnerOnly')}</span>}
        </p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
