import { ErrorMessage } from '../../ui/ErrorMessage';
import type { VersionSummary } from './versionsApi';
import { useT } from '../../i18n/I18nProvider';
import { DiffView } from './DiffView';
import { CURRENT, sideId, useVersionDetail, useVersionDiff, type Side } from './useVersions';
import { VersionView } from './VersionView';

/** One saved version, read-only, inside the versions dialog. */
export function VersionPane({ docId, version }: { docId: string; version: VersionSummary }) {
  const t = useT();
  const { detail, error } = useVersionDetail(docId, version.id);
  return (
    <>
      <h3>{t('versions.readOnlyView', { label: version.label })}</h3>
      {error ? <ErrorMessage error={error} /> : null}
      {!detail && !error ? <p className="muted">{t('versions.loading')}</p> : null}
      {detail ? <VersionView projection={detail.json} /> : null}
    </>
  );
}

/** The changes from a saved version to another one or to the current state. */
export function DiffPane({ docId, from, to }: { docId: string; from: VersionSummary; to: Side }) {
  const t = useT();
  const { loaded, error } = useVersionDiff(docId, from.id, sideId(to));
  return (
    <>
      <h3>
        {to === CURRENT
          ? t('diff.heading', { from: from.label })
          : t('diff.pairHeading', { from: from.label, to: to.label })}
      </h3>
      {error ? <ErrorMessage error={error} /> : null}
      {!loaded && !error ? <p className="muted">{t('diff.loading')}</p> : null}
      {loaded ? <DiffView diff={loaded.diff} outcomes={loaded.outcomes} /> : null}
    </>
  );
}
