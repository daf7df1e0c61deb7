import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { navigate, usePathname } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import { isCtrlK } from '../../app/ctrlK';

/** The search page's path. */
export const SEARCH_PATH = '/zoeken';

/**
 * The header's search field: Enter opens the results page; Ctrl+K (⌘K) anywhere focuses it. On the
 * results page itself the page's own field is the one to use, so this one steps aside.
 */
export function HeaderSearch() {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const pathname = usePathname();
  const [text, setText] = useState('');
  const onSearchPage = pathname === SEARCH_PATH;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // In the text of an editor Ctrl+K makes a link (RichTextEditor claims it with preventDefault).
      if (event.defaultPrevented) return;
      if (isCtrlK(event)) {
        event.preventDefault();
        const target = onSearchPage
          ? document.querySelector<HTMLInputElement>('[data-testid="search-page-field"]')
          : input.current;
        target?.focus();
        target?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSearchPage]);

  if (onSearchPage) return null;
  return (
    <form
      role="search"
      className="header-search"
      aria-label={t('search.headerLabel')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        const q = text.trim();
        navigate(q ? `${SEARCH_PATH}?q=${encodeURIComponent(q)}` : SEARCH_PATH);
        setText('');
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('search.headerLabel')}
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        className="header-search__input"
        value={text}
        maxLength={200}
        autoComplete="off"
        placeholder={t('search.headerPlaceholder')}
        aria-keyshortcuts="Control+K"
        data-testid="header-search"
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
