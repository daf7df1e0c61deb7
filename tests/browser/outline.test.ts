import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  addMemberViaApi,
  api,
  createDesignViaApi,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  newSignedInContext,
  nthEditor,
  openPage,
  useHarness,
} from './helpers';

/**
 * Issue 24: the document outline (Alt+Shift+O, focus to the heading, the current section marked)
 * and the sticky document header (save status and people in view, one row at 1280 px, at most
 * 15 % of a phone's height, an avatar that finds its owner's caret).
 */

const harness = useHarness();

async function newDesign(context: BrowserContext, title: string) {
  const url = harness.server.url;
  const teamId = await createTeamViaApi(context, url, `Lab ${title}`, 'cocreatieteam');
  return { teamId, id: await createDesignViaApi(context, url, teamId, title) };
}

async function openDesign(
  context: BrowserContext,
  id: string,
  label: string,
  size = { width: 1280, height: 800 },
) {
  const page = await openPage(context, harness.server.url, `/ontwerpen/${id}`, label);
  await page.setViewportSize(size);
  await expect.poll(() => nthEditor(page, 0).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => page.getByTestId('outline-item').count(), { timeout: 10_000 }).toBeGreaterThan(5);
  return page;
}

const activeText = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? '',
    text: document.activeElement?.textContent?.trim() ?? '',
    inOutline: Boolean(document.activeElement?.closest('nav[aria-label="Inhoud"]')),
  }));

/** The element's box against the viewport: fully inside it? */
const inViewport = (page: Page, selector: string) =>
  page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  }, selector);

describe('the document outline and the sticky header', () => {
  test('Alt+Shift+O reaches the outline; Enter on an entry moves focus to its heading, which becomes current', async () => {
    const { context } = await newSignedInContext(harness, 'Olga');
    const design = await newDesign(context, 'Inhoud per toets');
    const page = await openDesign(context, design.id, 'Olga');

    const outline = page.getByRole('navigation', { name: 'Inhoud' });
    const texts = await outline.getByRole('link').allInnerTexts();
    expect(texts.join('|')).toContain('Bewijzen per leeruitkomst');
    expect(texts.join('|')).toContain('Onderdelen uit het ontwikkelpad');
    // A new design fails R4 (no leeruitkomsten chosen): the dot says so in words too.
    const outcomes = outline.getByRole('link', { name: /Leeruitkomsten die/ });
    await expect.poll(() => outcomes.getByTestId('outline-rules').getAttribute('data-status')).toBe('fail');

    // From a field, the shortcut lands on the outline's current entry.
    await page.getByTestId('design-title-input').focus();
    await page.keyboard.press('Alt+Shift+O');
    await expect.poll(() => activeText(page).then((active) => active.inOutline)).toBe(true);

    // Tab to the evidence entry, then Enter.
    for (let step = 0; step < 20; step += 1) {
      if ((await activeText(page)).text.startsWith('Bewijzen per leeruitkomst')) break;
      await page.keyboard.press('Tab');
    }
    expect((await activeText(page)).text).toMatch(/^Bewijzen per leeruitkomst/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => activeText(page))
      .toEqual({
        tag: 'H2',
        text: 'Bewijzen per leeruitkomst',
        inOutline: false,
      });
    const entry = outline.getByRole('link', { name: /^Bewijzen per leeruitkomst/ });
    await expect.poll(() => entry.getAttribute('aria-current'), { timeout: 5_000 }).toBe('location');
    expect(await outline.locator('a[aria-current="location"]').count()).toBe(1);
    // The heading sits below the sticky header, not under it.
    const headingTop = await page.evaluate(() => document.activeElement?.getBoundingClientRect().top ?? -1);
    const headerBottom = await page.evaluate(
      () => document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0,
    );
    expect(headingTop).toBeGreaterThanOrEqual(headerBottom);
  }, 90_000);

  test('the save status stays in view at the bottom of the page; the header is one row at 1280 px and small on a phone', async () => {
    const { context } = await newSignedInContext(harness, 'Piet');
    const design = await newDesign(context, 'Plakkende kop');
    const page = await openDesign(context, design.id, 'Piet');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    expect(await inViewport(page, '[data-testid="save-status"]')).toBe(true);
    expect(await inViewport(page, '[data-testid="presence"]')).toBe(true);
    expect(await inViewport(page, '[data-testid="export-open"]')).toBe(true);
    expect(await page.getByTestId('doc-header-title').innerText()).toBe('Plakkende kop');

    // One row: the brand bar is no taller than its tallest control.
    const barHeight = await page.evaluate(
      () => document.querySelector('.app-header__bar')?.getBoundingClientRect().height ?? 0,
    );
    expect(barHeight).toBeLessThanOrEqual(60);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const sticky = await page.evaluate(
      () => document.querySelector('.app-header--sticky')?.getBoundingClientRect().height ?? 0,
    );
    expect(sticky).toBeGreaterThan(0);
    expect(sticky).toBeLessThanOrEqual(844 * 0.15);
    expect(await inViewport(page, '[data-testid="save-status"]')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The outline folds into "Inhoud" above the page.
    const toggle = page.getByTestId('outline-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('outline-item').first().isVisible()).toBe(false);
    await toggle.click();
    expect(await page.getByTestId('outline-item').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  test('an avatar scrolls to its owner’s caret, or says they have none', async () => {
    const owner = await newSignedInContext(harness, 'Anna');
    const editor = await newSignedInContext(harness, 'Bram');
    const design = await newDesign(owner.context, 'Wie waar');
    await addMemberViaApi(owner.context, harness.server.url, design.teamId, editor.user.email, 'editor');
    const anna = await openDesign(owner.context, design.id, 'Anna');
    const bram = await openDesign(editor.context, design.id, 'Bram');

    // Bram writes in the last section, far below where Anna reads.
    const last = (await bram.getByTestId('section-editor').count()) - 1;
    await nthEditor(bram, last).click();
    await bram.keyboard.type('Hier schrijft Bram.');
    await expect
      .poll(() => anna.locator('.collaboration-carets__caret').count(), { timeout: 10_000 })
      .toBe(1);
    await anna.evaluate(() => window.scrollTo(0, 0));
    expect(await inViewport(anna, '.collaboration-carets__caret')).toBe(false);

    await anna.getByRole('button', { name: 'Naar de cursor van Bram' }).click();
    await expect.poll(() => inViewport(anna, '.collaboration-carets__caret'), { timeout: 5_000 }).toBe(true);
    expect(await anna.locator('.collaboration-carets__caret--flash').count()).toBe(1);
    await expect.poll(() => anna.getByTestId('presence-announcer').innerText()).toContain('Bram');

    // Bram leaves the text for the title field: no caret to show.
    await bram.getByTestId('design-title-input').click();
    await expect
      .poll(() => anna.locator('.collaboration-carets__caret').count(), { timeout: 10_000 })
      .toBe(0);
    await anna.getByRole('button', { name: 'Naar de cursor van Bram' }).click();
    await expect
      .poll(() => anna.getByTestId('presence-announcer').innerText())
      .toContain('Bram heeft nu geen cursor in de tekst.');
  }, 90_000);

  test('a comment on a section’s text counts in the outline, under the section and its part', async () => {
    const { context } = await newSignedInContext(harness, 'Cas');
    const design = await newDesign(context, 'Reacties tellen');
    const page = await openDesign(context, design.id, 'Cas');
    await nthEditor(page, 0).click();
    await page.keyboard.type('Een zin om op te reageren.');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+Alt+M');
    await page.getByTestId('comment-input').fill('Wat bedoelen we hier?');
    await page.getByTestId('comment-submit').click();

    const outline = page.getByRole('navigation', { name: 'Inhoud' });
    const counted = outline.getByRole('link').filter({ has: page.getByTestId('outline-comments') });
    await expect.poll(() => counted.count(), { timeout: 10_000 }).toBe(2);
    expect(await counted.locator('.outline__text').allInnerTexts()).toEqual([
      'Onderdelen uit het ontwikkelpad',
      'Doelgroep en aanleiding',
    ]);
    expect(
      await counted
        .getByTestId('outline-comments')
        .evaluateAll((marks) => marks.map((mark) => mark.textContent)),
    ).toEqual(['1, 1 reactie', '1, 1 reactie']);
  }, 90_000);

  test('the design page with its outline is axe clean', async () => {
    const { context } = await newSignedInContext(harness, 'Ria');
    const design = await newDesign(context, 'Toegankelijk');
    const page = await openDesign(context, design.id, 'Ria');
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  test('the ontwikkelpad draft, the traject, a saved version and a round’s frozen version have their outline too', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Sem');
    const design = await newDesign(context, 'Overal inhoud');
    const example = await exampleTemplate(context, url);
    const atelier = await createTeamViaApi(context, url, 'Atelier Inhoud', 'atelier');
    const draft = await api<{ id: string }>(context, url, 'POST', '/api/templates/drafts', {
      teamId: atelier,
      title: 'Ontwikkelpad met inhoud',
    });
    const traject = await api<{ id: string }>(context, url, 'POST', '/api/trajects', {
      teamId: design.teamId,
      title: 'Traject met inhoud',
      templateVersionId: example.id,
    });
    const version = await api<{ id: string }>(context, url, 'POST', `/api/designs/${design.id}/versions`, {
      label: 'Eerste opzet',
    });
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const round = await api<{ id: string }>(context, url, 'POST', `/api/documents/${design.id}/rounds`, {
      versionId: version.id,
      title: 'Ronde met inhoud',
      deadline,
    });
    const pages: Array<[string, string]> = [
      [`/ontwikkelpaden/${draft.id}`, 'Suggesties voor co-creatielabs'],
      [`/trajecten/${traject.id}`, 'Dekkingsmatrix'],
      [`/ontwerpen/${design.id}/versies/${version.id}`, 'Bewijzen per leeruitkomst'],
      [`/ronde/${round.id}`, 'Bewijzen per leeruitkomst'],
    ];
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const found: Record<string, unknown> = {};
    for (const [path, entry] of pages) {
      await page.goto(`${url}${path}`);
      const outline = page.getByRole('navigation', { name: 'Inhoud' });
      const link = outline.getByRole('link', { name: new RegExp(`^${entry}(,|$)`) });
      await link.waitFor({ timeout: 15_000 });
      const target = (await link.getAttribute('href'))?.slice(1) ?? '';
      await link.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);
      found[path] = { axe: await axeViolations(page) };
    }
    expect(found).toEqual(Object.fromEntries(pages.map(([path]) => [path, { axe: [] }])));
  }, 120_000);
});
