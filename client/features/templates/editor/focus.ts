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
