import { useId, type ReactNode } from 'react';
import type { Round } from '../../../shared/schemas/rounds';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';

/** One fact of a `<dl className="facts">`: its term and its value. */
export function Fact({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** "Deadline" with the date and time in the reader's language. */
export function DeadlineFact({ deadline }: { deadline: string }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  return (
    <Fact term={t('rounds.deadline')}>
      <time dateTime={deadline}>{formatDate(deadline)}</time>
    </Fact>
  );
}

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
  const criteriaId = useId();
  return (
    <dl className="facts facts--stacked card" data-testid={testId}>
      {leading}
      <Fact term={t('rounds.version')} testId={versionTestId}>
        {round.version.label}
        {versionLink ? <> {versionLink}</> : null}
      </Fact>
      <DeadlineFact deadline={round.deadline} />
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
