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

/** `[data-path="…"]` for a check's path. */
export function pathSelector(path: string): string {
  return `[data-path="${CSS.escape(path)}"]`;
}

/**
 * Moves focus to the field a publish check is about (its `path`, e.g. `outcomes.lu-1.code`);
 * a general path (`themes`) goes to the first field under it. Returns whether a field was found.
 */
export function focusProblemField(path: string): boolean {
  const element =
    document.querySelector<HTMLElement>(pathSelector(path)) ??
    document.querySelector<HTMLElement>(`[data-path^="${CSS.escape(`${path}.`)}"]`);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}
