import { useId, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { toApiError, type ApiError } from '../../api/request';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { answerReviewRequest, listReviewRequests, type ReviewRequest } from './teamsApi';
import { Check } from 'lucide-react';

/**
 * "Verzoeken om feedback" (owners): other teams asking this team to review a round. The members
 * hear of a round, and can open it, only after an owner accepts here; declining removes it.
 */
export function ReviewRequestsSection({
  teamId,
  version,
  onChanged,
}: {
  teamId: string;
  version: number;
  onChanged: () => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const requests = useLoadable(teamId, listReviewRequests, version);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');

  const answer = async (request: ReviewRequest, choice: 'accept' | 'decline') => {
    setError(null);
    try {
      await answerReviewRequest(teamId, request.roundId, choice);
      setMessage(
        t(choice === 'accept' ? 'reviewRequests.accepted' : 'reviewRequests.declined', {
          document: request.documentTitle,
        }),
      );
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  const list = requests.state.status === 'ready' ? requests.state.data : [];
  return (
    <section className="page-section" aria-labelledby={headingId} data-testid="review-requests">
      <h2 id={headingId}>{t('reviewRequests.heading')}</h2>
      <p className="muted">{t('reviewRequests.hint')}</p>
      {requests.state.status === 'error' ? <ErrorMessage error={requests.state.error} /> : null}
      {requests.state.status === 'ready' && list.length === 0 ? (
        <p className="muted">{t('reviewRequests.none')}</p>
      ) : null}
      {list.length > 0 ? (
        <ul className="plain-list">
          {list.map((request) => (
            <li key={request.roundId} data-testid="review-request">
              <p>
                {t('reviewRequests.item', {
                  requester: request.requester?.name ?? t('audit.someone'),
                  team: request.requestingTeam ?? '—',
                  document: request.documentTitle,
                  round: request.roundTitle,
                  deadline: formatDate(request.deadline),
                })}
              </p>
              <button
                type="button"
                className="button button--small"
                data-testid="review-request-accept"
                onClick={() => void answer(request, 'accept')}
              >
                <Check aria-hidden="true" />
                {t('reviewRequests.accept')}
                <span className="visually-hidden"> {request.documentTitle}</span>
              </button>{' '}
              <ConfirmButton
                label={t('reviewRequests.decline')}
                context={request.documentTitle}
                question={t('reviewRequests.declineQuestion', { document: request.documentTitle })}
                confirmLabel={t('reviewRequests.declineYes')}
                testId="review-request-decline"
                onConfirm={() => void answer(request, 'decline')}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <p role="status" className="visually-hidden">
        {message}
      </p>
    </section>
  );
}
