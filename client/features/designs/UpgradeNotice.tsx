import { useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { upgradeDesign, type DesignInfo } from './designsApi';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';
import { UpgradeChanges } from './UpgradeChanges';
import { CircleArrowUp } from 'lucide-react';

/**
 * A newer published version of the ontwikkelpad: what changes for this design, and the upgrade —
 * in two steps, because an upgrade cannot be undone: the button opens a confirmation that lists
 * the changes again beside "Bevestigen" and "Annuleren".
 */
export function UpgradeNotice({
  info,
  canUpgrade,
  onUpgraded,
}: {
  info: DesignInfo;
  canUpgrade: boolean;
  onUpgraded: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const confirmHeadingId = useId();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmHeadingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // Keyboard and screen-reader users land on the question; after "Annuleren", back on the button.
    if (confirming) confirmHeadingRef.current?.focus();
    else if (returnFocus.current) startRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);
  const newer = info.newerTemplate;
  if (!newer) return null;
  const { plan, version } = newer;
  const upgrade = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await upgradeDesign(info.id, version.id);
      onUpgraded();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  return (
    <section
      className="notice notice--info upgrade-notice"
      aria-labelledby={headingId}
      data-testid="upgrade-notice"
    >
      <h2 id={headingId}>{t('design.upgradeHeading', { version: version.version })}</h2>
      <p>{t('design.upgradeIntro')}</p>
      {confirming ? (
        <div
          role="group"
          aria-labelledby={confirmHeadingId}
          className="upgrade-notice__confirm"
          data-testid="upgrade-confirm"
        >
          <h3 id={confirmHeadingId} ref={confirmHeadingRef} tabIndex={-1}>
            {t('design.upgradeConfirmHeading', { version: version.version })}
          </h3>
          <UpgradeChanges plan={plan} />
          <p>{t('design.upgradeConfirmNote')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              data-testid="upgrade-confirm-button"
              aria-disabled={busy ? true : undefined}
              onClick={() => void upgrade()}
            >
              {busy ? t('design.upgrading') : t('design.upgradeConfirmButton')}
            </button>
            <button type="button" className="button" onClick={cancel}>
              {t('design.upgradeCancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <UpgradeChanges plan={plan} />
          {canUpgrade ? (
            <p>
              <button
                type="button"
                ref={startRef}
                className="button button--primary"
                data-testid="upgrade-button"
                onClick={() => setConfirming(true)}
              >
                <CircleArrowUp aria-hidden="true" />
                {t('design.upgradeButton', { version: version.version })}
              </button>
            </p>
          ) : null}
        </>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
