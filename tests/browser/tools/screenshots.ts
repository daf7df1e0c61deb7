import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { buildClientIfNeeded } from '../../../server/cli/build';
import { startHarness } from '../helpers';
import { buildTour, type Persona } from '../support/tour';
import { visit } from '../support/overflow';

/**
 * `npm run screenshots -- --out <dir> [--width 1280,390]`: starts a throwaway server (temporary
 * DATA_DIR, port 0), builds the tour's world and saves one full-page PNG per page and width as
 * `<dir>/<width>/<page>.png`. Builds the client first when it is missing or stale.
 */

const { values } = parseArgs({
  options: { out: { type: 'string' }, width: { type: 'string', default: '1280,390' } },
});
if (!values.out) {
  console.error('usage: npm run screenshots -- --out <dir> [--width 1280,390]');
  process.exit(2);
}
const out = path.resolve(values.out);
const widths = values.width.split(',').map((width) => Number.parseInt(width, 10));
if (widths.some((width) => !Number.isFinite(width) || width < 200)) {
  console.error(`--width: a comma-separated list of pixel widths, got ${values.width}`);
  process.exit(2);
}

await buildClientIfNeeded();
const harness = await startHarness();
let failed = 0;
try {
  const tour = await buildTour(harness);
  const pages = new Map<Persona, Page>();
  for (const width of widths) {
    fs.mkdirSync(path.join(out, String(width)), { recursive: true });
    for (const tourPage of tour.pages) {
      let page = pages.get(tourPage.as);
      if (!page) {
        page = await tour.contexts[tourPage.as].newPage();
        pages.set(tourPage.as, page);
      }
      await page.setViewportSize({ width, height: width < 700 ? 844 : 900 });
      const file = path.join(out, String(width), `${tourPage.name}.png`);
      try {
        await visit(page, harness.server.url, tourPage);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      } catch (error) {
        failed += 1;
        console.error(`${tourPage.name} at ${width} px: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
} finally {
  await harness.close();
}
process.exit(failed ? 1 : 0);
