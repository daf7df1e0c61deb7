import { useEffect, useId, useState } from 'react';
import type { Loadable } from '../api/useLoadable';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/nl';
import { replaceSearchParams, useSearchParam } from './router';
import { ErrorMessage } from '../ui/ErrorMessage';

/** How long typing in the search field waits before the URL (and the results) follow. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The search text of a filter form whose filters live in the URL (`q` and others), so a link
 * shares exactly the view. `params(q)` is the whole query for search text `q`, in URL order.
 * Typing updates the URL after a pause; back/forward updates the text.
 */
export function useUrlSearchText(params: (q: string) => Record<string, string>) {
  const urlQuery = useSearchParam('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const [followedQuery, setFollowedQuery] = useState(urlQuery);
  // Back/forward changed the URL: the field follows (state adjusted during render, not in an effect).
  if (urlQuery !== followedQuery) {
    setFollowedQuery(urlQuery);
    if (text.trim() !== urlQuery) setText(urlQuery);
  }
  // The query as text, so the effect below waits again whenever the text or a filter changes.
  const target = JSON.stringify(params(text.trim()));

  // The page this field is on: a write still waiting when a result link was followed must not put
  // the query on the next page's URL.
  const [pathname] = useState(() => location.pathname);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (location.pathname === pathname) replaceSearchParams(JSON.parse(target) as Record<string, string>);
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, target, pathname]);

  return {
    /** `q` as the URL has it now (the results follow this, not the field). */
    urlQuery,
    text,
    setText,
    /** Puts the current text and filters in the URL at once, with `next` changed. */
    apply: (next: Record<string, string> = {}) => replaceSearchParams({ ...params(text.trim()), ...next }),
    /** Empties the search field and every filter. */
    clear: () => {
      setText('');
      replaceSearchParams({});
    },
  };
}

/** The search field of a filter form, with an optional hint read with it. */
export function SceneSearchField({
  label,
  value,
  onChange,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  testId: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field filters__search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        maxLength={200}
        autoComplete="off"
        aria-describedby={hint ? hintId : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select of a filter form; the empty first option means "any". */
export function SceneSelectFilter({
  label,
  value,
  anyLabel,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  anyLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((option, index) => (
          <option key={`${index}-${option.value}`} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Filters wissen", shown only while something is filtered. */
export function SceneClearFilters({
  shown,
  label,
  onClear,
}: {
  shown: boolean;
  label: string;
  onClear: () => void;
}) {
  if (!shown) return null;
  return (
    <button type="button" className="button filters__clear" onClick={onClear}>
      {label}
    </button>
  );
}

/** "Geen …", "1 …" or "N …" for a count of results. */
export function useCountText(keys: { none: MessageKey; one: MessageKey; many: MessageKey }) {
  const t = useT();
  return (count: number) =>
    count === 0 ? t(keys.none) : count === 1 ? t(keys.one) : t(keys.many, { count });
}

/** The live line above a result list (loading, or how many), and the error when loading failed. */
export function SceneResultsStatus<T>({
  state,
  loadingLabel,
  count,
  className,
  testId,
}: {
  state: Loadable<T>;
  loadingLabel: string;
  /** The text for loaded results. */
  count: (data: T) => string;
  className?: string;
  testId: string;
}) {
  return (
    <>
      <p role="status" className={className} data-testid={testId}>
        {state.status === 'loading' ? loadingLabel : state.status === 'ready' ? count(state.data) : ''}
      </p>
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
    </>
  );
}
