import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a form in its place; `form(close)` renders the form, and `close` puts the
 * button back and focus on it (after cancelling or saving).
 */
export function RoundFormToggle({
  label,
  icon,
  className,
  testId,
  form,
}: {
  label: string;
  /** An icon before the label (`aria-hidden`; the label stays the name). */
  icon?: ReactNode;
  className: string;
  testId: string;
  form: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      openerRef.current?.focus();
    }
  }, [open]);
  const close = useCallback(() => setOpen(false), []);
  if (open) return form(close);
  return (
    <p>
      <button
        ref={openerRef}
        type="button"
        className={className}
        data-testid={testId}
        onClick={() => setOpen(true)}
      >
        {icon}
        {label}
      </button>
    </p>
  );
}
