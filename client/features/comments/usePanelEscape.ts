import { useEffect, useRef, type KeyboardEvent } from 'react';

/**
 * Escape closes the comments panel and gives focus back to what opened it (the "Reacties" toggle,
 * an item's "Reageer", a highlight), or to the toggle when that is gone. Escapes handled inside
 * the panel first (a reply form, the mention list) are left alone: they call preventDefault.
 */
export function usePanelEscape(
  open: boolean,
  closable: boolean,
  close: () => void,
): (event: KeyboardEvent<HTMLElement>) => void {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    // Opening does not move focus, so what has it now is what opened the panel.
    if (open && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      opener.current = document.activeElement;
    }
  }, [open]);
  return (event) => {
    if (event.key !== 'Escape' || event.isDefaultPrevented() || !closable) return;
    event.preventDefault();
    close();
    const target = opener.current?.isConnected ? opener.current : document.getElementById('comments-toggle');
    requestAnimationFrame(() => target?.focus());
  };
}
