import { useId } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageShell } from '../../components/PageShell';
import { useLoadable } from '../../http/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { CATALOG_PATH, catalogEntryPath } from '../../routing/router';
import { CatalogLicense, CatalogTrajectFacts } from './CatalogScene';
import { getCatalogTraject, type CatalogTrajectEntry } from './catalogTrajects';

/** `/catalogus/trajecten/:id`: one approved professionaliseringstraject, public. */
export function CatalogTrajectScene({ id }: { id: string }) {
  const t = useT();
  const entry = useLoadable(id, getCatalogTraject);
  if (entry.state.status === 'loading') {
    return (
      <PageShell title={t('catalog.title')}>
        <p className="muted">{t('catalog.loading')}</p>
      </PageShell>
    );
  }
  if (entry.state.status === 'error') {
    return (
      <PageShell title={t('catalog.title')} narrow>
        <h1>{t('catalog.title')}</h1>
        {entry.state.error.status === 404 ? (
          <p data-testid="catalog-not-found">{t('catalog.trajectNotFound')}</p>
        ) : (
          <ErrorMessage error={entry.state.error} />
        )}
        <p>
          <Link to={CATALOG_PATH}>{t('catalog.back')}</Link>
        </p>
        <CatalogLicense />
      </PageShell>
    );
  }
  return <TrajectEntryView entry={entry.state.data} />;
}

function TrajectEntryView({ entry }: { entry: CatalogTrajectEntry }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const itemsId = useId();
  return (
    <PageShell title={entry.title}>
      <p>
        <Link to={CATALOG_PATH}>← {t('catalog.back')}</Link>
      </p>
      <p className="eyebrow">{t('catalog.trajectEyebrow')}</p>
      <h1 data-testid="catalog-traject-title">{entry.title}</h1>
      <CatalogTrajectFacts item={entry} />
      <p className="muted">
        {t('catalog.approvedAt')} {formatDate(entry.approvedAt)}
      </p>
      <CatalogLicense />
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
