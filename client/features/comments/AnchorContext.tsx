import type { Anchor } from '../../../shared/schemas/rounds';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import type { ShownThread } from './shownThreads';

const ITEM_KIND_KEYS: Record<string, MessageKey> = {
  outcome: 'comments.item.outcome',
  activity: 'comments.item.activity',
  evidence: 'comments.item.evidence',
  section: 'comments.item.section',
  field: 'comments.item.field',
};

/** What a thread is about: the quoted text, an item, or the whole document; *losgeraakt* marked. */
export function AnchorContext({
  anchor,
  state,
  quote,
}: {
  anchor: Anchor | null;
  state: ShownThread['anchorState'];
  quote: string | null;
}) {
  const t = useT();
  if (!anchor) {
    return <p className="comment-anchor comment-anchor--document">{t('comments.onWholeDocument')}</p>;
  }
  const detached = state === 'detached';
  const badge = detached ? (
    <span className="badge badge--warn comment-anchor__detached" data-testid="comment-detached">
      {t('comments.detached')}
    </span>
  ) : null;
  if (anchor.type === 'item') {
    return (
      <p className={`comment-anchor${detached ? ' comment-anchor--detached' : ''}`}>
        <span className="comment-anchor__kind">
          {t(ITEM_KIND_KEYS[anchor.itemKind] ?? 'comments.item.field')}:
        </span>{' '}
        <span data-testid="comment-item-label">{anchor.label}</span> {badge}
        {detached ? <span className="comment-anchor__note">{t('comments.detachedItemNote')}</span> : null}
      </p>
    );
  }
  return (
    <div className={`comment-anchor${detached ? ' comment-anchor--detached' : ''}`}>
      {badge}
      <blockquote className="comment-anchor__quote" data-testid="comment-quote">
        {detached ? anchor.quote : (quote ?? anchor.quote)}
      </blockquote>
      {detached ? <p className="comment-anchor__note">{t('comments.detachedNote')}</p> : null}
    </div>
  );
}
