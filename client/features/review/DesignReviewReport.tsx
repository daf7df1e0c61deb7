import { useId, useState } from 'react';
import { toApiError, type ApiError } from '../../api/request';
import { useLoadable } from '../../api/useLoadable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { getDesignReports, setAddressed, type DesignReport } from './reviewApi';

/**
 * The newest decided report of the externe toetsing on the design's lifecycle panel: the judgement
 * and note per criterion and the committee's report. After a rejection the team ticks off what it
 * reworked, a checklist to rework against before submitting again.
 */
export function DesignReviewReport({
  docId,
  canTick,
  version,
}: {
  docId: string;
  canTick: boolean;
  version: number;
}) {
  const reports = useLoadable(docId, getDesignReports, version);
  if (reports.state.status === 'error') return <ErrorMessage error={reports.state.error} />;
  if (reports.state.status !== 'ready') return null;
  const decided = reports.state.data.find(
    (report) => report.state === 'goedgekeurd' || report.state === 'afgekeurd',
  );
  return decided ? (
    <Report docId={docId} report={decided} canTick={canTick && decided.state === 'afgekeurd'} />
  ) : null;
}

function Report({ docId, report, canTick }: { docId: string; report: DesignReport; canTick: boolean }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  return (
    <section className="review-report" aria-labelledby={headingId} data-testid="design-review-report">
      <h3 id={headingId}>{t('review.designReportHeading')}</h3>
      <p className="muted">
        {t('review.designReportFrom', {
          team: report.reviewTeamName ?? '',
          state: t(`review.state.${report.state}` as MessageKey),
          date: report.decidedAt ? formatDate(report.decidedAt) : '',
        })}
      </p>
      {report.report ? <p className="prewrap">{report.report}</p> : null}
      {canTick ? <p className="field__hint">{t('review.addressedHint')}</p> : null}
      <ul className="review-report__criteria">
        {report.criteria.map((criterion) => (
          <CriterionLine
            key={criterion.id}
            docId={docId}
            assignmentId={report.id}
            criterion={criterion}
            canTick={canTick}
          />
        ))}
      </ul>
    </section>
  );
}

function CriterionLine({
  docId,
  assignmentId,
  criterion,
  canTick,
}: {
  docId: string;
  assignmentId: string;
  criterion: DesignReport['criteria'][number];
  canTick: boolean;
}) {
  const t = useT();
  const id = useId();
  const [addressed, setChecked] = useState(criterion.addressedAt !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const verdict = criterion.verdict
    ? t(`review.verdict.${criterion.verdict}` as MessageKey)
    : t('review.noJudgement');
  const tickable = canTick && criterion.verdict === 'voldoet-niet';
  const toggle = async (next: boolean) => {
    setChecked(next);
    setError(null);
    try {
      await setAddressed(docId, assignmentId, criterion.id, next);
    } catch (caught) {
      setChecked(!next);
      setError(toApiError(caught));
    }
  };
  return (
    <li data-testid="report-criterion" data-verdict={criterion.verdict ?? ''}>
      <strong>{criterion.title}</strong>: {verdict}
      {criterion.note ? <span className="prewrap"> — {criterion.note}</span> : null}
      {tickable ? (
        <span className="review-report__tick">
          {' '}
          <input
            id={id}
            type="checkbox"
            checked={addressed}
            onChange={(event) => void toggle(event.target.checked)}
          />
          <label htmlFor={id}>
            {t('review.addressed')}
            <span className="visually-hidden"> {criterion.title}</span>
          </label>
        </span>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}
