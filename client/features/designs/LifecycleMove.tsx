import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import type { DesignStatusInfo, StatusMove } from '../versions/versionsApi';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { moveWording } from '../review/moveWording';
import { SubmitTarget } from '../review/SubmitTarget';
import type { ChangeStatus } from './LifecyclePanel';
import { ArrowRight } from 'lucide-react';

type T = ReturnType<typeof useT>;

/** The Dutch (or English) label of a status. */
export const statusLabel = (status: DesignStatus, t: T) => t(`lifecycle.status.${status}` as MessageKey);

/** A refused step's reason: the server's Dutch sentence, or the same refusal in another UI language. */
function reasonText(move: StatusMove, language: string, t: T): string | null {
  if (language === 'nl' || !move.reasonCode) return move.reason;
  return t(`lifecycle.reason.${move.reasonCode}`, move.reasonParams);
}

/**
 * One next step: a button for whoever makes it (a form when it records an outcome or a note, a
 * confirmation naming the consequence of submitting, withdrawing or parking), or the reason it cannot
 * be taken yet.
 */
export function MoveItem<Info extends DesignStatusInfo>({
  changeStatus,
  current,
  move,
  canChange,
  isDesign,
  onChanged,
}: {
  changeStatus: (body: Parameters<ChangeStatus>[0]) => Promise<Info>;
  current: DesignStatus;
  move: StatusMove;
  canChange: boolean;
  isDesign: boolean;
  onChanged: (info: Info) => void;
}) {
  const { language, t } = useI18n();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [reviewTeamId, setReviewTeamId] = useState('');
  const noteId = useId();
  const reasonId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const label = statusLabel(move.to, t);
  const wording = moveWording(current, move.to);
  const submitting = isDesign && move.to === 'aangemeld-externe-toetsing';
  const needsForm = move.outcome !== null || move.requiresNote || wording.confirm !== null;
  // The toetsingscommissie decides on its own page: the design team sees who, never a button.
  const byReviewTeam = move.mover === 'review-team';

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
        ...(submitting && reviewTeamId ? { reviewTeamId } : {}),
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
  const moveText = wording.label
    ? t(wording.label)
    : stays
      ? t('lifecycle.recordOutcome', { outcome: outcome ?? '', label })
      : outcome
        ? `${t('lifecycle.moveTo', { label })} — ${outcome}`
        : t('lifecycle.moveTo', { label });

  return (
    <li data-testid="lifecycle-move" data-to={move.to} data-ok={move.ok} data-stays={stays}>
      {byReviewTeam ? (
        <span className="lifecycle-moves__label">
          {moveText} <span className="muted">({t('lifecycle.byReviewTeam')})</span>
        </span>
      ) : canChange && move.ok ? (
        <button
          ref={openerRef}
          type="button"
          className="button button--small"
          aria-expanded={needsForm ? open : undefined}
          disabled={busy}
          data-testid="lifecycle-move-button"
          onClick={() => (needsForm ? setOpen((value) => !value) : void submit())}
        >
          <ArrowRight aria-hidden="true" />
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
          {submitting ? <SubmitTarget value={reviewTeamId} onChange={setReviewTeamId} /> : null}
          <div className="field">
            <label htmlFor={noteId}>
              {move.requiresNote
                ? t('lifecycle.noteRequired')
                : move.outcome
                  ? t('lifecycle.consortiumNote')
                  : t('lifecycle.note')}
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
            {wording.confirm ? (
              <ConfirmButton
                label={moveText}
                question={t(wording.confirm)}
                confirmLabel={t('lifecycle.confirm.yes')}
                onConfirm={() => void submit()}
                disabled={busy}
                testId="lifecycle-confirm"
              />
            ) : (
              <button type="submit" className="button button--primary button--small" disabled={busy}>
                {busy
                  ? t('lifecycle.changing')
                  : stays
                    ? t('lifecycle.recordConfirm')
                    : t('lifecycle.confirm')}
              </button>
            )}
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
