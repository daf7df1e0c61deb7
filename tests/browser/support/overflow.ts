import type { Page } from 'playwright-core';
import type { TourPage } from './tour';

/** What `overflow` found: the page's scroll width and what sticks out (empty when nothing does). */
export interface Overflow {
  scrollWidth: number;
  /** The first element past the right edge outside a scroll area, then its ancestors. */
  wide: string[];
}

/**
 * The page's scroll width, and what sticks out past `width` outside a `[data-scroll-area]`: for the
 * first such element its ancestors too (tag, class, display, width), so a failure names the culprit.
 */
export async function overflow(page: Page, width: number): Promise<Overflow> {
  // Under tsx (the screenshot tool) esbuild wraps named functions in `__name(…)`, which the page lacks.
  await page.evaluate('window.__name ??= (fn) => fn');
  return page.evaluate((viewport) => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${String(element.className)}[${getComputedStyle(element).display}] ${Math.round(element.getBoundingClientRect().width)}`;
    // Inside a scroll area only what escapes it counts: an absolutely placed element whose
    // containing block lies outside the area (a static area does not contain it).
    const escapes = (element: Element) => {
      const area = element.parentElement?.closest('[data-scroll-area]');
      if (!area) return true;
      return (
        getComputedStyle(element).position === 'absolute' && getComputedStyle(area).position === 'static'
      );
    };
    const sticksOut = (rect: DOMRect) => rect.width > 0 && rect.right > viewport + 0.5;
    // Cut off by an ancestor that fits (visually hidden text, a clipped box): nothing shows past it.
    const clipped = (start: Node) => {
      for (let node = start.parentElement; node && node !== document.body; node = node.parentElement) {
        if (getComputedStyle(node).overflowX !== 'visible' && !sticksOut(node.getBoundingClientRect())) {
          return true;
        }
      }
      return false;
    };
    let culprit: Element | null =
      [...document.querySelectorAll('body *')].find(
        (element) => sticksOut(element.getBoundingClientRect()) && escapes(element) && !clipped(element),
      ) ?? null;
    let text = '';
    if (!culprit) {
      // An unbreakable word (an e-mail address, a URL) overflows its box without widening it.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const parent = node.parentElement;
        if (!parent || !sticksOut(range.getBoundingClientRect())) continue;
        if (!escapes(parent) || clipped(node)) continue;
        culprit = parent;
        text = `text "${(node.textContent ?? '').trim().slice(0, 40)}"`;
        break;
      }
    }
    const chain: string[] = text ? [text] : [];
    for (let node = culprit; node && node !== document.body; node = node.parentElement) {
      chain.push(describe(node));
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: chain };
  }, width);
}

/**
 * Opens a tour page in `page` (already at the wanted size) and waits until it has loaded: its
 * ready selector, quiet network, and the panel of `open` when it has one.
 */
export async function visit(page: Page, baseUrl: string, tourPage: TourPage): Promise<void> {
  await page.goto(`${baseUrl}${tourPage.path}`);
  await page.locator(tourPage.ready).first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  if (tourPage.open) {
    const opener = page.locator(tourPage.open).first();
    // On a phone a document's actions wait behind "Documentacties".
    const actions = page.getByTestId('doc-actions-toggle');
    if (!(await opener.isVisible()) && (await actions.isVisible())) await actions.click();
    await opener.click();
    if (tourPage.opened) await page.locator(tourPage.opened).first().waitFor({ timeout: 10_000 });
  }
  // Fonts and late layout (sticky headers, sheets' transitions) settle before anything is measured.
  await page.evaluate(() =>
    document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))),
  );
}
