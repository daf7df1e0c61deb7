import '../../styles/frames.css';
import { useId, useState, type FormEvent } from 'react';
import { isLicense, LICENSES, type License } from '../../../shared/domain/licenses';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LicenseLink } from '../catalog/CatalogLicense';
import { updateTeam, type TeamWithAccess } from './teamsApi';

/**
 * The licence a co-creatieteam publishes under (001 l.263, 279: public and reusable; the terms are
 * the team's choice among open licences). The owner chooses; everyone else sees it.
 */
export function TeamLicense({
  team,
  canEdit,
  onChanged,
}: {
  team: TeamWithAccess;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const selectId = useId();
  const hintId = useId();
  const current = team.license;
  const [chosen, setChosen] = useState<License>(current.license);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await updateTeam(team.id, { license: chosen });
      setSaved(chosen);
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page-section card" aria-labelledby={headingId} data-testid="team-license">
      <h2 id={headingId}>{t('frames.licenseHeading')}</h2>
      <p id={hintId} className="field__hint">
        {t('frames.licenseHint')}
      </p>
      <p data-testid="team-license-current">
        {current.chosen ? (
          <>
            {t('frames.licenseChosen')} <LicenseLink license={current.license} />
          </>
        ) : (
          t('frames.licenseSuggested', { license: current.license })
        )}
      </p>
      {canEdit ? (
        <form onSubmit={submit} className="stack">
          <div className="field">
            <label htmlFor={selectId}>{t('frames.licenseLabel')}</label>
            <select
              id={selectId}
              value={chosen}
              aria-describedby={hintId}
              data-testid="team-license-select"
              onChange={(event) => {
                if (isLicense(event.target.value)) setChosen(event.target.value);
              }}
            >
              {LICENSES.map((license) => (
                <option key={license} value={license}>
                  {t(`frames.licenseOption.${license}`)}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit" className="button" disabled={busy} data-testid="team-license-save">
              {busy ? t('frames.licenseSaving') : t('frames.licenseSave')}
            </button>
          </p>
        </form>
      ) : (
        <p className="muted">{t('frames.licenseOwnerOnly')}</p>
      )}
      <p role="status" data-testid="team-license-saved">
        {saved ? t('frames.licenseSaved', { license: saved }) : ''}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
