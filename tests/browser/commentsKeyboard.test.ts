import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  api,
  axeViolations,
  createDocumentViaApi,
  nthEditor,
  openPage,
  tabTo,
  useHarness,
  useOwnerAndMember,
} from './helpers';

/**
 * Bug 8 of issue 21, by keyboard alone: Escape closes the comments panel and gives focus back to
 * "Reacties"; the mention list opens below (or above) the line being typed, never over it; after
 * Ctrl+Enter on a reply and after "Afhandelen" focus stays in the thread list, not on <body>.
 */

const harness = useHarness();
const { team } = useOwnerAndMember(harness, 'Lab Toetsenbord', 'editor');

/** What has focus: a data-testid, an id, or the tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return active.getAttribute('data-testid') ?? (active.id ? `#${active.id}` : active.tagName.toLowerCase());
  });

/** The thread the focused element is in (its id), or null. */
const focusedThread = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest('[data-thread-id]')?.getAttribute('data-thread-id') ?? null,
  );

/**
 * Whether the open mention list overlaps the textarea's line with the caret: the caret line is
 * measured with a mirror of the textarea (same font, width and padding) holding the text before it.
 */
const listCoversCaretLine = (page: Page) =>
  page.evaluate(() => {
    const area = document.activeElement as HTMLTextAreaElement;
    const list = area.closest('.mention-field')!.querySelector('[role="listbox"]')!;
    const style = getComputedStyle(area);
    const mirror = document.createElement('div');
    for (const property of ['font', 'lineHeight', 'padding', 'border', 'boxSizing', 'letterSpacing'] as const)
      mirror.style[property] = style[property];
    Object.assign(mirror.style, {
      position: 'absolute',
      visibility: 'hidden',
      whiteSpace: 'pre-wrap',
      width: `${area.offsetWidth}px`,
    });
    mirror.textContent = area.value.slice(0, area.selectionStart);
    const marker = document.createElement('span');
    marker.textContent = '\u200b';
    mirror.append(marker);
    document.body.append(mirror);
    const top = area.getBoundingClientRect().top + marker.offsetTop - area.scrollTop;
    const bottom = top + marker.offsetHeight;
    mirror.remove();
    const box = list.getBoundingClientRect();
    return { covers: box.top < bottom && box.bottom > top, visible: box.height > 0 };
  });

describe('comments by keyboard', () => {
  test('Esc closes the panel; the mention list leaves the line free; focus survives reply and Afhandelen', async () => {
    const url = harness.server.url;
    const { owner, member, teamId } = team;
    const docId = await createDocumentViaApi(owner.context, url, teamId, 'Toetsenbordplan');
    const threadIds: string[] = [];
    for (const body of ['Eerste vraag', 'Tweede vraag']) {
      const thread = await api<{ id: string }>(
        member.context,
        url,
        'POST',
        `/api/documents/${docId}/comments`,
        {
          anchor: null,
          body,
        },
      );
      threadIds.push(thread.id);
    }
    const page = await openPage(owner.context, url, `/d/${docId}`, 'Olga');
    await expect.poll(() => nthEditor(page, 0).count(), { timeout: 15_000 }).toBe(1);
    const panel = page.getByTestId('comments-panel');

    // Open the panel from "Reacties", go into it, Escape: closed, focus back on "Reacties".
    await tabTo(page, '[data-testid="comments-toggle"]');
    if ((await page.getByTestId('comments-toggle').getAttribute('aria-expanded')) !== 'true') {
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => panel.isVisible()).toBe(true);
    await tabTo(page, '[data-testid="reply-open"]');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    // Focus returns in the frame after the panel closes.
    await expect.poll(() => focused(page)).toBe('comments-toggle');

    // Open again; reply to the newest thread with a mention picked from the list.
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await tabTo(page, '[data-testid="reply-open"]');
    const first = await focusedThread(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('reply-input');
    await page.keyboard.type('Dank je, @Br', { delay: 5 });
    await expect.poll(() => page.locator('[data-testid="mention-list"]:not([hidden])').count()).toBe(1);
    expect(await listCoversCaretLine(page)).toEqual({ covers: false, visible: true });
    // On a second line too.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('en @Br', { delay: 5 });
    await expect.poll(() => page.locator('[data-testid="mention-list"]:not([hidden])').count()).toBe(1);
    expect(await listCoversCaretLine(page)).toEqual({ covers: false, visible: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');

    // Ctrl+Enter sends: focus stays in that thread (its "Beantwoorden"), never on <body>.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('comment-message').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => focused(page)).toBe('reply-open');
    expect(await focusedThread(page)).toBe(first);

    // "Afhandelen": the thread leaves the open list; focus moves to the next thread.
    await tabTo(page, '[data-testid="comment-resolve"]');
    expect(await focusedThread(page)).toBe(first);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('comment-thread').count(), { timeout: 10_000 }).toBe(1);
    const other = threadIds.find((id) => id !== first)!;
    await expect.poll(() => focused(page)).toBe(`#comment-thread-${other}`);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
