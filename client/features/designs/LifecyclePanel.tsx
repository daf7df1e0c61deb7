import { useId, useState } from 'react';
import type { DesignStatus, InternalOutcome } from '../../../shared/domain/lifecycle';
import { changeDesignStatus, type DesignStatusInfo } from '../versions/versionsApi';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { DesignReviewReport } from '../review/DesignReviewReport';
import { MoveItem, statusLabel } from './LifecycleMove';

export { statusLabel };

/** The status badge (Dutch label in Dutch). */
export function StatusBadge({ status }: { status: DesignStatus }) {
  const t = useT();
  return (
    <span
      className={`badge status-badge status-badge--${status}`}
      data-testid="status-badge"
      data-status={status}
    >
      {statusLabel(status, t)}
    </span>
  );
}

/** Performs one move and returns the new status (a design's or a traject's endpoint). */
export type ChangeStatus = (body: {
  to: DesignStatus;
  outcome: InternalOutcome | null;
  note: string | null;
  /** Submitting a design: the toetsingscommissie (left out when there is only one). */
  reviewTeamId?: string;
}) => Promise<DesignStatusInfo>;

/**
 * The lifecycle of a design or a traject: the current status, every next step (owners get a button; a step
 * that is not possible shows the gate's reason), the outcome and note a step records, and the
 * history of moves.
 */
export function LifecyclePanel<Info extends DesignStatusInfo>({
  docId,
  changeStatus,
  info,
  canChange,
  onChanged,
}: {
  /** A design: moves go to /api/designs/:id/status. */
  docId?: string;
  /** Anything else with the same lifecycle (a traject): how to move it. */
  changeStatus?: (body: Parameters<ChangeStatus>[0]) => Promise<Info>;
  info: Info;
  /** `document.changeStatus` (owners). */
  canChange: boolean;
  onChanged: (info: Info) => void;
}) {
  const t = useT();
  const move: (body: Parameters<ChangeStatus>[0]) => Promise<Info> =
    changeStatus ?? ((body) => changeDesignStatus(docId ?? '', body) as Promise<Info>);
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const movesId = useId();
  const [message, setMessage] = useState('');
  const [reportVersion, setReportVersion] = useState(0);
  return (
    <section className="lifecycle-panel" aria-labelledby={headingId} data-testid="lifecycle-panel">
      <h2 id={headingId}>{t('lifecycle.heading')}</h2>
      <p>
        {t('lifecycle.current')}: <StatusBadge status={info.status} />
      </p>
      {info.status === 'geparkeerd' ? (
        <p className="callout" data-testid="parked-hint">
          {t('lifecycle.parkedHint')}
        </p>
      ) : null}
      <p role="status" className="visually-hidden" data-testid="lifecycle-status">
        {message}
      </p>
      <h3 id={movesId}>{t('lifecycle.moves')}</h3>
      {!canChange ? <p className="muted">{t('lifecycle.ownersOnly')}</p> : null}
      {info.allowed.length === 0 ? (
        <p>{t('lifecycle.noMoves')}</p>
      ) : (
        <ul className="lifecycle-moves" aria-labelledby={movesId}>
          {info.allowed.map((step) => (
            <MoveItem
              key={`${step.to}-${step.outcome ?? ''}`}
              changeStatus={move}
              current={info.status}
              move={step}
              canChange={canChange}
              isDesign={docId !== undefined}
              onChanged={(next) => {
                setMessage(t('lifecycle.changed', { label: statusLabel(next.status, t) }));
                setReportVersion((n) => n + 1);
                onChanged(next);
              }}
            />
          ))}
        </ul>
      )}
      {docId !== undefined ? (
        <DesignReviewReport docId={docId} canTick={canChange} version={reportVersion} />
      ) : null}
      <details className="lifecycle-history">
        <summary>{t('lifecycle.history')}</summary>
        {info.history.length === 0 ? (
          <p>{t('lifecycle.noHistory')}</p>
        ) : (
          <ol data-testid="lifecycle-history">
            {info.history.map((entry) => (
              <li key={entry.id}>
                {t('lifecycle.historyEntry', {
                  from: entry.from ? statusLabel(entry.from, t) : t('versions.none'),
                  to: statusLabel(entry.to, t),
                })}
                {entry.outcome ? ` (${t(`lifecycle.outcome.${entry.outcome}` as MessageKey)})` : ''} ·{' '}
                <span className="muted">{formatDate(entry.createdAt)}</span>
                {entry.note ? <p className="prewrap">{entry.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
