import type { MouseEvent } from 'react';
import { MessageSquare } from 'lucide-react';
import { useT } from '../../i18n/I18nProvider';
import type { OutlineEntry } from './outlineScan';
import type { SectionRules } from './sectionRules';

/** One link of the outline: the heading's text, its rule status as a dot and in words, its comments. */
export function OutlineItem({
  entry,
  rules,
  current,
  onActivate,
}: {
  entry: OutlineEntry;
  rules: SectionRules | undefined;
  current: boolean;
  onActivate: (event: MouseEvent<HTMLAnchorElement>, id: string) => void;
}) {
  const t = useT();
  const rulesText = rules
    ? rules.status === 'fail'
      ? t('outline.rulesFail', { count: rules.count })
      : rules.status === 'warn'
        ? t('outline.rulesWarn', { count: rules.count })
        : t('outline.rulesPass')
    : null;
  const commentsText = entry.comments > 0 ? t('outline.comments', { count: entry.comments }) : null;
  return (
    <li className={`outline__item outline__item--level${entry.level}`} data-testid="outline-item">
      <a
        href={`#${entry.id}`}
        className="outline__link"
        aria-current={current ? 'location' : undefined}
        data-target={entry.id}
        onClick={(event) => onActivate(event, entry.id)}
      >
        <span className="outline__text">{entry.text}</span>
        {rules ? (
          <span
            className={`outline__rules outline__rules--${rules.status}`}
            data-testid="outline-rules"
            data-status={rules.status}
            title={rulesText ?? undefined}
          >
            <span className="outline__dot" aria-hidden="true" />
            <span className="visually-hidden">, {rulesText}</span>
          </span>
        ) : null}
        {commentsText ? (
          <span className="outline__comments" data-testid="outline-comments" data-count={entry.comments}>
            <MessageSquare aria-hidden="true" size={14} />
            <span aria-hidden="true">{entry.comments}</span>
            <span className="visually-hidden">, {commentsText}</span>
          </span>
        ) : null}
      </a>
    </li>
  );
}
