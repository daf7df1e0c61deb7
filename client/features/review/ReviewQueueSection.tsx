import { useId } from 'react';
import { Link } from '../../app/Link';
import { useLoadable } from '../../api/useLoadable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { getQueue } from './reviewApi';

/** The path of a submission's review page (the same as the server's notifications link to). */
export const externalReviewPath = (assignmentId: string) => `/toetsing/${encodeURIComponent(assignmentId)}`;

/** A toetsingscommissie's queue on its team page: submitted designs first, then decided ones. */
export function ReviewQueueSection({ teamId, version }: { teamId: string; version: number }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const queue = useLoadable(teamId, getQueue, version);
  return (
    <section className="card page-section" aria-labelledby={headingId} data-testid="review-queue">
      <h2 id={headingId}>{t('review.queueHeading')}</h2>
      {queue.state.status === 'loading' ? <p>{t('review.committeesLoading')}</p> : null}
      {queue.state.status === 'error' ? <ErrorMessage error={queue.state.error} /> : null}
      {queue.state.status === 'ready' ? (
        queue.state.data.length === 0 ? (
          <p>{t('review.queueEmpty')}</p>
        ) : (
          <ul className="item-list">
            {queue.state.data.map((entry) => (
              <li key={entry.id} data-testid="review-queue-item" data-state={entry.state}>
                <Link to={externalReviewPath(entry.id)}>
                  {t('review.queueItem', { title: entry.title, team: entry.teamName ?? '' })}
                </Link>{' '}
                <span className="badge">{t(`review.state.${entry.state}` as MessageKey)}</span>{' '}
                <span className="muted">
                  {t('review.submittedAt', { date: formatDate(entry.submittedAt) })}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
