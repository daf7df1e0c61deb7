import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';

interface TeamItem {
  id: string;
  title: string;
  updatedAt?: string;
}

/** A list of a team's documents, designs or trajects on the team page: a link each, optionally when it last changed. */
export function TeamItemList({
  items,
  pathFor,
  untitled,
  showUpdated = false,
  testId,
  linkTestId,
}: {
  items: readonly TeamItem[];
  pathFor: (id: string) => string;
  /** The name of an item whose title is blank ("Naamloos document"); none: the title as it is. */
  untitled?: string;
  /** Adds "Laatst gewijzigd <time>" after the link. */
  showUpdated?: boolean;
  testId?: string;
  linkTestId: string;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  return (
    <ul className="item-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className="item-list__item">
          <Link to={pathFor(item.id)} className="item-list__title" data-testid={linkTestId}>
            {untitled === undefined ? item.title : item.title.trim() || untitled}
          </Link>
          {showUpdated && item.updatedAt !== undefined ? (
            <span className="item-list__meta">
              {t('document.updatedAt')} <time dateTime={item.updatedAt}>{formatDate(item.updatedAt)}</time>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
