import { useId, type FormEvent } from 'react';
import type { SearchResult } from '../../../shared/schemas/search';
import { Link } from '../../app/Link';
import { PageShell } from '../../app/PageShell';
import { SceneResultsStatus, SceneSearchField, useUrlSearchText } from '../../app/SceneFilters';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { RequireUser } from '../auth/RequireUser';
import { search } from './searchApi';

/** The snippet with its matched ranges as <mark>. */
function Snippet({ result }: { result: SearchResult }) {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [start, end] of result.highlights) {
    if (start < at) continue;
    parts.push({ text: result.snippet.slice(at, start), marked: false });
    parts.push({ text: result.snippet.slice(start, end), marked: true });
    at = end;
  }
  parts.push({ text: result.snippet.slice(at), marked: false });
  return (
    <p className="search-result__snippet">
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </p>
  );
}

/** `/zoeken?q=`: one field over everything the user may see, the query in the URL; signed in only. */
export function SearchScene() {
  return <RequireUser>{() => <Search />}</RequireUser>;
}

function Search() {
  const t = useT();
  const headingId = useId();
  const query = useUrlSearchText((q) => ({ q }));
  const results = useLoadable(query.urlQuery, search);
  return (
    <PageShell title={query.urlQuery ? `${query.urlQuery} — ${t('search.title')}` : t('search.title')}>
      <h1 id={headingId}>{t('search.title')}</h1>
      <form
        role="search"
        aria-label={t('search.label')}
        className="filters card"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          query.apply();
        }}
      >
        <SceneSearchField
          label={t('search.label')}
          value={query.text}
          onChange={query.setText}
          hint={t('search.hint')}
          testId="search-page-field"
        />
      </form>
      <SceneResultsStatus
        state={results.state}
        loadingLabel={t('search.loading')}
        count={(data) =>
          query.urlQuery.trim() ? t('search.count', { count: data.length }) : t('search.empty')
        }
        testId="search-status"
      />
      {results.state.status === 'ready' && results.state.data.length > 0 ? (
        <ol className="search-results" aria-labelledby={headingId} data-testid="search-results">
          {results.state.data.map((result) => (
            <li key={`${result.kind}:${result.id}`} className="search-result" data-testid="search-result">
              <p className="search-result__kind">{t(`search.kind.${result.kind}`)}</p>
              <Link to={result.url} className="search-result__title">
                {result.title || '—'}
              </Link>
              {result.snippet ? <Snippet result={result} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </PageShell>
  );
}
