import { useId } from 'react';
import { PageShell } from '../../app/PageShell';
import { CatalogDetail } from './CatalogDetail';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { CATALOG_PATH, catalogEntryPath } from '../../app/router';
import { CatalogTrajectFacts } from './CatalogScene';
import { CatalogLicense } from './CatalogLicense';
import { getCatalogTraject, type CatalogTrajectEntry } from './catalogTrajects';
import { ArrowLeft } from 'lucide-react';

/** `/catalogus/trajecten/:id`: one approved professionaliseringstraject, public. */
export function CatalogTrajectScene({ id }: { id: string }) {
  return (
    <CatalogDetail
      id={id}
      load={getCatalogTraject}
      notFoundKey="catalog.trajectNotFound"
      render={(data) => <TrajectEntryView entry={data} />}
    />
  );
}

function TrajectEntryView({ entry }: { entry: CatalogTrajectEntry }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const itemsId = useId();
  return (
    <PageShell title={entry.title}>
      <p>
        <Link to={CATALOG_PATH} className="back-link">
          <ArrowLeft aria-hidden="true" />
          {t('catalog.back')}
        </Link>
      </p>
      <p className="eyebrow">{t('catalog.trajectEyebrow')}</p>
      <h1 data-testid="catalog-traject-title">{entry.title}</h1>
      <CatalogTrajectFacts item={entry} />
      <p className="muted">
        {t('catalog.approvedAt')} {formatDate(entry.approvedAt)}
      </p>
      <CatalogLicense license={entry.license} />
      <section className="page-section" aria-labelledby={itemsId}>
        <h2 id={itemsId}>{t('catalog.trajectItems')}</h2>
        <ol className="item-list" data-testid="catalog-traject-items">
          {entry.items.map((item) => (
            <li key={item.id} className="item-list__item" data-testid="catalog-traject-item">
              {item.inCatalog ? (
                <Link to={catalogEntryPath(item.id)} className="item-list__title">
                  {item.title}
                </Link>
              ) : (
                <span className="item-list__title">
                  {item.title} <span className="muted">({t('catalog.trajectNotListed')})</span>
                </span>
              )}
              <span className="item-list__meta">
                {item.team.name ? `${t('traject.fromTeam', { team: item.team.name })} · ` : ''}
                {item.outcomes.map((outcome) => outcome.code).join(', ') || '—'}
                {item.ects !== null ? ` · ${t('catalog.ectsValue', { ects: item.ects })}` : ''}
                {item.alternativeGroup
                  ? ` · ${t('catalog.trajectAlternative', { group: item.alternativeGroup })}`
                  : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </PageShell>
  );
}
