import { useId, useMemo, type FormEvent, type ReactNode } from 'react';
import { SECTORS } from '../../../shared/domain/template/types';
import { PageShell } from '../../app/PageShell';
import {
  SceneClearFilters,
  SceneResultsStatus,
  SceneSearchField,
  SceneSelectFilter,
  useCountText,
  useUrlSearchText,
} from '../../app/SceneFilters';
import type { CatalogItem } from './catalogApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { sectorLongLabelKey } from '../../i18n/templateChanges';
import { Link } from '../../app/Link';
import { catalogEntryPath, catalogTrajectPath, useSearchParam } from '../../app/router';
import { searchCatalogAll, type CatalogTrajectItem } from './catalogTrajects';
import { ConceptBadge } from '../templates/ConceptBadge';
import { CatalogLicense, LicenseLink } from './CatalogLicense';

type CatalogResults = { items: CatalogItem[]; trajects: CatalogTrajectItem[] };

function loadFiltered(key: string): Promise<CatalogResults> {
  const params = new URLSearchParams(key);
  return searchCatalogAll({
    q: params.get('q'),
    sector: params.get('sector'),
    templateId: params.get('templateId'),
    outcomeId: params.get('outcomeId'),
  });
}

const loadAll = () => searchCatalogAll({});

/** `/catalogus`: approved leerarrangementen and trajecten, public (no login), with search and filters in the URL. */
export function CatalogScene() {
  const t = useT();
  const headingId = useId();
  const resultsId = useId();
  const trajectsId = useId();
  const sector = useSearchParam('sector') ?? '';
  const template = useSearchParam('templateId') ?? '';
  const outcome = useSearchParam('outcomeId') ?? '';
  const search = useUrlSearchText((q) => ({ q, sector, templateId: template, outcomeId: outcome }));
  const current = { q: search.urlQuery, sector, templateId: template, outcomeId: outcome };
  const designCount = useCountText({ none: 'catalog.none', one: 'catalog.countOne', many: 'catalog.count' });
  const trajectCount = useCountText({
    none: 'catalog.trajectNone',
    one: 'catalog.trajectCountOne',
    many: 'catalog.trajectCount',
  });

  const key = new URLSearchParams(
    Object.entries(current).filter(([, value]) => value) as Array<[string, string]>,
  ).toString();
  const results = useLoadable(key, loadFiltered);
  // The options of the ontwikkelpad and outcome filters come from everything in the catalog.
  const all = useLoadable('all', loadAll);
  const options = useMemo(() => {
    const items = all.state.status === 'ready' ? [...all.state.data.items, ...all.state.data.trajects] : [];
    const templates = new Map<string, string>();
    const versions = new Map<string, string>();
    const outcomes = new Map<string, string>();
    for (const item of items) {
      templates.set(item.template.templateKey, item.template.title);
      versions.set(item.template.id, `${item.template.title} ${item.template.version}`);
      for (const candidate of item.outcomes)
        outcomes.set(candidate.id, `${candidate.code} ${candidate.title}`);
    }
    const list = (map: Map<string, string>) => [...map].map(([value, label]) => ({ value, label }));
    return {
      sectors: SECTORS.map((value) => ({ value, label: t(sectorLongLabelKey(value)) })),
      templates: [...list(templates), ...list(versions)],
      outcomes: list(outcomes),
    };
  }, [all.state, t]);

  const filtered = Object.values(current).some(Boolean);

  return (
    <PageShell title={t('catalog.title')}>
      <h1 id={headingId}>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.intro')}</p>
      <CatalogLicense />
      <form
        role="search"
        aria-label={t('catalog.filters')}
        className="filters card"
        data-testid="catalog-filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          search.apply();
        }}
      >
        <SceneSearchField
          label={t('catalog.searchLabel')}
          value={search.text}
          onChange={search.setText}
          testId="catalog-search"
        />
        <SceneSelectFilter
          label={t('catalog.sector')}
          value={sector}
          anyLabel={t('catalog.any')}
          options={options.sectors}
          onChange={(value) => search.apply({ sector: value })}
        />
        <SceneSelectFilter
          label={t('catalog.template')}
          value={template}
          anyLabel={t('catalog.any')}
          options={options.templates}
          onChange={(value) => search.apply({ templateId: value })}
        />
        <SceneSelectFilter
          label={t('catalog.outcome')}
          value={outcome}
          anyLabel={t('catalog.any')}
          options={options.outcomes}
          onChange={(value) => search.apply({ outcomeId: value })}
        />
        <SceneClearFilters shown={filtered} label={t('catalog.clear')} onClear={search.clear} />
      </form>
      <section className="page-section" aria-labelledby={resultsId}>
        <h2 id={resultsId}>{t('catalog.designsHeading')}</h2>
        <SceneResultsStatus
          state={results.state}
          loadingLabel={t('catalog.loading')}
          count={(data) => designCount(data.items.length)}
          testId="catalog-count"
        />
        {results.state.status === 'ready' && results.state.data.items.length > 0 ? (
          <ul className="catalog-list" data-testid="catalog-list">
            {results.state.data.items.map((item) => (
              <CatalogCard key={item.id} item={item} />
            ))}
          </ul>
        ) : null}
      </section>
      <section className="page-section" aria-labelledby={trajectsId}>
        <h2 id={trajectsId}>{t('catalog.trajectsHeading')}</h2>
        {results.state.status === 'ready' ? (
          <p data-testid="catalog-traject-count">{trajectCount(results.state.data.trajects.length)}</p>
        ) : null}
        {results.state.status === 'ready' && results.state.data.trajects.length > 0 ? (
          <ul className="catalog-list" data-testid="catalog-traject-list">
            {results.state.data.trajects.map((item) => (
              <TrajectCard key={item.id} item={item} />
            ))}
          </ul>
        ) : null}
      </section>
    </PageShell>
  );
}

/** The facts both kinds of catalog entry show: team, ontwikkelpad, outcomes, sectors, then `children`, then the license. */
function SharedFacts({
  item,
  outcomesLabel,
  children,
}: {
  item: CatalogItem | CatalogTrajectItem;
  outcomesLabel: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <dl className="facts">
      <dt>{t('catalog.team')}</dt>
      <dd>{item.team.name}</dd>
      <dt>{t('catalog.template')}</dt>
      <dd>
        {t('catalog.templateValue', { title: item.template.title, version: item.template.version })}
        <ConceptBadge established={item.template.established} />
      </dd>
      <dt>{outcomesLabel}</dt>
      <dd>{item.outcomes.map((outcome) => outcome.code).join(', ') || '—'}</dd>
      <dt>{t('catalog.sectors')}</dt>
      <dd>{item.sectors.map((sector) => t(`sector.${sector}` as MessageKey)).join(', ') || '—'}</dd>
      {children}
      <dt>{t('catalog.license')}</dt>
      <dd data-testid="catalog-item-license">
        <LicenseLink license={item.license} />
      </dd>
    </dl>
  );
}

/** The facts of a catalog entry (team, ontwikkelpad, outcomes, sectors, ECTS, license). */
export function CatalogFacts({ item }: { item: CatalogItem }) {
  const t = useT();
  return (
    <SharedFacts item={item} outcomesLabel={t('catalog.outcomes')}>
      <dt>{t('catalog.ects')}</dt>
      <dd>{item.ects !== null ? t('catalog.ectsValue', { ects: item.ects }) : '—'}</dd>
    </SharedFacts>
  );
}

function CatalogCard({ item }: { item: CatalogItem }) {
  const headingId = useId();
  return (
    <li className="card catalog-card" data-testid="catalog-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={catalogEntryPath(item.id)}>{item.title}</Link>
      </h3>
      <CatalogFacts item={item} />
    </li>
  );
}

/** The facts of an approved traject: team, ontwikkelpad, outcomes covered, sectors, size, license. */
export function CatalogTrajectFacts({ item }: { item: CatalogTrajectItem }) {
  const t = useT();
  return (
    <SharedFacts item={item} outcomesLabel={t('catalog.trajectOutcomes')}>
      <dt>{t('catalog.trajectItemCount')}</dt>
      <dd>{item.itemCount}</dd>
      <dt>{t('catalog.ects')}</dt>
      <dd>
        {item.ectsMax !== item.ects || item.hoursMax !== item.hours
          ? t('frames.trajectSizeRange', {
              ects: item.ects,
              ectsMax: item.ectsMax,
              hours: item.hours,
              hoursMax: item.hoursMax,
            })
          : t('catalog.trajectSize', { ects: item.ects, hours: item.hours })}
      </dd>
    </SharedFacts>
  );
}

function TrajectCard({ item }: { item: CatalogTrajectItem }) {
  const t = useT();
  const headingId = useId();
  return (
    <li className="card catalog-card" data-testid="catalog-traject" aria-labelledby={headingId}>
      <p className="eyebrow">{t('catalog.trajectEyebrow')}</p>
      <h3 id={headingId}>
        <Link to={catalogTrajectPath(item.id)}>{item.title}</Link>
      </h3>
      <CatalogTrajectFacts item={item} />
    </li>
  );
}
