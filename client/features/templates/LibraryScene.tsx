import { useId, type FormEvent } from 'react';
import {
  TEMPLATE_KINDS,
  SECTORS,
  type TemplateKind,
  type Sector,
} from '../../../shared/domain/template/types';
import { RequireUser } from '../auth/RequireUser';
import { PageShell } from '../../app/PageShell';
import {
  SceneClearFilters,
  SceneResultsStatus,
  SceneSearchField,
  SceneSelectFilter,
  useCountText,
  useUrlSearchText,
} from '../../app/SceneFilters';
import { ConceptBadge } from './ConceptBadge';
import { TemplateFacts } from './TemplateFacts';
import { libraryQuery, listTemplates, type TemplateVersionSummary } from './templatesApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { kindLabelKey, sectorLongLabelKey } from '../../i18n/templateChanges';
import { Link } from '../../app/Link';
import { templateVersionPath, useSearchParam } from '../../app/router';
import { TermHelp } from '../../ui/TermHelp';

function asKind(value: string | null): TemplateKind | '' {
  return TEMPLATE_KINDS.includes(value as TemplateKind) ? (value as TemplateKind) : '';
}

function asSector(value: string | null): Sector | '' {
  return SECTORS.includes(value as Sector) ? (value as Sector) : '';
}

/** `/bibliotheek`: every published ontwikkelpad version, newest first, with filters in the URL. */
export function LibraryScene() {
  return <RequireUser>{() => <Library />}</RequireUser>;
}

function Library() {
  const t = useT();
  const headingId = useId();
  const resultsHeadingId = useId();
  // The URL is the source of truth for the filters, so a link shares exactly this view.
  const kind = asKind(useSearchParam('kind'));
  const sector = asSector(useSearchParam('sector'));
  const search = useUrlSearchText((q) => ({ kind, sector, q }));
  const countText = useCountText({ none: 'library.none', one: 'library.countOne', many: 'library.count' });

  const query = libraryQuery({ kind, sector, q: search.urlQuery });
  const results = useLoadable(query, listTemplates);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    search.apply();
  };
  const filtered = kind !== '' || sector !== '' || search.urlQuery !== '';

  return (
    <PageShell title={t('library.pageTitle')}>
      <h1 id={headingId}>{t('library.heading')}</h1>
      <p className="lead">{t('library.intro')}</p>
      <TermHelp term="ontwikkelpad" />
      <form
        role="search"
        aria-label={t('library.filters')}
        className="filters card"
        onSubmit={onSubmit}
        data-testid="library-filters"
      >
        <SceneSelectFilter
          label={t('library.kind')}
          value={kind}
          anyLabel={t('library.kindAll')}
          options={TEMPLATE_KINDS.map((value) => ({ value, label: t(kindLabelKey(value)) }))}
          onChange={(value) => search.apply({ kind: asKind(value) })}
          testId="library-kind"
        />
        <SceneSelectFilter
          label={t('library.sector')}
          value={sector}
          anyLabel={t('library.sectorAll')}
          options={SECTORS.map((value) => ({ value, label: t(sectorLongLabelKey(value)) }))}
          onChange={(value) => search.apply({ sector: asSector(value) })}
          testId="library-sector"
        />
        <SceneSearchField
          label={t('library.search')}
          value={search.text}
          onChange={search.setText}
          hint={t('library.searchHint')}
          testId="library-search"
        />
        <SceneClearFilters shown={filtered} label={t('library.clear')} onClear={search.clear} />
      </form>

      <section className="page-section" aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId} className="visually-hidden">
          {t('library.results')}
        </h2>
        <SceneResultsStatus
          state={results.state}
          loadingLabel={t('library.loading')}
          count={(data) => countText(data.length)}
          className="library-count"
          testId="library-count"
        />
        {results.state.status === 'ready' && results.state.data.length > 0 ? (
          <ul className="library-list" data-testid="library-list">
            {results.state.data.map((version) => (
              <LibraryItem key={version.id} version={version} />
            ))}
          </ul>
        ) : null}
      </section>
    </PageShell>
  );
}

function LibraryItem({ version }: { version: TemplateVersionSummary }) {
  const t = useT();
  return (
    <li
      className="library-item"
      data-testid="library-item"
      data-version-id={version.id}
      data-kind={version.kind}
    >
      <h3 className="library-item__title">
        <Link to={templateVersionPath(version.id)} data-testid="library-link">
          {version.title.trim() || t('template.untitled')}
        </Link>{' '}
        <span className="library-item__version">{t('template.version', { version: version.version })}</span>
        {version.example ? (
          <>
            {' '}
            <span className="badge badge--example" data-testid="example-badge">
              {t('template.example')}
            </span>
          </>
        ) : null}
        <ConceptBadge established={version.established} />
      </h3>
      <TemplateFacts data={version} className="facts facts--compact" showVersion={false} />
    </li>
  );
}
