import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  api,
  axeViolations,
  createDocumentViaApi,
  expectStatus,
  nthEditor,
  openPage,
  useHarness,
  useOwnerAndMember,
} from './helpers';

/**
 * Issue 24, comments where the text is: the floating "Reageer" on a selection (mouse and
 * keyboard), threads in the margin beside their anchors at 1440 px and in the panel at 1024 px, a
 * notification that brings the reader to the text, and a panel that opens without moving the text
 * being read.
 */

const harness = useHarness();
const { team, setMemberRole } = useOwnerAndMember(harness, 'Lab Kantlijn', 'commenter');

const LONG =
  'Deze alinea beschrijft hoe de deelnemers in kleine groepen aan een casus uit hun eigen praktijk werken, ' +
  'met een docent die meekijkt, vragen stelt en na elke ronde de opbrengst samenvat voor de hele groep.';

/** A document whose first section holds `count` long paragraphs, each starting with "Alinea n." */
async function documentWithParagraphs(title: string, count: number, text = LONG): Promise<string> {
  const url = harness.server.url;
  const docId = await createDocumentViaApi(team.owner.context, url, team.teamId, title);
  const page = await openPage(team.owner.context, url, `/d/${docId}`, 'Olga');
  await expect.poll(() => nthEditor(page, 0).count(), { timeout: 15_000 }).toBe(1);
  await nthEditor(page, 0).click();
  for (let i = 1; i <= count; i++) {
    await page.keyboard.insertText(`Alinea ${i}. ${text}`);
    if (i < count) await page.keyboard.press('Enter');
  }
  await expectStatus(page, 'saved');
  await page.close();
  return docId;
}

async function openDocument(
  context: typeof team.owner.context,
  docId: string,
  width: number,
  label = 'Olga',
): Promise<Page> {
  const page = await openPage(context, harness.server.url, `/d/${docId}`, label);
  await page.setViewportSize({ width, height: 900 });
  await expect.poll(() => nthEditor(page, 0).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => nthEditor(page, 0).innerText(), { timeout: 10_000 }).toContain('Alinea 1.');
  return page;
}

/** The viewport box of the first occurrence of `needle` in the first section's text. */
function textBox(page: Page, needle: string) {
  return page.evaluate((text) => {
    const root = document.querySelector('[data-testid="section-editor"] .ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return {
        left: first.left,
        top: first.top,
        right: last.right,
        bottom: last.bottom,
        midY: first.top + first.height / 2,
      };
    }
    throw new Error(`not found: ${text}`);
  }, needle);
}

/** Drags the mouse over `needle` (it must sit on one line). */
async function selectWithMouse(page: Page, needle: string) {
  const box = await textBox(page, needle);
  await page.mouse.move(box.left + 1, box.midY);
  await page.mouse.down();
  await page.mouse.move(box.right - 1, box.midY, { steps: 5 });
  await page.mouse.up();
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');
const floatingButton = (page: Page) => page.getByTestId('comment-on-selection-floating');
const marginThreads = (page: Page) =>
  page.locator('[data-testid="comments-margin"] [data-testid="comment-thread"]');

/** |card top − anchor top| for the margin card of the thread whose highlight covers `quote`. */
const cardOffset = (page: Page, quote: string) =>
  page.evaluate((text) => {
    const highlight = [...document.querySelectorAll('.comment-highlight')].find((element) =>
      element.textContent?.includes(text),
    );
    const id = highlight?.getAttribute('data-comment-thread');
    const card = id ? document.querySelector(`[data-margin-key="${id}"]`) : null;
    if (!highlight || !card) return null;
    return Math.abs(card.getBoundingClientRect().top - highlight.getBoundingClientRect().top);
  }, quote);

describe('comments where the text is', () => {
  test('at 1440 px: comment from the floating button (mouse, then keyboard); the threads sit in the margin beside their text', async () => {
    const docId = await documentWithParagraphs('Kantlijnplan', 8);
    const page = await openDocument(team.owner.context, docId, 1440);
    expect(await page.getByTestId('comments-margin').isVisible()).toBe(true);
    expect(await floatingButton(page).count()).toBe(0);

    // Mouse: drag over words in the second paragraph; "Reageer" appears beside the selection.
    await selectWithMouse(page, 'Alinea 2. Deze alinea');
    expect(await selectedText(page)).toBe('Alinea 2. Deze alinea');
    await expect.poll(() => floatingButton(page).isVisible()).toBe(true);
    expect(await floatingButton(page).innerText()).toBe('Reageer');
    const button = (await floatingButton(page).boundingBox())!;
    const selection = await textBox(page, 'Alinea 2. Deze alinea');
    expect(Math.abs(button.y + button.height - selection.top)).toBeLessThan(40);
    expect(await axeViolations(page)).toEqual([]);
    await floatingButton(page).click();
    const composer = page.locator('[data-testid="comments-margin"] [data-testid="comment-composer"]');
    await expect.poll(() => composer.isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('comment-input');
    // The panel stays closed: the composer is beside the selection.
    expect(await page.getByTestId('comments-panel').isVisible()).toBe(false);
    const composerTop = (await composer.boundingBox())!.y;
    expect(Math.abs(composerTop - selection.top)).toBeLessThan(60);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.type('Welke casus bedoelen we?', { delay: 2 });
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => marginThreads(page).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => cardOffset(page, 'Alinea 2. Deze alinea')).toBeLessThan(4);

    // Keyboard: Shift+arrows in the seventh paragraph, Tab reaches "Reageer", Enter opens the composer.
    await page.evaluate(() => window.scrollTo(0, 0));
    const seventh = await textBox(page, 'Alinea 7.');
    await page.mouse.click(seventh.left + 2, seventh.midY);
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Alinea 7.'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await selectedText(page)).toBe('Alinea 7.');
    await expect.poll(() => floatingButton(page).isVisible()).toBe(true);
    expect(await floatingButton(page).getAttribute('aria-keyshortcuts')).toBe('Control+Alt+M');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'comment-on-selection-floating',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Reageer op de geselecteerde tekst',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('comment-input');
    await page.keyboard.type('En deze alinea?', { delay: 2 });
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => marginThreads(page).count(), { timeout: 10_000 }).toBe(2);
    // The new thread's highlight and card can follow the count by more than a second under load.
    await expect.poll(() => cardOffset(page, 'Alinea 7.'), { timeout: 10_000 }).toBeLessThan(4);
    expect(await cardOffset(page, 'Alinea 2. Deze alinea')).toBeLessThan(4);
    const [upper, lower] = await Promise.all(
      [0, 1].map(async (i) => (await marginThreads(page).nth(i).boundingBox())!),
    );
    expect(lower!.y).toBeGreaterThan(upper!.y + upper!.height);
    // An empty selection: no button.
    await nthEditor(page, 0).click();
    await page.keyboard.press('End');
    await expect.poll(() => floatingButton(page).count()).toBe(0);

    // The card of a highlight is selected by clicking the highlight, and the other way round.
    const second = marginThreads(page).first();
    await page.locator('.comment-highlight', { hasText: 'Alinea 7.' }).click();
    await expect
      .poll(() => marginThreads(page).nth(1).getAttribute('class'))
      .toContain('comment-thread--active');
    await second.locator('.comment-thread__heading').click();
    await expect.poll(() => second.getAttribute('class')).toContain('comment-thread--active');
    await expect
      .poll(() => page.locator('.comment-highlight--active').allInnerTexts())
      .toEqual(['Alinea 2. Deze alinea']);
    expect(await axeViolations(page)).toEqual([]);

    // "Alle reacties" opens the panel with the filters and every thread, in the margin's place.
    await page.getByTestId('comments-all').click();
    await expect.poll(() => page.getByTestId('comments-panel').isVisible()).toBe(true);
    expect(await page.getByTestId('comments-margin').count()).toBe(0);
    expect(await page.getByTestId('comments-panel').getByTestId('comment-thread').count()).toBe(2);
    expect(await page.getByTestId('comments-filter-status').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  test('a commenter gets the floating button on read-only text; a viewer does not', async () => {
    const docId = await documentWithParagraphs('Leesplan', 2);
    const page = await openDocument(team.member.context, docId, 1440, 'Bram');
    expect(await nthEditor(page, 0).getAttribute('aria-readonly')).toBe('true');
    await selectWithMouse(page, 'Alinea 1.');
    await expect.poll(() => floatingButton(page).isVisible()).toBe(true);
    await floatingButton(page).click();
    await page.getByTestId('comment-input').fill('Mag ik hier iets over vragen?');
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => marginThreads(page).count(), { timeout: 10_000 }).toBe(1);
    await page.close();

    await setMemberRole('viewer');
    try {
      const viewer = await openDocument(team.member.context, docId, 1440, 'Bram');
      await expect.poll(() => marginThreads(viewer).count(), { timeout: 10_000 }).toBe(1);
      await selectWithMouse(viewer, 'Alinea 2.');
      expect(await selectedText(viewer)).toBe('Alinea 2.');
      await viewer.waitForTimeout(600);
      expect(await floatingButton(viewer).count()).toBe(0);
      await viewer.close();
    } finally {
      await setMemberRole('commenter');
    }
  }, 120_000);

  test('at 1024 px the floating button opens the panel and the thread is in the panel', async () => {
    const docId = await documentWithParagraphs('Smal plan', 2);
    const page = await openDocument(team.owner.context, docId, 1024);
    expect(await page.getByTestId('comments-margin').count()).toBe(0);
    await selectWithMouse(page, 'Alinea 2.');
    await expect.poll(() => floatingButton(page).isVisible()).toBe(true);
    await floatingButton(page).click();
    const panel = page.getByTestId('comments-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await page.getByTestId('comment-input').fill('Past dit in de tijd?');
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => panel.getByTestId('comment-thread').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('comments-margin').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  test('a notification scrolls to the commented text and focuses it, its card active beside it', async () => {
    const url = harness.server.url;
    const docId = await documentWithParagraphs('Meldingenplan', 14);
    const owner = await openDocument(team.owner.context, docId, 1440);
    const last = await textBox(owner, 'Alinea 14.');
    await owner.evaluate((y) => window.scrollBy(0, y - 200), last.top);
    await selectWithMouse(owner, 'Alinea 14.');
    await expect.poll(() => floatingButton(owner).isVisible()).toBe(true);
    await floatingButton(owner).click();
    await owner.getByTestId('comment-input').fill('Klopt het einde?');
    await owner.getByTestId('comment-submit').click();
    await expect.poll(() => marginThreads(owner).count(), { timeout: 10_000 }).toBe(1);
    const threadId = (await marginThreads(owner).first().getAttribute('data-thread-id'))!;
    await owner.close();
    // Bram has read everything so far; then Olga mentions him in a reply.
    await api(team.member.context, url, 'POST', '/api/notifications/read', { all: true });
    await api(team.owner.context, url, 'POST', `/api/comments/${threadId}/replies`, {
      body: `Wat vind jij, @[${team.member.user.name}](${team.member.user.id})?`,
    });

    const page = await openDocument(team.member.context, docId, 1440, 'Bram');
    await page.evaluate(() => window.scrollTo(0, 0));
    const highlight = page.locator(`.comment-highlight[data-comment-thread="${threadId}"]`);
    await expect.poll(() => highlight.count(), { timeout: 10_000 }).toBe(1);
    const inView = () =>
      highlight.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    expect(await inView()).toBe(false);
    const bell = page.getByTestId('notifications-button');
    await expect
      .poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 })
      .toBe('Meldingen, 1 ongelezen');
    await bell.click();
    await page.locator('[data-testid="notification"][data-read="false"]').getByRole('link').click();
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    // Focus is in the text, at the commented words; the card is active beside them.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const selection = window.getSelection();
          const node = selection?.anchorNode;
          const element = node instanceof Element ? node : node?.parentElement;
          return {
            editor: document.activeElement?.classList.contains('ProseMirror') ?? false,
            inHighlight:
              element?.closest('.comment-highlight, p')?.textContent?.startsWith('Alinea 14.') ?? false,
          };
        }),
      )
      .toEqual({ editor: true, inHighlight: true });
    const card = page.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`);
    await expect.poll(() => card.getAttribute('class')).toContain('comment-thread--active');
    expect(await page.getByTestId('comments-panel').isVisible()).toBe(false);
    await expect.poll(() => cardOffset(page, 'Alinea 14.')).toBeLessThan(4);
  }, 120_000);

  test('opening and closing the panel keeps the text being read where it was', async () => {
    const docId = await documentWithParagraphs('Leespositie', 12, `${LONG} ${LONG} ${LONG}`);
    const page = await openDocument(team.owner.context, docId, 1050);
    // As in Safari, which has no scroll anchoring of its own (Chromium's would hide a fault here).
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { overflow-anchor: none !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    // Paragraph 8 at the top of what is read: just below a header that stays in view, if any.
    const top = () => textBox(page, 'Alinea 8.').then((box) => box.top);
    const readFrom = await page.evaluate(() => {
      const header = document.querySelector('header');
      const position = header ? getComputedStyle(header).position : 'static';
      return position === 'sticky' || position === 'fixed' ? header!.getBoundingClientRect().bottom + 6 : 6;
    });
    await page.evaluate((y) => window.scrollBy(0, y), (await top()) - readFrom);
    const before = await top();
    expect(Math.abs(before - readFrom)).toBeLessThan(3);
    // By keyboard: a click would first scroll the header's button into view.
    const toggle = page.getByTestId('comments-toggle');
    await toggle.evaluate((element) => element.focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('comments-panel').isVisible()).toBe(true);
    // The text reflowed beside the panel (narrower), yet the paragraph did not move.
    await page.waitForTimeout(200);
    expect(Math.abs((await top()) - before)).toBeLessThan(4);
    await toggle.evaluate((element) => element.focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('comments-panel').isVisible()).toBe(false);
    await page.waitForTimeout(200);
    expect(Math.abs((await top()) - before)).toBeLessThan(4);
  }, 120_000);
});
