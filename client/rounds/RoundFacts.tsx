import { useId, type ReactNode } from 'react';
import type { Round } from '../../shared/schemas/feedback';
import { useDateTimeFormat } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';

/**
 * A round's facts as a card: anything the page puts first (`leading`), the version (with an
 * optional link after its label), the deadline, the description and the criteria in order.
 */
export function RoundFacts({
  round,
  testId,
  leading,
  versionTestId,
  versionLink,
}: {
  round: Round;
  testId: string;
  leading?: ReactNode;
  versionTestId?: string;
  versionLink?: ReactNode;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const criteriaId = useId();
  return (
    <dl className="facts facts--stacked card" data-testid={testId}>
      {leading}
      <div>
        <dt>{t('rounds.version')}</dt>
        <dd data-testid={versionTestId}>
          {round.version.label}
          {versionLink ? <> {versionLink}</> : null}
        </dd>
      </div>
      <div>
        <dt>{t('rounds.deadline')}</dt>
        <dd>
          <time dateTime={round.deadline}>{formatDate(round.deadline)}</time>
        </dd>
      </div>
      {round.description ? (
        <div>
          <dt>{t('rounds.description')}</dt>
          <dd className="prewrap">{round.description}</dd>
        </div>
      ) : null}
      <div>
        <dt id={criteriaId}>{t('rounds.criteria')}</dt>
        <dd>
          <ol aria-labelledby={criteriaId}>
            {round.criteria.map((criterion) => (
              <li key={criterion.id}>{criterion.title}</li>
            ))}
          </ol>
        </dd>
      </div>
    </dl>
  );
}
