import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { ListTree } from 'lucide-react';
import type { RuleResult } from '../../../shared/domain/design/rules';
import { useT } from '../../i18n/I18nProvider';
import { OutlineItem } from './OutlineItem';
import { isOutlineShortcut, OUTLINE_SHORTCUT } from './outlineShortcut';
import { rulesPerSection } from './sectionRules';
import { useCurrentSection } from './useCurrentSection';
import { useOutline } from './useOutline';

/** Focus moves to the heading; the scroll is instant when the user asked for less motion. */
function goToHeading(heading: HTMLElement) {
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  heading.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
  heading.focus({ preventScroll: true });
}

/**
 * The table of contents of the page part `root`: a link per section heading (with its rule results
 * and comment count), the current section marked while scrolling, Alt+Shift+O to reach it.
 */
export function DocumentOutline({
  root,
  results,
}: {
  root: HTMLElement | null;
  results: readonly RuleResult[] | null;
}) {
  const t = useT();
  const listId = useId();
  const nav = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const { entries, headings } = useOutline(root);
  const { current, jumpedTo } = useCurrentSection(headings);
  const rules = useMemo(
    () => (root && results ? rulesPerSection(root, headings, results) : new Map()),
    [root, headings, results],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isOutlineShortcut(event) || !nav.current) return;
      event.preventDefault();
      // The disclosure opens first (on narrow screens), so the link can take focus.
      flushSync(() => setOpen(true));
      const links = nav.current.querySelectorAll<HTMLAnchorElement>('a[href]');
      const target =
        nav.current.querySelector<HTMLAnchorElement>('a[aria-current="location"]') ?? links[0] ?? null;
      target?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  if (entries.length === 0) return null;

  const onActivate = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const heading = headings.find((candidate) => candidate.id === id);
    if (!heading) return;
    event.preventDefault();
    setOpen(false);
    goToHeading(heading);
    jumpedTo(id);
  };

  return (
    <nav
      ref={nav}
      className={open ? 'outline outline--open' : 'outline'}
      aria-label={t('outline.label')}
      data-testid="outline"
    >
      <button
        type="button"
        className="outline__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-keyshortcuts={OUTLINE_SHORTCUT}
        title={t('outline.shortcut')}
        data-testid="outline-toggle"
        onClick={() => setOpen((was) => !was)}
      >
        <ListTree aria-hidden="true" size={18} />
        {t('outline.toggle')}
      </button>
      <p className="outline__title" title={t('outline.shortcut')}>
        <ListTree aria-hidden="true" size={16} />
        {t('outline.label')}
        <span className="outline__shortcut">
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>O</kbd>
        </span>
      </p>
      <ol className="outline__list" id={listId}>
        {entries.map((entry) => (
          <OutlineItem
            key={entry.id}
            entry={entry}
            rules={rules.get(entry.id)}
            current={entry.id === current}
            onActivate={onActivate}
          />
        ))}
      </ol>
    </nav>
  );
}
