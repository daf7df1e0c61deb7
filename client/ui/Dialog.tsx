import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native `<dialog>` (showModal makes the rest of the page inert and gives
 * Escape). On top of that: Tab and Shift+Tab wrap inside the dialog instead of leaving for the
 * browser's own controls, the heading (`labelledBy`) takes focus on open so screen readers start
 * at the dialog's name, and focus returns to whatever opened it.
 */
export function Dialog({
  open,
  onClose,
  labelledBy,
  testId,
  wide = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** id of the element that names the dialog; it receives focus when the dialog opens. */
  labelledBy: string;
  testId?: string;
  /** A wider dialog (timelines, comparisons). */
  wide?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      document.getElementById(labelledBy)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, labelledBy]);

  useEffect(
    () => () => {
      // Unmounted while open (e.g. the page changed): give focus back all the same.
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    },
    [],
  );

  const restoreFocus = () => {
    const target = opener.current;
    opener.current = null;
    // Something in the dialog may have sent focus somewhere on purpose (a "go to the field" link);
    // only an orphaned focus (on the body, or still in the closed dialog) goes back to the opener.
    const active = document.activeElement;
    if (active && active !== document.body && !ref.current?.contains(active)) return;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (element) => element.offsetParent !== null,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    // The heading (focused on open) is not in the list: Shift+Tab from it wraps to the end too.
    const index = focusable.indexOf(document.activeElement as HTMLElement);
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && index === focusable.length - 1) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Escape: the parent decides (it owns `open`); the native close would desynchronise it.
        event.preventDefault();
        onClose();
      }}
      onClose={restoreFocus}
    >
      {open ? children : null}
    </dialog>
  );
}
