/**
 * On a phone a panel opens as a bottom sheet over the page (styles/sheets.css); focus then belongs
 * inside it, or keyboard and screen-reader users carry on behind the sheet. After a click on a
 * control that expands a panel (`aria-expanded` + `aria-controls`), the panel's heading takes
 * focus when the panel shows as a sheet (`position: fixed`). The panels give focus back to their
 * control themselves when closed (Escape or their close button).
 */
export function installSheetFocus(): void {
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const control = target?.closest('[aria-controls][aria-expanded]');
    const panelId = control?.getAttribute('aria-controls');
    if (!control || !panelId) return;
    // After React has rendered the click's state change.
    requestAnimationFrame(() => {
      const panel = document.getElementById(panelId);
      if (control.getAttribute('aria-expanded') !== 'true' || !panel || panel.hidden) return;
      if (getComputedStyle(panel).position !== 'fixed') return;
      const heading = panel.querySelector<HTMLElement>('h2, h3') ?? panel;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    });
  });
}
