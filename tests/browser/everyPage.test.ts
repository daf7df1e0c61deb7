import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useHarness } from './helpers';
import { buildTour, type Persona, type Tour } from './support/tour';
import { overflow, visit } from './support/overflow';

/**
 * Every page of the app (tests/browser/support/tour.ts), on a phone and on a laptop: nothing
 * scrolls sideways at 390 and 360 px (wide tables scroll inside their own area), and axe finds no
 * WCAG A/AA violation at 390 and 1280 px. Each run measures every page before the verdict, so one
 * failure lists all pages that need work.
 */

const harness = useHarness();
let tour: Tour;
const pages = new Map<Persona, Page>();

beforeAll(async () => {
  tour = await buildTour(harness);
}, 120_000);

/** One page per persona, reused from width to width (a new page per visit costs a renderer). */
async function pageFor(persona: Persona, width: number): Promise<Page> {
  let page = pages.get(persona);
  if (!page) {
    page = await tour.contexts[persona].newPage();
    page.on('pageerror', (error) => console.error(`[${persona}] page error:`, error));
    pages.set(persona, page);
  }
  await page.setViewportSize({ width, height: width < 700 ? 844 : 900 });
  return page;
}

/** What each page shows at `width`: its overflow (phones) and axe violations (when asked). */
async function measureAll(width: number, { axe }: { axe: boolean }) {
  const problems: Record<string, unknown> = {};
  for (const tourPage of tour.pages) {
    const page = await pageFor(tourPage.as, width);
    try {
      await visit(page, harness.server.url, tourPage);
    } catch (error) {
      problems[tourPage.name] = `did not load: ${(error as Error).message.split('\n')[0]}`;
      continue;
    }
    const found: Record<string, unknown> = {};
    if (width < 700) {
      const measured = await overflow(page, width);
      if (measured.scrollWidth !== width || measured.wide.length > 0) found.overflow = measured;
    }
    if (axe) {
      const violations = await axeViolations(page);
      if (violations.length > 0) found.axe = violations;
    }
    if (Object.keys(found).length > 0) problems[tourPage.name] = found;
  }
  return problems;
}

describe('every page', () => {
  test('at 390 px: nothing scrolls sideways, nothing sticks out, axe is clean', async () => {
    expect(await measureAll(390, { axe: true })).toEqual({});
  }, 240_000);

  test('at 360 px: nothing scrolls sideways', async () => {
    expect(await measureAll(360, { axe: false })).toEqual({});
  }, 240_000);

  test('at 1280 px: axe is clean', async () => {
    expect(await measureAll(1280, { axe: true })).toEqual({});
  }, 240_000);
});
