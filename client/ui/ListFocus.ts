/**
 * Focuses the first enabled element matching one of `selectors` as soon as it is rendered (after
 * an add or a move the element is new or was moved, and React renders it in the next frame).
 */
export function focusWhenRendered(selectors: string[], frames = 10): void {
  const attempt = (left: number) => {
    for (const selector of selectors) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element && !element.matches(':disabled')) {
        element.focus();
        return;
      }
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}
