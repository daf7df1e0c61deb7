import { useId, useState, type FormEvent } from 'react';
import type { TemplateVersionDetail } from '../templatesApi';
import { useT } from '../../../i18n/I18nProvider';
import { navigate, templateDiffPath } from '../../../app/router';
import { GitCompare } from 'lucide-react';

/** "Vergelijk met…": pick another version of the same ontwikkelpad and open the comparison. */
export function CompareForm({ current }: { current: TemplateVersionDetail }) {
  const t = useT();
  const headingId = useId();
  const selectId = useId();
  const others = current.versions.filter((other) => other.id !== current.id);
  // Most often one compares with the version just before this one.
  const index = current.versions.findIndex((other) => other.id === current.id);
  const previous = current.versions[index + 1] ?? others[0];
  const [otherId, setOtherId] = useState(previous?.id ?? '');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (otherId) navigate(templateDiffPath(current.id, otherId));
  };

  return (
    <div className="compare" data-testid="compare">
      <h3 id={headingId}>{t('version.compareHeading')}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('version.compareOnlyOne')}</p>
      ) : (
        <form className="inline-form" aria-labelledby={headingId} onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={selectId}>{t('version.compareWith')}</label>
            <select
              id={selectId}
              value={otherId}
              data-testid="compare-select"
              onChange={(event) => setOtherId(event.target.value)}
            >
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {t('template.version', { version: other.version })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" data-testid="compare-submit">
            <GitCompare aria-hidden="true" />
            {t('version.compareSubmit')}
          </button>
        </form>
      )}
    </div>
  );
}
