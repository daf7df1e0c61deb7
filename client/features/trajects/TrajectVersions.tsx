import { useId } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { listTrajectVersions } from './trajectsApi';

/** The traject's versions (one per status change); `seen` changes to load them again. */
export function TrajectVersions({ trajectId, seen }: { trajectId: string; seen: number }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const versions = useLoadable(trajectId, listTrajectVersions, seen);
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('traject.versions')}</h2>
      <p className="field__hint">{t('traject.versionsHint')}</p>
      {versions.state.status === 'error' ? <ErrorMessage error={versions.state.error} /> : null}
      {versions.state.status === 'ready' && versions.state.data.length === 0 ? (
        <p className="empty-state">{t('traject.versionsEmpty')}</p>
      ) : null}
      {versions.state.status === 'ready' && versions.state.data.length > 0 ? (
        <ol className="item-list" data-testid="traject-versions">
          {versions.state.data.map((version) => (
            <li key={version.id} className="item-list__item">
              <span className="item-list__title">{version.label}</span>
              <span className="item-list__meta">
                {version.snapshot.items.length === 1
                  ? t('traject.versionMetaOne', { time: formatDate(version.createdAt) })
                  : t('traject.versionMeta', {
                      count: version.snapshot.items.length,
                      time: formatDate(version.createdAt),
                    })}
              </span>
              {version.note ? <p className="prewrap">{version.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
