import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addMemberViaApi,
  api,
  createDesignViaApi,
  axeViolations,
  createTeamViaApi,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

const harness = useHarness();

/** An area of a page: a section or a landmark. Each may hold one filled (primary) button. */
interface Area {
  area: string;
  primaries: string[];
}

/**
 * The visible `.button--primary` elements grouped by the nearest section or landmark around
 * them, each area named by its aria-label, its labelling heading, or its tag.
 */
function primariesPerArea(page: Page): Promise<Area[]> {
  return page.evaluate(() => {
    const AREA = 'section, main, aside, nav, header, footer, [role="region"], [role="dialog"]';
    const nameOf = (area: Element): string => {
      const label = area.getAttribute('aria-label');
      if (label) return label;
      const by = area.getAttribute('aria-labelledby');
      const heading = by ? document.getElementById(by.split(' ')[0] ?? '') : null;
      return heading?.textContent?.trim() || area.tagName.toLowerCase();
    };
    const areas = new Map<Element, string[]>();
    for (const button of document.querySelectorAll<HTMLElement>('.button--primary')) {
      if (!button.checkVisibility()) continue;
      const area = button.closest(AREA) ?? document.body;
      areas.set(area, [...(areas.get(area) ?? []), button.textContent?.trim() ?? '']);
    }
    return [...areas].map(([area, primaries]) => ({ area: nameOf(area), primaries }));
  });
}

/** Fails unless no area holds two primaries and each of `expected` holds exactly one. */
async function expectOnePrimaryPerArea(page: Page, expected: string[]): Promise<void> {
  await expect
    .poll(async () => (await primariesPerArea(page)).map((area) => area.area).sort())
    .toEqual(expect.arrayContaining(expected));
  const areas = await primariesPerArea(page);
  expect(areas.filter((area) => area.primaries.length > 1)).toEqual([]);
  for (const name of expected) {
    expect(areas.find((area) => area.area === name)?.primaries, name).toHaveLength(1);
  }
}

/** Every visible icon inside a button or button-like link is hidden from assistive technology. */
function visibleIconsNotHidden(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('.button svg, .toolbar__button svg')].filter(
        (svg) => svg.getAttribute('aria-hidden') !== 'true',
      ).length,
  );
}

describe('a calm hierarchy: one primary action per area, icons beside labels', () => {
  test('the team page, the rounds page and a round hold one primary per area, keep icons out of the names, and are axe clean', async () => {
    const url = harness.server.url;
    const dana = await newSignedInContext(harness, 'Dana');
    const bart = await newSignedInContext(harness, 'Bart');
    const teamId = await createTeamViaApi(dana.context, url, 'Lab Noord', 'cocreatieteam');
    await addMemberViaApi(dana.context, url, teamId, bart.user.email, 'editor');
    const designId = await createDesignViaApi(dana.context, url, teamId, 'Rekenen in de praktijk');
    const version = await api<{ id: string }>(
      dana.context,
      url,
      'POST',
      `/api/documents/${designId}/versions`,
      { label: 'Eerste opzet' },
    );
    const round = await api<{ id: string }>(dana.context, url, 'POST', `/api/documents/${designId}/rounds`, {
      versionId: version.id,
      title: 'Feedback van collega’s',
      deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    });

    const team = await openPage(dana.context, url, `/teams/${teamId}`, 'Dana');
    await expect.poll(() => team.getByTestId('member-row').count()).toBe(2);
    await expectOnePrimaryPerArea(team, [
      'Nieuw leerarrangement',
      'Nieuw traject',
      'Nieuw document',
      'Lid toevoegen',
      'Uitnodigen via link',
    ]);
    // A secondary action keeps its text as its name; the icon beside it is decoration.
    const edit = team.getByRole('button', { name: 'Teamgegevens wijzigen', exact: true });
    expect(await edit.locator('svg').count()).toBe(1);
    expect(await visibleIconsNotHidden(team)).toBe(0);
    expect(await axeViolations(team)).toEqual([]);

    const rounds = await openPage(dana.context, url, `/ontwerpen/${designId}/feedback`, 'Dana');
    await expect.poll(() => rounds.getByTestId('round-item').count()).toBe(1);
    await expectOnePrimaryPerArea(rounds, ['main']);
    expect(await visibleIconsNotHidden(rounds)).toBe(0);
    expect(await axeViolations(rounds)).toEqual([]);

    const manage = await openPage(dana.context, url, `/ontwerpen/${designId}/feedback/${round.id}`, 'Dana');
    await expect.poll(() => manage.getByTestId('round-heading').count()).toBe(1);
    await expectOnePrimaryPerArea(manage, ['Reviewers']);
    expect(await visibleIconsNotHidden(manage)).toBe(0);
    expect(await axeViolations(manage)).toEqual([]);
    // Three pages with axe each: ~20 s on a quiet machine.
  }, 60_000);

  test('every button of the editor toolbar has a name and an icon', async () => {
    const url = harness.server.url;
    const olga = await newSignedInContext(harness, 'Olga');
    const teamId = await createTeamViaApi(olga.context, url, 'Lab Oost', 'cocreatieteam');
    const designId = await createDesignViaApi(olga.context, url, teamId, 'Ontwerp met opmaak');
    const page = await openPage(olga.context, url, `/ontwerpen/${designId}`, 'Olga');
    const toolbar = page.getByRole('toolbar').first();
    // The editor's chunk and the document load first: slower than a plain page on a busy machine.
    await expect.poll(() => toolbar.getByRole('button').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    const buttons = await toolbar.getByRole('button').all();
    const names: string[] = [];
    for (const button of buttons) {
      names.push((await button.getAttribute('aria-label')) ?? '');
      expect(await button.locator('svg[aria-hidden="true"]').count()).toBe(1);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'Vet',
        'Cursief',
        'Tussenkop H3',
        'Opsomming',
        'Genummerde lijst',
        'Ongedaan maken',
      ]),
    );
    expect(names.filter((name) => name.trim() === '')).toEqual([]);
    // Visible text beside the icon would be read twice; the label is the name.
    for (const button of buttons) expect((await button.innerText()).trim()).toBe('');
  });
});
