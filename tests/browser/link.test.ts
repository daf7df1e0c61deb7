import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  addMemberViaApi,
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  newSignedInContext,
  nthEditor,
  openPage,
  useHarness,
} from './helpers';

const harness = useHarness();
const people: Record<'Anna' | 'Bram', BrowserContext> = {} as never;
let teamId: string;

beforeAll(async () => {
  const url = harness.server.url;
  people.Anna = (await newSignedInContext(harness, 'Anna')).context;
  const bram = await newSignedInContext(harness, 'Bram');
  people.Bram = bram.context;
  teamId = await createTeamViaApi(people.Anna, url, 'Team met links');
  await addMemberViaApi(people.Anna, url, teamId, bram.user.email, 'editor');
});

const openAs = (name: keyof typeof people, path: string): Promise<Page> =>
  openPage(people[name], harness.server.url, path, name);

/** The links in the first section: their text (without a teammate's caret label) and address. */
const links = (page: Page) =>
  nthEditor(page, 0)
    .locator('a')
    .evaluateAll((anchors) =>
      anchors.map((a) => {
        const text = a.cloneNode(true) as HTMLElement;
        text.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return [text.textContent, a.getAttribute('href')];
      }),
    );

describe('links in the editor', () => {
  test('Ctrl+K links the selected text; a teammate sees the link; the link button changes and removes it', async () => {
    const id = await createDocumentViaApi(people.Anna, harness.server.url, teamId, 'Met een link');
    const anna = await openAs('Anna', `/d/${id}`);
    const bram = await openAs('Bram', `/d/${id}`);
    const editor = nthEditor(anna, 0);
    await editor.click();
    await anna.keyboard.type('Zie het kader', { delay: 10 });
    for (let i = 0; i < 'kader'.length; i++) await anna.keyboard.press('Shift+ArrowLeft');
    // The editor takes the selection over from the page's selectionchange: at a person's pace.
    await expect.poll(() => anna.evaluate(() => window.getSelection()?.toString())).toBe('kader');

    // In the text Ctrl+K makes a link; elsewhere on the page it still goes to the search field.
    await anna.keyboard.press('Control+k');
    const address = anna.getByRole('textbox', { name: 'Adres van de link' });
    await expect.poll(() => address.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await axeViolations(anna)).toEqual([]);
    // Something that cannot be an address is refused with a message, and nothing changes.
    await address.fill('javascript:alert(1)');
    await anna.keyboard.press('Enter');
    await expect.poll(() => anna.getByRole('alert').innerText()).toContain('geen webadres');
    expect(await links(anna)).toEqual([]);

    await address.fill('www.slo.nl/kader');
    await anna.keyboard.press('Enter');
    await expect.poll(() => links(anna)).toEqual([['kader', 'https://www.slo.nl/kader']]);
    // The caret is back in the text: typing goes on after the link.
    expect(await editor.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await expect
      .poll(() => links(bram), { timeout: 10_000 })
      .toEqual([['kader', 'https://www.slo.nl/kader']]);

    // With the caret inside the link, the button shows it is a link and offers its address.
    await anna.keyboard.press('ArrowLeft');
    await anna.keyboard.press('ArrowRight');
    await anna.keyboard.press('ArrowRight');
    const button = anna.getByRole('button', { name: 'Link (Ctrl+K)' }).first();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    await expect.poll(() => address.inputValue()).toBe('https://www.slo.nl/kader');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await address.fill('naam@school.nl');
    await anna.getByRole('button', { name: 'Link toepassen' }).click();
    await expect.poll(() => links(bram), { timeout: 10_000 }).toEqual([['kader', 'mailto:naam@school.nl']]);

    await anna.keyboard.press('Control+k');
    await anna.getByRole('button', { name: 'Link weghalen' }).click();
    await expect.poll(() => links(anna)).toEqual([]);
    await expect.poll(() => links(bram), { timeout: 10_000 }).toEqual([]);
    expect(await editor.innerText()).toBe('Zie het kader');

    // Escape closes the form without a change and gives the text back its caret.
    await anna.keyboard.press('Control+k');
    await address.fill('www.voorbeeld.nl');
    await anna.keyboard.press('Escape');
    await expect.poll(() => address.count()).toBe(0);
    expect(await links(anna)).toEqual([]);
    expect(await editor.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }, 60_000);

  test('with no text selected, the address itself becomes the linked text', async () => {
    const id = await createDocumentViaApi(people.Anna, harness.server.url, teamId, 'Link zonder selectie');
    const anna = await openAs('Anna', `/d/${id}`);
    await nthEditor(anna, 0).click();
    await anna.keyboard.type('Meer op ', { delay: 10 });
    await anna.getByRole('button', { name: 'Link (Ctrl+K)' }).first().click();
    await anna.getByRole('textbox', { name: 'Adres van de link' }).fill('https://www.slo.nl');
    await anna.keyboard.press('Enter');
    await expect.poll(() => links(anna)).toEqual([['https://www.slo.nl', 'https://www.slo.nl']]);
    expect(await nthEditor(anna, 0).innerText()).toBe('Meer op https://www.slo.nl');
  }, 60_000);
});
