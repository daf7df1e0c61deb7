/** The shortcut to the outline, as `aria-keyshortcuts` spells it. */
export const OUTLINE_SHORTCUT = 'Alt+Shift+O';

/** True for Alt+Shift+O (by key position, so layouts and Alt's dead keys don't matter). */
export function isOutlineShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyO';
}
