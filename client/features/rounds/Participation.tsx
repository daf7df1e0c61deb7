import { useId, useState } from 'react';
import type { RoundParticipant, RoundReviewers } from '../../../shared/schemas/rounds';
import { toApiError, type ApiError } from '../../api/request';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScrollArea } from '../../ui/ScrollArea';
import { removeReviewer } from './roundsApi';
import { usePerspectiveLabel } from './PerspectiveField';

/**
 * Who has responded and how many comments each reviewer left; follows the round live. Owners can
 * remove a reviewer who came through a link (members of an invited team leave with their team).
 */
export function Participation({
  reviewers,
  roundId,
  canManage = false,
  onChanged,
}: {
  reviewers: RoundReviewers;
  roundId: string;
  canManage?: boolean;
  onChanged?: () => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const perspectiveLabel = usePerspectiveLabel();
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const remove = async (participant: RoundParticipant) => {
    setError(null);
    try {
      await removeReviewer(roundId, participant.user.id);
      setMessage(t('rounds.reviewerRemoved', { name: participant.user.name }));
      onChanged?.();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
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
        <ScrollArea label={t('rounds.participation')}>
          <table className="participation-table" data-testid="participation-table">
            <caption className="visually-hidden">{t('rounds.participation')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rounds.reviewer')}</th>
                <th scope="col">{t('rounds.reviewsFor')}</th>
                <th scope="col">{t('rounds.responded')}</th>
                <th scope="col">{t('quality.perspective.label')}</th>
                <th scope="col">{t('rounds.comments')}</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('rounds.reviewerActions')}</span>
                  </th>
                ) : null}
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
                  <td data-testid="participant-perspective">
                    {participant.submittedAt ? perspectiveLabel(participant.perspective) : ''}
                  </td>
                  <td data-testid="participant-comments">{participant.commentCount}</td>
                  {canManage ? (
                    <td>
                      {participant.team ? null : (
                        <ConfirmButton
                          label={t('rounds.removeReviewer')}
                          context={participant.user.name}
                          question={t('rounds.removeReviewerQuestion', { name: participant.user.name })}
                          testId="participant-remove"
                          onConfirm={() => void remove(participant)}
                        />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      <p role="status" className="visually-hidden">
        {message}
      </p>
    </section>
  );
}
