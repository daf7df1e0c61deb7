import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { CommentThread } from '../../shared/schemas/rounds';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  nthEditor,
  openPage,
  type TestUser,
  exampleTemplate,
  sectionEditable,
  useHarness,
} from './helpers';

const harness = useHarness();

interface Person {
  context: BrowserContext;
  user: TestUser;
}

/** A co-creatieteam with an owner, an editor and a commenter, and a design of the example ontwikkelpad. */
async function designWithTeam(
  label: string,
): Promise<{ owner: Person; editor: Person; commenter: Person; docId: string }> {
  const url = harness.server.url;
  const owner = await newSignedInContext(harness, `Ann ${label}`);
  const editor = await newSignedInContext(harness, `Bram ${label}`);
  const commenter = await newSignedInContext(harness, `Cor ${label}`);
  const teamId = await createTeamViaApi(owner.context, url, `Lab ${label}`, 'cocreatieteam');
  await addMemberViaApi(owner.context, url, teamId, editor.user.email, 'editor');
  await addMemberViaApi(owner.context, url, teamId, commenter.user.email, 'commenter');
  const example = await exampleTemplate(owner.context, url);
  const design = await api<{ id: string }>(owner.context, url, 'POST', '/api/designs', {
    teamId,
    title: `Reacties ${label}`,
    templateId: example.id,
  });
  return { owner, editor, commenter, docId: design.id };
}

async function openDesign(person: Person, docId: string, label: string): Promise<Page> {
  const page = await openPage(person.context, harness.server.url, `/ontwerpen/${docId}`, label);
  await expect.poll(() => nthEditor(page, 0).count(), { timeout: 15_000 }).toBe(1);
  return page;
}

/** Types `text` at the end of the first section's text (the caller must be an editor). */
async function typeInFirstSection(page: Page, text: string) {
  await nthEditor(page, 0).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 2 });
  await expectStatus(page, 'saved');
}

/** Selects the first occurrence of `text` in the first section editor through the DOM selection. */
async function selectInFirstSection(page: Page, text: string) {
  const found = await page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="section-editor"] .ProseMirror');
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, text);
  expect(found).toBe(true);
}

const selectedText = (page: Page) => () => page.evaluate(() => window.getSelection()?.toString() ?? '');
const threads = (page: Page) => page.getByTestId('comment-thread');
const highlights = (page: Page) => page.locator('.comment-highlight').allInnerTexts();

async function openPanel(page: Page) {
  const toggle = page.getByTestId('comments-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect.poll(() => page.getByTestId('comments-panel').isVisible()).toBe(true);
}

async function listThreads(person: Person, docId: string): Promise<CommentThread[]> {
  const body = await api<{ threads: CommentThread[] }>(
    person.context,
    harness.server.url,
    'GET',
    `/api/documents/${docId}/comments?status=all`,
  );
  return body.threads;
}

/** Comments on a sentence, deletes it (losgeraakt, quote kept), undoes (attached again); answers the page. */
async function losgeraaktAndUndo(owner: Person, docId: string): Promise<Page> {
  const ann = await openDesign(owner, docId, 'Ann');
  await typeInFirstSection(ann, 'Begin. Dit stuk verdwijnt straks. Einde.');
  await selectInFirstSection(ann, 'Dit stuk verdwijnt straks.');
  await openPanel(ann);
  await ann.getByTestId('comment-on-selection').click();
  await ann.getByTestId('comment-input').fill('Klopt dit wel?');
  await ann.getByTestId('comment-submit').click();
  await expect.poll(() => highlights(ann)).toEqual(['Dit stuk verdwijnt straks.']);
  const thread = threads(ann).first();
  expect(await thread.getAttribute('data-anchor-state')).toBe('attached');

  // Delete the text.
  await nthEditor(ann, 0).click();
  await selectInFirstSection(ann, 'Dit stuk verdwijnt straks.');
  await expect.poll(selectedText(ann)).toBe('Dit stuk verdwijnt straks.');
  // Yjs's UndoManager merges changes less than 500 ms apart into one undo step: keep the deletion
  // its own step.
  await ann.waitForTimeout(700);
  await ann.keyboard.press('Backspace');
  await expect.poll(() => nthEditor(ann, 0).innerText()).toBe('Begin.  Einde.');
  await expect.poll(() => thread.getAttribute('data-anchor-state')).toBe('detached');
  expect(await thread.getByTestId('comment-detached').innerText()).toBe('Losgeraakt');
  expect(await thread.getByTestId('comment-quote').innerText()).toBe('Dit stuk verdwijnt straks.');
  expect(await highlights(ann)).toEqual([]);
  await expectStatus(ann, 'saved');
  // The server agrees and keeps the thread.
  expect((await listThreads(owner, docId))[0]!.anchorStatus).toBe('detached');

  // Undo brings the text and the anchor back.
  await nthEditor(ann, 0).focus();
  await ann.keyboard.press('Control+z');
  await expect.poll(() => nthEditor(ann, 0).innerText()).toBe('Begin. Dit stuk verdwijnt straks. Einde.');
  await expect.poll(() => thread.getAttribute('data-anchor-state')).toBe('attached');
  await expect.poll(() => highlights(ann)).toEqual(['Dit stuk verdwijnt straks.']);
  return ann;
}

describe('comments in Chromium', () => {
  test('A comments on selected text; B sees the highlight and replies with an @mention; A’s bell counts it; A resolves', async () => {
    const { owner, editor, docId } = await designWithTeam('Een');
    const ann = await openDesign(owner, docId, 'Ann');
    await typeInFirstSection(ann, 'De deelnemers werken in kleine groepen aan een casus.');

    // Select "kleine groepen" with the keyboard (the caret is after "casus.").
    await ann.keyboard.press('End');
    for (let i = 0; i < ' aan een casus.'.length; i++) await ann.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'kleine groepen'.length; i++) await ann.keyboard.press('Shift+ArrowLeft');
    await expect.poll(selectedText(ann)).toBe('kleine groepen');
    expect(await ann.getByTestId('comments-toggle').innerText()).toBe('Reacties (0 open)');
    await openPanel(ann);
    await ann.getByRole('button', { name: 'Reageren op selectie' }).click();
    await expect.poll(() => ann.getByTestId('comment-composer').isVisible()).toBe(true);
    expect(await ann.getByTestId('comment-composer').getByTestId('comment-quote').innerText()).toBe(
      'kleine groepen',
    );
    await ann.getByTestId('comment-input').fill('Kunnen we dit concreter maken?');
    await ann.getByTestId('comment-submit').click();
    await expect.poll(() => threads(ann).count()).toBe(1);
    await expect.poll(() => highlights(ann)).toEqual(['kleine groepen']);
    await expect.poll(() => ann.getByTestId('comments-toggle').innerText()).toBe('Reacties (1 open)');

    // Bram sees the highlight without opening the panel, and the count on the toggle.
    const bram = await openDesign(editor, docId, 'Bram');
    await expect.poll(() => highlights(bram), { timeout: 10_000 }).toEqual(['kleine groepen']);
    expect(await bram.getByTestId('comments-toggle').innerText()).toBe('Reacties (1 open)');
    // Clicking the highlight opens the panel with its thread active.
    await bram.locator('.comment-highlight').first().click();
    await expect.poll(() => bram.getByTestId('comments-panel').isVisible()).toBe(true);
    await expect.poll(() => bram.locator('.comment-thread--active').count()).toBe(1);
    await expect
      .poll(() => bram.locator('.comment-highlight--active').allInnerTexts())
      .toEqual(['kleine groepen']);

    // Reply with an @mention picked from the suggestions by keyboard.
    await bram.getByTestId('reply-open').click();
    const reply = bram.getByTestId('reply-input');
    await reply.pressSequentially('Goed punt, @An', { delay: 5 });
    const options = bram.locator('[data-testid="mention-list"]:not([hidden]) [role="option"]');
    await expect.poll(() => options.allInnerTexts()).toEqual([owner.user.name]);
    expect(await reply.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await reply.press('Enter');
    await reply.pressSequentially('ik maak er een voorbeeld van.', { delay: 2 });
    expect(await reply.inputValue()).toBe(`Goed punt, @${owner.user.name} ik maak er een voorbeeld van.`);
    await bram.getByTestId('reply-submit').click();
    await expect.poll(() => bram.getByTestId('comment-message').count()).toBe(2);
    const stored = await listThreads(owner, docId);
    expect(stored[0]!.messages[1]!.body).toBe(
      `Goed punt, @[${owner.user.name}](${owner.user.id}) ik maak er een voorbeeld van.`,
    );

    // Ann sees the reply live, the mention as a highlighted name, and her bell counts one unread.
    await expect.poll(() => ann.getByTestId('comment-message').count(), { timeout: 10_000 }).toBe(2);
    expect(await ann.locator('.mention').allInnerTexts()).toEqual([`@${owner.user.name}`]);
    const bell = ann.getByTestId('notifications-button');
    await expect
      .poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 })
      .toBe('Meldingen, 1 ongelezen');
    await bell.click();
    const notification = ann.getByTestId('notification');
    expect(await notification.count()).toBe(1);
    expect(await notification.getAttribute('data-read')).toBe('false');
    expect(await axeViolations(ann)).toEqual([]);
    await ann.getByTestId('notifications-read-all').click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Meldingen');
    await ann.keyboard.press('Escape');

    // Ann resolves: the thread leaves the "open" list and the highlight goes, for both.
    await ann.getByTestId('comment-resolve').click();
    await expect.poll(() => ann.getByTestId('comments-toggle').innerText()).toBe('Reacties (0 open)');
    await expect.poll(() => highlights(bram), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => bram.getByTestId('comments-toggle').innerText()).toBe('Reacties (0 open)');
    expect((await listThreads(owner, docId))[0]!.status).toBe('resolved');
    // Bram sees it under "Afgehandeld" and can reopen it.
    await bram.getByTestId('comments-filter-status').selectOption('resolved');
    await expect
      .poll(() => bram.locator('[data-testid="comment-thread"][data-status="resolved"]').count())
      .toBe(1);
    await bram.getByTestId('comment-reopen').click();
    await expect
      .poll(() => ann.getByTestId('comments-toggle').innerText(), { timeout: 10_000 })
      .toBe('Reacties (1 open)');
    await expect.poll(() => highlights(ann)).toEqual(['kleine groepen']);
  }, 90_000);

  test('a commenter comments on selected text (Ctrl+Alt+M) and on an activity, but the text stays read-only', async () => {
    const { owner, commenter, docId } = await designWithTeam('Twee');
    const ann = await openDesign(owner, docId, 'Ann');
    await typeInFirstSection(ann, 'Een tekst om op te reageren.');
    await ann.getByTestId('add-activity').click();
    await ann.getByTestId('activity-title').fill('Excursie naar een school');
    await expectStatus(ann, 'saved');

    const cor = await openDesign(commenter, docId, 'Cor');
    await expect
      .poll(() => nthEditor(cor, 0).innerText(), { timeout: 10_000 })
      .toBe('Een tekst om op te reageren.');
    // Everything Ann wrote is here before the keys below: a remote update arriving between them
    // re-maps the caret (CI once saw Shift+Home select only the final '.').
    await expect
      .poll(() => cor.getByTestId('activity-title').first().inputValue(), { timeout: 10_000 })
      .toBe('Excursie naar een school');
    expect(await sectionEditable(cor)).toBe('false');
    expect(await nthEditor(cor, 0).getAttribute('aria-readonly')).toBe('true');
    // Read-only, yet reachable and selectable by keyboard: typing, deleting and pasting change
    // nothing, Shift+Home selects.
    await nthEditor(cor, 0).focus();
    await cor.keyboard.press('Control+End');
    await cor.keyboard.type('Nee.', { delay: 2 });
    await cor.keyboard.press('Backspace');
    await cor.keyboard.press('Enter');
    await cor.keyboard.press('End');
    await cor.keyboard.press('Shift+Home');
    await expect.poll(selectedText(cor)).toBe('Een tekst om op te reageren.');
    expect(await nthEditor(cor, 0).innerText()).toBe('Een tekst om op te reageren.');

    await selectInFirstSection(cor, 'reageren');
    await cor.keyboard.press('Control+Alt+m');
    await expect.poll(() => cor.getByTestId('comment-composer').isVisible()).toBe(true);
    expect(await cor.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'comment-input',
    );
    await cor.keyboard.type('Wat bedoelen jullie hier precies?', { delay: 2 });
    await cor.keyboard.press('Control+Enter');
    await expect.poll(() => threads(cor).count()).toBe(1);
    await expect.poll(() => highlights(cor)).toEqual(['reageren']);

    // Typing into the read-only text changes nothing.
    await nthEditor(cor, 0).click();
    await cor.keyboard.type('XYZ');
    expect(await nthEditor(cor, 0).innerText()).toBe('Een tekst om op te reageren.');

    // An activity: "Reageer" opens the composer with the item; the count shows beside it.
    const activity = cor.getByTestId('activity-row').first();
    await activity.getByTestId('item-comment').click();
    expect(await cor.getByTestId('comment-item-label').first().innerText()).toBe('Excursie naar een school');
    await cor.getByTestId('comment-input').fill('Is hier toestemming voor nodig?');
    await cor.getByTestId('comment-submit').click();
    await expect.poll(() => activity.getByTestId('item-comment').getAttribute('data-count')).toBe('1');
    await expect.poll(() => threads(cor).count()).toBe(2);
    // The owner sees the badge too.
    await expect
      .poll(
        () => ann.getByTestId('activity-row').first().getByTestId('item-comment').getAttribute('data-count'),
        {
          timeout: 10_000,
        },
      )
      .toBe('1');
    const stored = await listThreads(owner, docId);
    expect(stored.map((thread) => thread.anchor?.type).sort()).toEqual(['item', 'text']);
    // Cor edits his own message (marked "bewerkt") and deletes it (the thread stays, the text goes).
    const firstId = await threads(cor)
      .filter({ hasText: 'Wat bedoelen jullie' })
      .first()
      .getAttribute('data-thread-id');
    const first = cor.locator(`[data-testid="comment-thread"][data-thread-id="${firstId}"]`);
    await first.getByTestId('message-edit').click();
    await cor.getByTestId('edit-input').fill('Wat bedoelen jullie hier precies mee?');
    await cor.getByTestId('edit-input').press('Control+Enter');
    await expect.poll(() => first.getByTestId('comment-message').innerText()).toContain('mee?');
    expect(await first.getByTestId('comment-message').innerText()).toContain('bewerkt');
    await first.getByTestId('message-delete').click();
    await cor.getByTestId('message-delete-confirm').click();
    await expect.poll(() => first.getByTestId('comment-message').innerText()).toContain('Bericht verwijderd');
    expect(await first.getByTestId('message-edit').count()).toBe(0);
    // Ann cannot edit or delete Cor's messages.
    await openPanel(ann);
    await expect.poll(() => threads(ann).count(), { timeout: 10_000 }).toBe(2);
    expect(await ann.getByTestId('message-edit').count()).toBe(0);
    // The text itself was never changed by the commenter.
    await expect.poll(() => nthEditor(ann, 0).innerText()).toBe('Een tekst om op te reageren.');
  }, 90_000);

  test('deleting the commented text shows the thread as losgeraakt with its quote; undo re-attaches it', async () => {
    const { owner, docId } = await designWithTeam('Drie');
    const ann = await losgeraaktAndUndo(owner, docId);
    // Still attached after the edit settles.
    await expectStatus(ann, 'saved');
    expect(await threads(ann).first().getAttribute('data-anchor-state')).toBe('attached');
  }, 90_000);

  // Undo re-creates the deleted characters under new ids and only the undoing Y.Doc knows the
  // `redone` links; resolveTextAnchor re-attaches the quote standing where the characters were, so
  // the server and every other client agree.
  test('after undo the server and another editor see the thread re-attached too', async () => {
    const { owner, editor, docId } = await designWithTeam('Vijf');
    const ann = await losgeraaktAndUndo(owner, docId);
    await expectStatus(ann, 'saved');
    const bram = await openDesign(editor, docId, 'Bram');
    await openPanel(bram);
    await expect.poll(() => threads(bram).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => nthEditor(bram, 0).innerText()).toBe('Begin. Dit stuk verdwijnt straks. Einde.');
    expect((await listThreads(owner, docId))[0]!.anchorStatus).toBe('attached');
    await expect
      .poll(() => threads(bram).first().getAttribute('data-anchor-state'), { timeout: 3_000 })
      .toBe('attached');
  }, 90_000);

  test('keyboard only: comment through the shortcut, reach every panel control with Tab; axe is clean', async () => {
    const { owner, docId } = await designWithTeam('Vier');
    const ann = await openDesign(owner, docId, 'Ann');
    await typeInFirstSection(ann, 'Alles met het toetsenbord.');
    // Select the line with the keyboard and comment with Ctrl+Alt+M.
    await ann.keyboard.press('End');
    await ann.keyboard.press('Shift+Home');
    // Straight after the selection, as a fast typist does: ProseMirror takes a keyboard selection in
    // on the next selectionchange event, which this shortcut used to beat (then "select text first").
    await ann.keyboard.press('Control+Alt+m');
    // The composer opens on that selection (not "select text first"), renders and takes focus; on a
    // loaded 2-core machine that can take over 1 s.
    await expect.poll(() => ann.getByTestId('comment-composer').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => ann.evaluate(() => document.activeElement?.getAttribute('data-testid')), {
        timeout: 10_000,
      })
      .toBe('comment-input');
    expect(await ann.getByTestId('comment-composer').getByTestId('comment-quote').innerText()).toBe(
      'Alles met het toetsenbord.',
    );
    await ann.keyboard.type('Via het toetsenbord geplaatst.', { delay: 2 });
    await ann.keyboard.press('Control+Enter');
    await expect.poll(() => threads(ann).count(), { timeout: 10_000 }).toBe(1);
    // A range from the very start of the text is highlighted too.
    await expect.poll(() => highlights(ann)).toEqual(['Alles met het toetsenbord.']);
    // The new thread has focus.
    await expect
      .poll(() =>
        ann.evaluate(() => document.activeElement?.closest('[data-testid="comment-thread"]') !== null),
      )
      .toBe(true);

    // Tab from the panel's heading area through the panel: every control is reached, in order.
    const expected = await ann.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '#comments-panel button, #comments-panel select, #comments-panel input, #comments-panel textarea, #comments-panel a[href]',
        ),
      ]
        .filter((element) => !(element as HTMLButtonElement).disabled && element.offsetParent !== null)
        .map((element) => element.outerHTML.slice(0, 120)),
    );
    expect(expected.length).toBeGreaterThanOrEqual(7);
    await ann.evaluate(() => {
      (document.querySelector('#comments-panel h2') as HTMLElement).setAttribute('tabindex', '-1');
      (document.querySelector('#comments-panel h2') as HTMLElement).focus();
    });
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await ann.keyboard.press('Tab');
      const inside = await ann.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active?.closest('#comments-panel')) return null;
        return active.outerHTML.slice(0, 120);
      });
      if (inside === null) break;
      if (!inside.startsWith('<article')) reached.push(inside);
    }
    expect(reached).toEqual(expected);

    // Reply by keyboard: the reply button opens a textarea with focus; Escape returns.
    await ann.getByTestId('reply-open').focus();
    await ann.keyboard.press('Enter');
    await expect
      .poll(() => ann.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('reply-input');
    expect(await axeViolations(ann)).toEqual([]);
    await ann.keyboard.press('Escape');
    await expect
      .poll(() => ann.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('reply-open');
    expect(await axeViolations(ann)).toEqual([]);
    // "Annuleren" closes it the same way: focus back on the reply button.
    await ann.keyboard.press('Enter');
    await expect
      .poll(() => ann.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('reply-input');
    await ann
      .locator('form:has([data-testid="reply-input"])')
      .getByRole('button', { name: 'Annuleren' })
      .click();
    await expect
      .poll(() => ann.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('reply-open');
  }, 90_000);

  test('a section document: comment on the whole document; the panel sits beside the text at 1280 px and is a bottom sheet on a phone; a notification link opens the thread', async () => {
    const url = harness.server.url;
    const ann = await newSignedInContext(harness, 'Ann Zes');
    const bram = await newSignedInContext(harness, 'Bram Zes');
    const teamId = await createTeamViaApi(ann.context, url, 'Lab Zes', 'cocreatieteam');
    await addMemberViaApi(ann.context, url, teamId, bram.user.email, 'viewer');
    // Being added is notified too; read, so the bell below counts the mention alone.
    await api(bram.context, url, 'POST', '/api/notifications/read', { all: true });
    const docId = await createDocumentViaApi(ann.context, url, teamId, 'Werkdocument');
    const page = await openPage(ann.context, url, `/d/${docId}`, 'Ann');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => nthEditor(page, 0).count(), { timeout: 15_000 }).toBe(1);
    await typeInFirstSection(page, 'Een eerste alinea.');
    await openPanel(page);
    await page.getByTestId('comment-on-document').click();
    const input = page.getByTestId('comment-input');
    await input.pressSequentially('Vraag voor @Bra', { delay: 5 });
    await expect
      .poll(() => page.locator('[data-testid="mention-list"]:not([hidden]) [role="option"]').allInnerTexts())
      .toEqual(['Bram Zes']);
    expect(await axeViolations(page)).toEqual([]);
    await input.press('Tab');
    await input.pressSequentially('graag je mening.', { delay: 2 });
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => threads(page).count()).toBe(1);
    expect(await threads(page).first().getAttribute('data-anchor-state')).toBe('none');
    expect(await threads(page).first().innerText()).toContain('Over het hele document');
    expect(await axeViolations(page)).toEqual([]);

    // 1280 px: beside the text; 390 px: a bottom sheet over it (full width), nothing wider than the screen.
    const box = async () => ({
      text: (await nthEditor(page, 0).boundingBox())!,
      panel: (await page.getByTestId('comments-panel').boundingBox())!,
    });
    let boxes = await box();
    expect(boxes.panel.x).toBeGreaterThan(boxes.text.x + boxes.text.width - 1);
    expect(boxes.text.width).toBeGreaterThan(500);
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(async () => Math.round((await box()).panel.y + (await box()).panel.height)).toBe(800);
    boxes = await box();
    expect(boxes.panel).toMatchObject({ x: 0, width: 390 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Bram (a viewer) is notified, sees the panel without a composer, and the link opens the thread.
    const other = await openPage(bram.context, url, '/', 'Bram');
    const bell = other.getByTestId('notifications-button');
    await expect
      .poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 })
      .toBe('Meldingen, 1 ongelezen');
    // The list opens on the bell; once in CI (two browser files at once) the unread item never showed
    // within 30 s after one click, cause unknown: open it again if it is not there after 5 s.
    const unreadLink = other.locator('[data-testid="notification"][data-read="false"]').getByRole('link');
    await bell.click();
    await unreadLink.waitFor({ timeout: 5_000 }).catch(async () => {
      if ((await bell.getAttribute('aria-expanded')) !== 'true') await bell.click();
    });
    await unreadLink.click();
    await expect.poll(() => other.getByTestId('comments-panel').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => other.locator('.comment-thread--active').count()).toBe(1);
    expect(await other.getByTestId('comment-composer').count()).toBe(0);
    expect(await other.getByTestId('comment-on-document').count()).toBe(0);
    expect(await other.getByTestId('reply-open').count()).toBe(0);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Meldingen');
    expect(await axeViolations(other)).toEqual([]);
  }, 90_000);

  test('an ontwikkelpad draft: comment on selected text in the description; axe is clean with the panel open', async () => {
    const url = harness.server.url;
    const dirk = await newSignedInContext(harness, 'Dirk Zeven');
    await createTeamViaApi(dirk.context, url, 'Atelier Zeven', 'atelier');
    const page = await openPage(dirk.context, url, '/bibliotheek', 'Dirk');
    await page.getByRole('link', { name: 'Specialist Curriculumontwikkeling (voorbeeld)' }).click();
    await page.getByTestId('copy-as-draft').click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toMatch(/^\/ontwikkelpaden\//);
    const description = page.getByTestId('op-description').locator('.ProseMirror');
    await expect.poll(() => description.innerText(), { timeout: 10_000 }).not.toBe('');
    const firstWord = (await description.innerText()).trim().split(/\s+/)[0]!;
    await description.click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < firstWord.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(selectedText(page)).toBe(firstWord);
    await page.keyboard.press('Control+Alt+m');
    await expect.poll(() => page.getByTestId('comment-composer').isVisible()).toBe(true);
    expect(await page.getByTestId('comment-composer').getByTestId('comment-quote').innerText()).toBe(
      firstWord,
    );
    await page.keyboard.type('Is dit het goede begin?', { delay: 2 });
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => threads(page).count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('op-description').locator('.comment-highlight').allInnerTexts())
      .toEqual([firstWord]);
    expect(await page.getByTestId('comments-toggle').innerText()).toBe('Reacties (1 open)');
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);
});
