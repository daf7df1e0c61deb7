import type { Round } from '../../../shared/schemas/rounds';
import { useT } from '../../i18n/I18nProvider';
import type { StatusFilter } from './shownThreads';

/**
 * The panel's filters: status, "only those I am involved in", and (when `rounds` is given) the
 * live draft's comments or one round's.
 */
export function CommentFilters({
  idPrefix,
  status,
  onStatus,
  mineOnly,
  onMineOnly,
  rounds,
  round,
  onRound,
}: {
  idPrefix: string;
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
  mineOnly: boolean;
  onMineOnly: (mineOnly: boolean) => void;
  /** The document's rounds; null hides the round filter. */
  rounds: Round[] | null;
  /** "live" or a round id. */
  round: string;
  onRound: (round: string) => void;
}) {
  const t = useT();
  return (
    <div className="comments-panel__filters" role="group" aria-label={t('comments.filters')}>
      <div className="field field--inline">
        <label htmlFor={`${idPrefix}-status`}>{t('comments.filterStatus')}</label>
        <select
          id={`${idPrefix}-status`}
          value={status}
          data-testid="comments-filter-status"
          onChange={(event) => onStatus(event.target.value as StatusFilter)}
        >
          <option value="open">{t('comments.filterOpen')}</option>
          <option value="resolved">{t('comments.filterResolved')}</option>
          <option value="all">{t('comments.filterAll')}</option>
        </select>
      </div>
      <label className="checkbox-option">
        <input
          type="checkbox"
          checked={mineOnly}
          data-testid="comments-filter-mine"
          onChange={(event) => onMineOnly(event.target.checked)}
        />{' '}
        {t('comments.filterMine')}
      </label>
      {rounds ? (
        <div className="field field--inline">
          <label htmlFor={`${idPrefix}-round`}>{t('comments.filterRound')}</label>
          <select
            id={`${idPrefix}-round`}
            value={round}
            data-testid="comments-filter-round"
            onChange={(event) => onRound(event.target.value)}
          >
            <option value="live">{t('comments.roundLive')}</option>
            {rounds.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
