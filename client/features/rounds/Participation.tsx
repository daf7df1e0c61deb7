import { useId } from 'react';
import type { RoundReviewers } from '../../../shared/schemas/rounds';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';

/** Who has responded and how many comments each reviewer left; follows the round live. */
export function Participation({ reviewers }: { reviewers: RoundReviewers }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const submitted = reviewers.participants.filter((participant) => participant.submittedAt).length;
  return (
    <section aria-labelledby={headingId} className="page-section" data-testid="participation">
      <h2 id={headingId}>{t('rounds.participation')}</h2>
      <p data-testid="participation-count" role="status">
        {t('rounds.participationCount', { submitted, total: reviewers.participants.length })}
      </p>
      {reviewers.participants.length === 0 ? (
        <p className="muted">{t('rounds.noParticipants')}</p>
      ) : (
        <table className="participation-table" data-testid="participation-table">
          <caption className="visually-hidden">{t('rounds.participation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rounds.reviewer')}</th>
              <th scope="col">{t('rounds.reviewsFor')}</th>
              <th scope="col">{t('rounds.responded')}</th>
              <th scope="col">{t('rounds.comments')}</th>
            </tr>
          </thead>
          <tbody>
            {reviewers.participants.map((participant) => (
              <tr
                key={participant.user.id}
                data-testid="participant"
                data-submitted={participant.submittedAt ? 'true' : 'false'}
              >
                <th scope="row">{participant.user.name}</th>
                <td>{participant.team?.name ?? t('rounds.individual')}</td>
                <td>
                  {participant.submittedAt ? (
                    <time dateTime={participant.submittedAt}>{formatDate(participant.submittedAt)}</time>
                  ) : (
                    t('rounds.notYet')
                  )}
                </td>
                <td data-testid="participant-comments">{participant.commentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
