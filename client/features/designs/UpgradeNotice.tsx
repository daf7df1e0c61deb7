import { useId, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { upgradeDesign, type DesignInfo } from './designsApi';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';

/** A newer published version of the ontwikkelpad: what changes for this design, and the upgrade. */
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
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
  return (
    <section
      className="notice notice--info upgrade-notice"
      aria-labelledby={headingId}
      data-testid="upgrade-notice"
    >
      <h2 id={headingId}>{t('design.upgradeHeading', { version: version.version })}</h2>
      <p>{t('design.upgradeIntro')}</p>
      <p>{t('design.upgradeKept', { count: plan.kept.length })}</p>
      {plan.removed.length > 0 ? (
        <>
          <p>{t('design.upgradeRemoved')}</p>
          <ul data-testid="upgrade-removed">
            {plan.removed.map((outcome) => (
              <li key={outcome.id} className="upgrade-notice__removed">
                <strong>{outcome.code}</strong> {outcome.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.changed.length > 0 ? (
        <>
          <p>{t('design.upgradeChanged')}</p>
          <ul data-testid="upgrade-changed">
            {plan.changed.map(({ after }) => (
              <li key={after.id}>
                <strong>{after.code}</strong> {after.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.added.length > 0 ? (
        <>
          <p>{t('design.upgradeAdded')}</p>
          <ul data-testid="upgrade-added">
            {plan.added.map((outcome) => (
              <li key={outcome.id}>
                <strong>{outcome.code}</strong> {outcome.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canUpgrade ? (
        <p>
          <button
            type="button"
            className="button button--primary"
            data-testid="upgrade-button"
            aria-disabled={busy ? true : undefined}
            onClick={() => void upgrade()}
          >
            {busy ? t('design.upgrading') : t('design.upgradeButton', { version: version.version })}
          </button>
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
