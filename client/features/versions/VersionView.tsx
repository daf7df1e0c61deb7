import { useId } from 'react';
import type { VersionProjection } from '../../../shared/domain/versions/projection';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { valueText } from './DiffView';

/**
 * A version read-only: the plain text of every section and, for a leerarrangement, its
 * structured data (outcomes, size, activities, evidence).
 */
export function VersionView({ projection }: { projection: VersionProjection }) {
  const t = useT();
  const sectionsId = useId();
  const dataId = useId();
  return (
    <div className="version-view" data-testid="version-view">
      <p className="version-view__title">
        <strong>{projection.title}</strong>
      </p>
      {projection.kind === 'leerarrangement' ? (
        <section aria-labelledby={dataId}>
          <h4 id={dataId}>{t('versions.structured')}</h4>
          <dl className="facts">
            <dt>{t('diff.field.sectors')}</dt>
            <dd>{valueText(projection.design.sectors, t)}</dd>
            <dt>{t('diff.field.nlqfLevel')}</dt>
            <dd>{valueText(projection.design.nlqfLevel, t)}</dd>
            <dt>{t('diff.field.ects')}</dt>
            <dd>{valueText(projection.design.ects, t)}</dd>
            <dt>{t('diff.field.mode')}</dt>
            <dd>
              {projection.design.mode
                ? t(`design.mode.${projection.design.mode}` as MessageKey)
                : t('versions.none')}
            </dd>
            <dt>{t('diff.field.placement')}</dt>
            <dd>{valueText(projection.design.placement, t)}</dd>
            <dt>{t('catalog.outcomes')}</dt>
            <dd>
              {projection.design.targetedOutcomeIds.length === 0 ? (
                t('versions.none')
              ) : (
                <ul>
                  {projection.design.targetedOutcomeIds.map((id) => {
                    const outcome = projection.outcomes[id];
                    return (
                      <li key={id}>
                        {outcome ? `${outcome.code} ${outcome.title}` : id}
                        {projection.design.evidence[id] ? ` — ${projection.design.evidence[id]}` : ''}
                      </li>
                    );
                  })}
                </ul>
              )}
            </dd>
            <dt>{t('catalog.activities')}</dt>
            <dd>
              {projection.design.activities.length === 0 ? (
                t('versions.none')
              ) : (
                <ul>
                  {projection.design.activities.map((activity) => (
                    <li key={activity.id}>
                      {activity.title || t('design.activityUntitled')} (
                      {t(`design.kind.${activity.kind}` as MessageKey)}
                      {activity.hours !== null
                        ? `, ${t('design.hoursValue', { hours: activity.hours })}`
                        : ''}
                      )
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{t('diff.field.evcApproach')}</dt>
            <dd className="prewrap">{projection.design.evcApproach || t('versions.none')}</dd>
            <dt>{t('diff.field.trajectRelation')}</dt>
            <dd className="prewrap">{projection.design.trajectRelation || t('versions.none')}</dd>
          </dl>
        </section>
      ) : null}
      <section aria-labelledby={sectionsId}>
        <h4 id={sectionsId}>{t('versions.sectionsHeading')}</h4>
        {projection.sections.map((section) => (
          <div key={section.id} className="version-view__section" data-testid="version-section">
            <h5>{section.heading || t('versions.none')}</h5>
            <p className="prewrap">{section.text || t('versions.emptyText')}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
