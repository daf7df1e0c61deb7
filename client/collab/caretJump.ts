import { readableUserColor } from './colors';

const FLASH_CLASS = 'collaboration-carets__caret--flash';
const FLASH_MS = 2000;

/** The colour as the DOM writes it back (`rgb(…)`), to compare with a caret's inline style. */
function normalizedColor(color: string): string {
  const probe = document.createElement('span');
  probe.style.borderColor = color;
  return probe.style.borderColor;
}

/**
 * Another person's caret in the page's editors (CollaborationCaret draws it with their name and
 * colour, client/editor/carets.ts), or null when they are not in a text right now.
 */
export function findCaret(name: string, color: string): HTMLElement | null {
  const wanted = normalizedColor(readableUserColor(color));
  const carets = Array.from(document.querySelectorAll<HTMLElement>('.collaboration-carets__caret')).filter(
    (caret) => caret.querySelector<HTMLElement>('.collaboration-carets__label')?.dataset['name'] === name,
  );
  return carets.find((caret) => caret.style.borderColor === wanted) ?? carets[0] ?? null;
}

/** Scrolls the caret into the middle of the view and makes it stand out for a moment. */
export function showCaret(caret: HTMLElement): void {
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  caret.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  caret.classList.remove(FLASH_CLASS);
  // Restarting the animation needs a style flush between removing and adding the class.
  void caret.offsetWidth;
  caret.classList.add(FLASH_CLASS);
  setTimeout(() => caret.classList.remove(FLASH_CLASS), FLASH_MS);
}
