import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  openPage,
  tabTo,
  useHarness,
} from './helpers';

const harness = useHarness();

/** The headings of the sections in display order. */
function sectionHeadings(page: Page): Promise<string[]> {
  return page
    .getByTestId('section-heading')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** The ids of the section rows in display order. */
function sectionIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('section-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-section-id') ?? ''));
}

/** The names of the themes in display order. */
function themeTitles(page: Page): Promise<string[]> {
  return page
    .getByTestId('theme-title')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** What has focus: its test id, data-action, visible text and the section row it sits in. */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      testId: active?.getAttribute('data-testid') ?? null,
      action: active?.getAttribute('data-action') ?? null,
      section: active?.closest('[data-section-id]')?.getAttribute('data-section-id') ?? null,
      theme: active?.closest('[data-theme-id]')?.getAttribute('data-theme-id') ?? null,
    };
  });
}

const DEFAULT_HEADINGS = [
  'Doelgroep en aanleiding',
  'Leeruitkomsten en opbouw',
  'Leeractiviteiten',
  'Toetsing en bewijzen',
  'Erkenning eerder verworven competenties',
  'Relatie tot het professionaliseringstraject',
  'Materialen',
];

describe('the shared list controls in Chromium', () => {
  test('sections move up and down, are removed after confirming and added, themes likewise, by keyboard; focus follows; a second editor and a reload see the stored order', async () => {
    const url = harness.server.url;
    const { context: annaContext } = await newSignedInContext(harness, 'Anna');
    const { context: bramContext, user: bram } = await newSignedInContext(harness, 'Bram');
    const atelierId = await createTeamViaApi(annaContext, url, 'Atelier Lijsten', 'atelier');
    await addMemberViaApi(annaContext, url, atelierId, bram.email, 'editor');
    const { id: draftId } = await api<{ id: string }>(annaContext, url, 'POST', '/api/templates/drafts', {
      teamId: atelierId,
      title: 'Lijsten met knoppen',
    });

    const anna = await openPage(annaContext, url, `/ontwikkelpaden/${draftId}`, 'Anna');
    const bramPage = await openPage(bramContext, url, `/ontwikkelpaden/${draftId}`, 'Bram');
    for (const page of [anna, bramPage]) {
      await expect.poll(() => sectionHeadings(page), { timeout: 10_000 }).toEqual(DEFAULT_HEADINGS);
    }
    const [idA, idB, idC, ...rest] = await sectionIds(anna);
    const sections = anna.getByRole('region', { name: 'Secties van elk leerarrangement' });
    const button = (name: string) => sections.getByRole('button', { name, exact: true });

    // At the ends the move that cannot be done is disabled; the others are not.
    expect(await button('Omhoog — sectie Doelgroep en aanleiding').isDisabled()).toBe(true);
    expect(await button('Omlaag — sectie Doelgroep en aanleiding').isDisabled()).toBe(false);
    expect(await button('Omhoog — sectie Materialen').isDisabled()).toBe(false);
    expect(await button('Omlaag — sectie Materialen').isDisabled()).toBe(true);

    // From the first section's heading, Tab skips the disabled "Omhoog" and reaches "Omlaag".
    await anna.locator(`[data-section-id="${idA}"] [data-testid="section-heading"]`).focus();
    await tabTo(anna, `[data-section-id="${idA}"] [data-action="section-down"]`, 5);

    // "Omlaag": the section moves one place down, here and for Bram; focus stays on the pressed
    // button in the moved row.
    await anna.keyboard.press('Enter');
    const once = [DEFAULT_HEADINGS[1], DEFAULT_HEADINGS[0], ...DEFAULT_HEADINGS.slice(2)];
    await expect.poll(() => sectionHeadings(anna)).toEqual(once);
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: null, action: 'section-down', section: idA, theme: null });
    expect(await anna.getByTestId('announcer').innerText()).toContain(
      'sectie Doelgroep en aanleiding staat nu op plaats 2.',
    );
    await expect.poll(() => sectionHeadings(bramPage), { timeout: 10_000 }).toEqual(once);
    expect(await button('Omhoog — sectie Doelgroep en aanleiding').isDisabled()).toBe(false);
    expect(await button('Omhoog — sectie Leeruitkomsten en opbouw').isDisabled()).toBe(true);

    // "Omhoog" (one Shift+Tab back) moves it back to the top; the pressed button is now disabled,
    // so focus goes to "Omlaag" in the same row.
    await anna.keyboard.press('Shift+Tab');
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: null, action: 'section-up', section: idA, theme: null });
    await anna.keyboard.press('Enter');
    await expect.poll(() => sectionHeadings(anna)).toEqual(DEFAULT_HEADINGS);
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: null, action: 'section-down', section: idA, theme: null });
    expect(await button('Omhoog — sectie Doelgroep en aanleiding').isDisabled()).toBe(true);
    await expect.poll(() => sectionHeadings(bramPage), { timeout: 10_000 }).toEqual(DEFAULT_HEADINGS);

    // "Omlaag" once more leaves the order changed: B, A, C, …
    await anna.keyboard.press('Enter');
    await expect.poll(() => sectionIds(anna)).toEqual([idB, idA, idC, ...rest]);
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: null, action: 'section-down', section: idA, theme: null });
    await expect.poll(() => sectionIds(bramPage), { timeout: 10_000 }).toEqual([idB, idA, idC, ...rest]);

    // "Verwijderen" asks first: nothing is gone until "Ja, verwijderen", which has focus.
    await button('Verwijderen sectie Leeractiviteiten').focus();
    await anna.keyboard.press('Enter');
    const question = sections.getByRole('group', {
      name: 'sectie Leeractiviteiten verwijderen? Dit kan niet ongedaan worden gemaakt.',
    });
    await expect.poll(() => question.count()).toBe(1);
    await expect.poll(() => anna.evaluate(() => document.activeElement?.textContent)).toBe('Ja, verwijderen');
    expect(await sectionIds(anna)).toEqual([idB, idA, idC, ...rest]);
    // The open question passes axe too.
    expect(await axeViolations(anna)).toEqual([]);
    await anna.keyboard.press('Enter');
    const removed = [idB, idA, ...rest];
    await expect.poll(() => sectionIds(anna)).toEqual(removed);
    expect(await sectionHeadings(anna)).not.toContain('Leeractiviteiten');
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: 'add-section', action: null, section: null, theme: null });
    expect(await anna.getByTestId('announcer').innerText()).toContain(
      'sectie Leeractiviteiten is verwijderd.',
    );
    await expect.poll(() => sectionIds(bramPage), { timeout: 10_000 }).toEqual(removed);

    // "Sectie toevoegen" (focused, so Enter) adds an empty section at the end; focus goes to its
    // heading field, where typing names it.
    expect(await anna.evaluate(() => document.activeElement?.textContent)).toBe('Sectie toevoegen');
    await anna.keyboard.press('Enter');
    await expect
      .poll(() => sectionIds(anna).then((ids) => ids.length), { timeout: 10_000 })
      .toBe(removed.length + 1);
    const newId = (await sectionIds(anna)).at(-1) as string;
    expect(removed).not.toContain(newId);
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: 'section-heading', action: null, section: newId, theme: null });
    await anna.keyboard.type('Evaluatie');
    const finalHeadings = [
      'Leeruitkomsten en opbouw',
      'Doelgroep en aanleiding',
      ...DEFAULT_HEADINGS.slice(3),
      'Evaluatie',
    ];
    await expect.poll(() => sectionHeadings(anna)).toEqual(finalHeadings);
    await expect.poll(() => sectionHeadings(bramPage), { timeout: 10_000 }).toEqual(finalHeadings);
    // The new last row: "Omlaag" disabled, and the row before it can move down again.
    expect(await button('Omlaag — sectie Evaluatie').isDisabled()).toBe(true);
    expect(await button('Omlaag — sectie Materialen').isDisabled()).toBe(false);

    // The themes use the same add and move buttons: a new theme gets focus in its name field,
    // "Thema omhoog" moves it to the top (focus falls to "Thema omlaag", the pressed one is now
    // disabled) and the theme it passed (no outcomes, so no question) is removed, focus going to "Thema toevoegen".
    const themes = anna.getByRole('region', { name: 'Thema’s en leeruitkomsten' });
    const themeButton = (name: string) => themes.getByRole('button', { name, exact: true });
    const themeIds = () =>
      anna
        .getByTestId('theme-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-theme-id') ?? ''));
    await expect.poll(() => themeTitles(anna)).toEqual(['Thema 1']);
    const [firstThemeId] = await themeIds();
    await themeButton('Thema toevoegen').focus();
    await anna.keyboard.press('Enter');
    await expect.poll(() => themeIds().then((ids) => ids.length)).toBe(2);
    const newThemeId = (await themeIds())[1];
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: 'theme-title', action: null, section: null, theme: newThemeId });
    await anna.keyboard.type('Samen ontwerpen');
    await themeButton('Thema omhoog — Thema 2: Samen ontwerpen').focus();
    await anna.keyboard.press('Enter');
    await expect.poll(() => themeIds()).toEqual([newThemeId, firstThemeId]);
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: null, action: 'theme-down', section: null, theme: newThemeId });
    expect(await themeButton('Thema omhoog — Thema 1: Samen ontwerpen').isDisabled()).toBe(true);
    await themeButton('Thema verwijderen — Thema 2: Thema 1').focus();
    await anna.keyboard.press('Enter');
    await expect.poll(() => themeIds()).toEqual([newThemeId]);
    await expect
      .poll(() => focused(anna))
      .toEqual({ testId: 'add-theme', action: null, section: null, theme: null });
    await expect.poll(() => themeTitles(bramPage), { timeout: 10_000 }).toEqual(['Samen ontwerpen']);

    // The order is stored in the document: after a reload it is still there.
    await expectStatus(anna, 'saved');
    await anna.reload();
    await expect.poll(() => sectionIds(anna), { timeout: 10_000 }).toEqual([...removed, newId]);
    expect(await sectionHeadings(anna)).toEqual(finalHeadings);
    expect(await themeTitles(anna)).toEqual(['Samen ontwerpen']);

    expect(await axeViolations(anna)).toEqual([]);
  }, 60_000);
});
