import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DesignStatus, InternalOutcome } from '../../../shared/domain/lifecycle';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import { changeDesignStatus, type DesignStatusInfo, type StatusMove } from '../versions/versionsApi';
import { useDateTimeFormat } from '../../i18n/format';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

type T = ReturnType<typeof useT>;

export const statusLabel = (status: DesignStatus, t: T) => t(`lifecycle.status.${status}` as MessageKey);

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
  return (
    <section className="lifecycle-panel" aria-labelledby={headingId} data-testid="lifecycle-panel">
      <h2 id={headingId}>{t('lifecycle.heading')}</h2>
      <p>
        {t('lifecycle.current')}: <StatusBadge status={info.status} />
      </p>
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
              onChanged={(next) => {
                setMessage(t('lifecycle.changed', { label: statusLabel(next.status, t) }));
                onChanged(next);
              }}
            />
          ))}
        </ul>
      )}
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

/** A refused step's reason: the server's Dutch sentence, or the same refusal in another UI language. */
function reasonText(move: StatusMove, language: string, t: T): string | null {
  if (language === 'nl' || !move.reasonCode) return move.reason;
  return t(`lifecycle.reason.${move.reasonCode}`, move.reasonParams);
}

function MoveItem<Info extends DesignStatusInfo>({
  changeStatus,
  current,
  move,
  canChange,
  onChanged,
}: {
  changeStatus: (body: Parameters<ChangeStatus>[0]) => Promise<Info>;
  current: DesignStatus;
  move: StatusMove;
  canChange: boolean;
  onChanged: (info: Info) => void;
}) {
  const { language, t } = useI18n();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const noteId = useId();
  const reasonId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const label = statusLabel(move.to, t);
  const needsForm = move.outcome !== null || move.requiresNote;

  useEffect(() => {
    if (open) noteRef.current?.focus();
  }, [open]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (move.requiresNote && !note.trim()) {
      setNoteError(t('lifecycle.noteMissing'));
      noteRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setNoteError(null);
    try {
      const next = await changeStatus({
        to: move.to,
        outcome: move.outcome,
        note: note.trim() || null,
      });
      setOpen(false);
      setNote('');
      onChanged(next);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const outcome = move.outcome ? t(`lifecycle.outcome.${move.outcome}` as MessageKey) : null;
  // "Past niet" records an outcome and leaves the status where it is: not a move to the same status.
  const stays = move.to === current;
  const moveText = stays
    ? t('lifecycle.recordOutcome', { outcome: outcome ?? '', label })
    : outcome
      ? `${t('lifecycle.moveTo', { label })} — ${outcome}`
      : t('lifecycle.moveTo', { label });

  return (
    <li data-testid="lifecycle-move" data-to={move.to} data-ok={move.ok} data-stays={stays}>
      {canChange && move.ok ? (
        <button
          ref={openerRef}
          type="button"
          className="button button--small"
          aria-expanded={needsForm ? open : undefined}
          disabled={busy}
          data-testid="lifecycle-move-button"
          onClick={() => (needsForm ? setOpen((value) => !value) : void submit())}
        >
          {moveText}
        </button>
      ) : (
        <span className="lifecycle-moves__label" aria-describedby={move.reason ? reasonId : undefined}>
          {moveText}
        </span>
      )}
      {!move.ok && move.reason ? (
        <p id={reasonId} className="lifecycle-moves__reason" data-testid="lifecycle-reason">
          {reasonText(move, language, t)}
        </p>
      ) : null}
      {open ? (
        <form className="lifecycle-form" onSubmit={submit} noValidate>
          {move.outcome ? <p>{t('lifecycle.outcome', { outcome: outcome ?? '' })}</p> : null}
          <div className="field">
            <label htmlFor={noteId}>
              {move.requiresNote ? t('lifecycle.noteRequired') : t('lifecycle.note')}
            </label>
            <textarea
              ref={noteRef}
              id={noteId}
              rows={3}
              maxLength={5000}
              value={note}
              required={move.requiresNote}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? `${noteId}-error` : undefined}
              onChange={(event) => setNote(event.target.value)}
            />
            {noteError ? (
              <p id={`${noteId}-error`} className="field__error" role="alert">
                {noteError}
              </p>
            ) : null}
          </div>
          <p className="button-row">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {busy ? t('lifecycle.changing') : stays ? t('lifecycle.recordConfirm') : t('lifecycle.confirm')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setOpen(false);
                openerRef.current?.focus();
              }}
            >
              {t('common.cancel')}
            </button>
          </p>
        </form>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}
