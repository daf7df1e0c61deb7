import { useId, useState, type FormEvent } from 'react';
import type { VersionSummary } from './versionsApi';
import { useT } from '../../i18n/I18nProvider';
import { CURRENT, sideId, type Side } from './useVersions';
import { VersionSelect } from './VersionSelect';
import { GitCompare } from 'lucide-react';

/** "Vergelijk twee versies": two labelled native selects (Van / Naar) and a submit button. */
export function CompareForm({
  versions,
  initial,
  submitId,
  onCompare,
}: {
  versions: VersionSummary[];
  initial: { from: string; to: string };
  submitId: string;
  onCompare: (from: VersionSummary, to: Side, openerId: string) => void;
}) {
  const t = useT();
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const fromId = `${baseId}-from`;
  const toId = `${baseId}-to`;
  // Defaults: the newest version against the current state (or the last pair compared).
  const [fromValue, setFromValue] = useState(initial.from);
  const [toValue, setToValue] = useState(initial.to);
  const from = versions.find((version) => version.id === fromValue) ?? versions[0]!;
  const to: Side =
    toValue === CURRENT ? CURRENT : (versions.find((version) => version.id === toValue) ?? CURRENT);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCompare(from, to, submitId);
  };

  return (
    <form
      className="version-compare"
      onSubmit={submit}
      aria-labelledby={headingId}
      data-testid="version-compare-form"
    >
      <h4 id={headingId}>{t('versions.compareHeading')}</h4>
      <div className="version-compare__fields">
        <div className="field">
          <label htmlFor={fromId}>{t('versions.compareFrom')}</label>
          <VersionSelect
            id={fromId}
            value={from.id}
            onChange={setFromValue}
            testId="version-compare-from"
            versions={versions}
          />
        </div>
        <div className="field">
          <label htmlFor={toId}>{t('versions.compareTo')}</label>
          <VersionSelect
            id={toId}
            value={sideId(to)}
            onChange={setToValue}
            testId="version-compare-to"
            versions={versions}
            first={{ value: CURRENT, label: t('versions.currentState') }}
          />
        </div>
      </div>
      <button
        id={submitId}
        type="submit"
        className="button button--small"
        data-testid="version-compare-submit"
      >
        <GitCompare aria-hidden="true" />
        {t('versions.compareSubmit')}
      </button>
    </form>
  );
}
