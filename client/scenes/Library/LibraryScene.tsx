import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  ONTWIKKELPAD_KINDS,
  SECTORS,
  type OntwikkelpadKind,
  type Sector,
} from '../../../shared/domain/ontwikkelpad/types';
import { RequireUser } from '../../auth/RequireUser';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageShell } from '../../components/PageShell';
import { TemplateFacts } from '../../components/TemplateFacts';
import { libraryQuery, listTemplates, type TemplateVersionSummary } from '../../http/templates';
import { useLoadable } from '../../http/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { kindLabelKey, sectorLongLabelKey } from '../../i18n/templateChanges';
import { Link } from '../../routing/Link';
import { replaceSearchParams, templateVersionPath, useSearchParam } from '../../routing/router';

/** How long typing in the search field waits before the URL (and the results) follow. */
const SEARCH_DEBOUNCE_MS = 300;

function asKind(value: string | null): OntwikkelpadKind | '' {
  return ONTWIKKELPAD_KINDS.includes(value as OntwikkelpadKind) ? (value as OntwikkelpadKind) : '';
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
  const kindId = useId();
  const sectorId = useId();
  const searchId = useId();
  const searchHintId = useId();
  // The URL is the source of truth for the filters, so a link shares exactly this view.
  const kind = asKind(useSearchParam('kind'));
  const sector = asSector(useSearchParam('sector'));
  const urlQuery = useSearchParam('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const [followedQuery, setFollowedQuery] = useState(urlQuery);
  // Back/forward changed the URL: the field follows (state adjusted during render, not in an effect).
  if (urlQuery !== followedQuery) {
    setFollowedQuery(urlQuery);
    if (text.trim() !== urlQuery) setText(urlQuery);
  }

  useEffect(() => {
    const timer = window.setTimeout(
      () => replaceSearchParams({ kind, sector, q: text.trim() }),
      SEARCH_DEBOUNCE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [text, kind, sector]);

  const query = libraryQuery({ kind, sector, q: urlQuery });
  const results = useLoadable(query, listTemplates);

  const setFilter = (next: { kind?: OntwikkelpadKind | ''; sector?: Sector | '' }) =>
    replaceSearchParams({ kind, sector, q: text.trim(), ...next });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    replaceSearchParams({ kind, sector, q: text.trim() });
  };
  const filtered = kind !== '' || sector !== '' || urlQuery !== '';

  return (
    <PageShell title={t('library.pageTitle')}>
      <h1 id={headingId}>{t('library.heading')}</h1>
      <p className="lead">{t('library.intro')}</p>
      <form
        role="search"
        aria-label={t('library.filters')}
        className="filters card"
        onSubmit={onSubmit}
        data-testid="library-filters"
      >
        <div className="field">
          <label htmlFor={kindId}>{t('library.kind')}</label>
          <select
            id={kindId}
            value={kind}
            data-testid="library-kind"
            onChange={(event) => setFilter({ kind: asKind(event.target.value) })}
          >
            <option value="">{t('library.kindAll')}</option>
            {ONTWIKKELPAD_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(kindLabelKey(option))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={sectorId}>{t('library.sector')}</label>
          <select
            id={sectorId}
            value={sector}
            data-testid="library-sector"
            onChange={(event) => setFilter({ sector: asSector(event.target.value) })}
          >
            <option value="">{t('library.sectorAll')}</option>
            {SECTORS.map((option) => (
              <option key={option} value={option}>
                {t(sectorLongLabelKey(option))}
              </option>
            ))}
          </select>
        </div>
        <div className="field filters__search">
          <label htmlFor={searchId}>{t('library.search')}</label>
          <input
            id={searchId}
            type="search"
            value={text}
            maxLength={200}
            autoComplete="off"
            aria-describedby={searchHintId}
            data-testid="library-search"
            onChange={(event) => setText(event.target.value)}
          />
          <p id={searchHintId} className="field__hint">
            {t('library.searchHint')}
          </p>
        </div>
        {filtered ? (
          <button
            type="button"
            className="button filters__clear"
            onClick={() => {
              setText('');
              replaceSearchParams({});
            }}
          >
            {t('library.clear')}
          </button>
        ) : null}
      </form>

      <section className="page-section" aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId} className="visually-hidden">
          {t('library.results')}
        </h2>
        <p role="status" className="library-count" data-testid="library-count">
          {results.state.status === 'loading'
            ? t('library.loading')
            : results.state.status === 'ready'
              ? countMessage(results.state.data.length, t)
              : ''}
        </p>
        {results.state.status === 'error' ? <ErrorMessage error={results.state.error} /> : null}
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

function countMessage(count: number, t: ReturnType<typeof useT>): string {
  if (count === 0) return t('library.none');
  return count === 1 ? t('library.countOne') : t('library.count', { count });
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
      </h3>
      <TemplateFacts data={version} className="facts facts--compact" showVersion={false} />
    </li>
  );
}
