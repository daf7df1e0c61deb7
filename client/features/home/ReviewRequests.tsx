import { useId } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { listMyRounds } from '../rounds/roundsApi';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { reviewPath } from '../../app/router';
import { RoundStatusBadge } from '../rounds/shared';

function loadMine(): ReturnType<typeof listMyRounds> {
  return listMyRounds();
}

/** "Feedbackverzoeken": rounds I review — open ones with their deadline, closed ones' summaries. */
export function ReviewRequests() {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const rounds = useLoadable('', loadMine);
  if (rounds.state.status === 'ready' && rounds.state.data.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="page-section" data-testid="feedback-requests">
      <h2 id={headingId}>{t('home.feedbackRequests')}</h2>
      {rounds.state.status === 'loading' ? <p className="muted">{t('rounds.loading')}</p> : null}
      {rounds.state.status === 'error' ? <ErrorMessage error={rounds.state.error} /> : null}
      {rounds.state.status === 'ready' ? (
        <ul className="round-list">
          {rounds.state.data.map((round) => (
            <li key={round.id} className="round-card" data-testid="feedback-request" data-round-id={round.id}>
              <Link to={reviewPath(round.id)} className="round-card__title">
                {round.status === 'open'
                  ? round.title
                  : t('home.feedbackSummaryLink', { title: round.title })}
              </Link>{' '}
              <RoundStatusBadge status={round.status} />
              <p className="muted">
                {round.status === 'open'
                  ? t('home.feedbackOpen', {
                      team: round.teamName,
                      document: round.documentTitle,
                      deadline: formatDate(round.deadline),
                    })
                  : t('home.feedbackClosed', { team: round.teamName, document: round.documentTitle })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
