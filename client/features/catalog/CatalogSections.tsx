import { useId } from 'react';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import type { CatalogEntry } from './catalogApi';

type Section = CatalogEntry['sections'][number];
type FieldKey = NonNullable<Section['field']>;

/** Headings of the structured fields that no written section holds. */
const FIELD_HEADINGS: Partial<Record<FieldKey, MessageKey>> = {
  activities: 'catalog.activities',
  evidence: 'catalog.evidence',
  evcApproach: 'diff.field.evcApproach',
  trajectRelation: 'diff.field.trajectRelation',
};

/**
 * A published design's written sections in document order, each with the structured field it
 * asks about, then the fields no section holds: the same order as the exports, each field once.
 */
export function CatalogSections({ entry }: { entry: CatalogEntry }) {
  const held = new Set(entry.sections.map((section) => section.field));
  const rest = (Object.keys(FIELD_HEADINGS) as FieldKey[]).filter((field) => !held.has(field));
  return (
    <>
      {entry.sections.map((section) => (
        <CatalogSection key={section.id} heading={section.heading}>
          {/* HTML from the server's schema serializer: text escaped, links http(s)/mailto only. */}
          {section.html ? (
            <div className="rich-text" dangerouslySetInnerHTML={{ __html: section.html }} />
          ) : null}
          {section.field ? <FieldContent entry={entry} field={section.field} /> : null}
        </CatalogSection>
      ))}
      {rest.map((field) => (
        <RestField key={field} entry={entry} field={field} />
      ))}
    </>
  );
}

function RestField({ entry, field }: { entry: CatalogEntry; field: FieldKey }) {
  const t = useT();
  return (
    <CatalogSection heading={t(FIELD_HEADINGS[field]!)}>
      <FieldContent entry={entry} field={field} />
    </CatalogSection>
  );
}

function CatalogSection({ heading, children }: { heading: string; children: React.ReactNode }) {
  const headingId = useId();
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {children}
    </section>
  );
}

/** One structured field's content; outcomes are shown with the entry's facts, not again here. */
function FieldContent({ entry, field }: { entry: CatalogEntry; field: FieldKey }) {
  const t = useT();
  const { content } = entry;
  switch (field) {
    case 'outcomes':
      return null;
    case 'activities':
      return content.activities.length === 0 ? null : (
        <ul>
          {content.activities.map((activity) => (
            <li key={activity.id}>
              {activity.title || t('design.activityUntitled')} (
              {t(`design.kind.${activity.kind}` as MessageKey)}
              {activity.hours !== null ? `, ${t('design.hoursValue', { hours: activity.hours })}` : ''}
              {activity.materialStatus
                ? `, ${t(`design.material.${activity.materialStatus}` as MessageKey)}`
                : ''}
              )
            </li>
          ))}
        </ul>
      );
    case 'evidence':
      return (
        <dl className="facts facts--stacked">
          {entry.outcomes.map((outcome) => (
            <div key={outcome.id}>
              <dt>
                {outcome.code} {outcome.title}
              </dt>
              <dd className="prewrap">{content.evidence[outcome.id] || '—'}</dd>
            </div>
          ))}
        </dl>
      );
    case 'evcApproach':
    case 'trajectRelation':
      return content[field] ? <p className="prewrap">{content[field]}</p> : null;
  }
}
