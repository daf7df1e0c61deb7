import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { CancelButton } from './CancelButton';

/**
 * A "Verwijderen" button that asks first, in place (no modal): the question, "Ja, verwijderen" and
 * "Annuleren". Focus goes to the confirming button and back to the original button on cancel.
 */
export function ConfirmButton({
  label,
  context,
  question,
  onConfirm,
  disabled = false,
  testId,
  confirmLabel,
  small = true,
  icon,
}: {
  /** Visible text of the button ("Verwijderen"). */
  label: string;
  /** Read after the label by screen readers only ("leeruitkomst LU 1.1"), to tell buttons apart. */
  context?: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
  /** Text of the confirming button; "Ja, verwijderen" by default. */
  confirmLabel?: string;
  /** The opening button's size (the confirm step is always small). */
  small?: boolean;
  /** An icon before the opening button's label (`aria-hidden`). */
  icon?: ReactNode;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={openerRef}
        type="button"
        className={`button${small ? ' button--small' : ''} button--danger`}
        disabled={disabled}
        data-testid={testId}
        onClick={() => setAsking(true)}
      >
        {icon}
        {label}
        {context ? <span className="visually-hidden"> {context}</span> : null}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button
        type="button"
        className="button button--small button--danger"
        data-testid={testId ? `${testId}-confirm` : undefined}
        ref={yesRef}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel ?? t('templateEditor.confirmYes')}
      </button>
      <CancelButton small onCancel={() => setAsking(false)} returnFocusTo={openerRef} />
    </div>
  );
}
