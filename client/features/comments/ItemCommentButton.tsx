import type { ItemAnchor } from '../../../shared/schemas/rounds';
import { useT } from '../../i18n/I18nProvider';
import { useRegistryState } from './EditorRegistry';
import { itemKey } from './shownThreads';

/**
 * "Reageer" beside a structured item (a leeruitkomst, an activity, a piece of evidence): opens the
 * comments panel's composer with an item anchor; the number of open threads on the item shows as a
 * badge. People who cannot comment see only the badge (a button that opens the panel). Renders
 * nothing outside an EditorRegistryProvider.
 */
export function ItemCommentButton({ anchor }: { anchor: Omit<ItemAnchor, 'type'> }) {
  const t = useT();
  const registry = useRegistryState();
  if (!registry) return null;
  const key = itemKey(anchor);
  const count = registry.itemCounts.get(key) ?? 0;
  if (!registry.canComment && count === 0) return null;
  const label = anchor.label.slice(0, 300);
  return (
    <button
      type="button"
      className="button button--small comment-item-button"
      data-comment-item={key}
      data-testid="item-comment"
      data-count={count}
      onClick={() => {
        if (registry.canComment) registry.requestCompose({ type: 'item', ...anchor, label });
        else registry.setPanelOpen(true);
      }}
    >
      {registry.canComment ? t('comments.itemButton') : t('comments.heading')}
      <span className="visually-hidden"> {t('comments.itemButtonContext', { label })}</span>
      {count > 0 ? (
        <span className="comment-item-button__count">
          {' '}
          {t('comments.itemCount', { count })}
          <span className="visually-hidden"> {t('comments.itemCountContext')}</span>
        </span>
      ) : null}
    </button>
  );
}
