import { useId, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../api/request';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { changeDesignStatus } from '../versions/versionsApi';
import type { ReviewDetail } from './reviewApi';

/**
 * The committee's decision with its report: "Goedkeuren en publiceren" or "Afkeuren" (report
 * required), each confirmed first because approval publishes for good.
 */
export function DecisionForm({ review, onDecided }: { review: ReviewDetail; onDecided: () => void }) {
  const t = useT();
  const headingId = useId();
  const reportId = useId();
  const reportRef = useRef<HTMLTextAreaElement>(null);
  const [report, setReport] = useState('');
  const [reportError, setReportError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const decide = async (to: 'goedgekeurd' | 'afgekeurd') => {
    if (to === 'afgekeurd' && !report.trim()) {
      setReportError(t('review.reportMissing'));
      reportRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setReportError(null);
    try {
      await changeDesignStatus(review.docId, { to, note: report.trim() || null });
      onDecided();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card page-section" aria-labelledby={headingId} data-testid="decision-form">
      <h2 id={headingId}>{t('review.decisionHeading')}</h2>
      <div className="field">
        <label htmlFor={reportId}>{t('review.report')}</label>
        <textarea
          ref={reportRef}
          id={reportId}
          rows={4}
          maxLength={5000}
          value={report}
          aria-invalid={reportError ? true : undefined}
          aria-describedby={reportError ? `${reportId}-error` : undefined}
          onChange={(event) => setReport(event.target.value)}
          data-testid="review-report-input"
        />
        {reportError ? (
          <p id={`${reportId}-error`} className="field__error" role="alert">
            {reportError}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <ConfirmButton
          label={t('review.approve')}
          question={t('review.confirmApprove')}
          confirmLabel={t('review.approve')}
          onConfirm={() => void decide('goedgekeurd')}
          disabled={busy}
          testId="review-approve"
          small={false}
        />
        <ConfirmButton
          label={t('review.reject')}
          question={t('review.confirmReject')}
          confirmLabel={t('review.reject')}
          onConfirm={() => void decide('afgekeurd')}
          disabled={busy}
          testId="review-reject"
          small={false}
        />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
