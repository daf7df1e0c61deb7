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
export function overflow(page: Page, width: number): Promise<Overflow> {
  return page.evaluate((viewport) => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${String(element.className)}[${getComputedStyle(element).display}] ${Math.round(element.getBoundingClientRect().width)}`;
    const wide = [...document.querySelectorAll('body *')].filter(
      (element) =>
        element.getBoundingClientRect().right > viewport + 0.5 &&
        !element.parentElement?.closest('[data-scroll-area]'),
    );
    const chain: string[] = [];
    for (let node = wide[0] ?? null; node && node !== document.body; node = node.parentElement) {
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
    await page.locator(tourPage.open).first().click();
    if (tourPage.opened) await page.locator(tourPage.opened).first().waitFor({ timeout: 10_000 });
  }
  // Fonts and late layout (sticky headers, sheets' transitions) settle before anything is measured.
  await page.evaluate(() =>
    document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))),
  );
}
