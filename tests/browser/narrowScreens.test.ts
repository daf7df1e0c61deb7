import { describe, expect, test } from 'vitest';
import type { BrowserContext, Locator } from 'playwright-core';
import { editDraft, toggleOutcome } from '../support/yclient';
import {
  addMemberViaApi,
  api,
  createDesignViaApi,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  newSignedInContext,
  useHarness,
} from './helpers';
import { approveViaCommittee } from './committee';
import { overflow } from './support/overflow';

/**
 * Bug 9 of issue 21: at 390 px (a phone) the team page, the catalog and a traject fit the width —
 * nothing scrolls sideways; the coverage matrix scrolls inside its own (keyboard-reachable) area.
 * Issue 24: panels open as bottom sheets there. (Every page: everyPage.test.ts.)
 */

const harness = useHarness();
const WIDTH = 390;
const HEIGHT = 844;

async function cookieOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

describe(`pages at ${WIDTH} px`, () => {
  test('the team page, the catalog, a catalog entry and a traject do not scroll sideways; axe is clean', async () => {
    const url = harness.server.url;
    const ada = await newSignedInContext(harness, 'Ada Langenaam-Vandenberghe');
    const bram = await newSignedInContext(harness, 'Bram');
    const example = await exampleTemplate(ada.context, url);
    const teamId = await createTeamViaApi(
      ada.context,
      url,
      'Co-creatielab Zuid-Limburg en Omstreken',
      'cocreatieteam',
    );
    await addMemberViaApi(ada.context, url, teamId, bram.user.email, 'editor');
    /** An approved leerarrangement of `team`, in the catalog. */
    const approved = async (team: string, title: string) => {
      const { id } = await api<{ id: string }>(ada.context, url, 'POST', '/api/designs', {
        teamId: team,
        title,
        templateId: example.id,
      });
      await editDraft(
        `${url.replace(/^http/, 'ws')}/collab`,
        id,
        { cookie: await cookieOf(ada.context) },
        (doc) =>
          doc.transact(() =>
            ['sc-wat-1', 'sc-wat-2', 'sc-hoe-1'].forEach((outcome) => toggleOutcome(doc, outcome, true)),
          ),
      );
      await approveViaCommittee(harness, id);
      return id;
    };
    const designId = await approved(teamId, 'Curriculum samen maken met de hele sectie');
    // Another team's, with a long title, in the traject from the catalog ("van team …").
    const otherTeam = await createTeamViaApi(
      ada.context,
      url,
      'Samenwerkingsverband Voortgezet Onderwijs Noord',
      'cocreatieteam',
    );
    const otherId = await approved(
      otherTeam,
      'Onderzoeksmatig werken aan curriculumvernieuwing in de onderbouw',
    );
    const { id: trajectId } = await api<{ id: string }>(ada.context, url, 'POST', '/api/trajects', {
      teamId,
      title: 'Curriculumspecialist in één jaar',
      templateVersionId: example.id,
    });
    await api(ada.context, url, 'PUT', `/api/trajects/${trajectId}/items`, {
      items: [{ designId }, { designId: otherId }],
    });

    const page = await ada.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    const pages: Array<[string, string]> = [
      [`/teams/${teamId}`, '[data-testid="team-designs"], h1'],
      ['/catalogus', '[data-testid="catalog-entry"], main h1'],
      [`/catalogus/${designId}`, 'main h1'],
      [`/trajecten/${trajectId}`, '[data-testid="matrix-cell"]'],
    ];
    // Every page measured before the verdict, so one run shows all that stick out.
    const measured: Record<string, unknown> = {};
    for (const [path, ready] of pages) {
      await page.goto(`${url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      measured[path] = { ...(await overflow(page, WIDTH)), axe: await axeViolations(page) };
    }
    expect(measured).toEqual(
      Object.fromEntries(pages.map(([path]) => [path, { scrollWidth: WIDTH, wide: [], axe: [] }])),
    );

    // The matrix scrolls in its own area, which the keyboard can reach (a named, focusable region).
    const area = page.locator('[data-scroll-area]').filter({ has: page.getByTestId('matrix-cell') });
    expect(await area.getAttribute('tabindex')).toBe('0');
    expect(await area.getAttribute('role')).toBe('region');
    expect(await area.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
  }, 90_000);

  test('the comments panel and the versions dialog open as bottom sheets: focus moves in, Escape closes and returns it', async () => {
    const url = harness.server.url;
    const ada = await newSignedInContext(harness, 'Ada');
    const teamId = await createTeamViaApi(ada.context, url, 'Lab Telefoon', 'cocreatieteam');
    const id = await createDesignViaApi(ada.context, url, teamId, 'Op de telefoon');
    await api(ada.context, url, 'POST', `/api/documents/${id}/comments`, {
      anchor: null,
      body: 'Een reactie om te lezen in de sheet.',
    });
    await api(ada.context, url, 'POST', `/api/documents/${id}/versions`, { label: 'Eerste opzet' });
    const page = await ada.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.goto(`${url}/ontwerpen/${id}`);
    await page.getByTestId('design-outcome').first().waitFor({ timeout: 15_000 });

    // Comments: a sheet over the page's foot, its heading focused, the close button in view.
    // On a phone the document's actions wait behind "Documentacties" (it stays open while used).
    await page.getByTestId('doc-actions-toggle').click();
    const toggle = page.getByTestId('comments-toggle');
    await toggle.click();
    const panel = page.getByTestId('comments-panel');
    await page.getByTestId('comment-thread').first().waitFor();
    await expectSheet(panel);
    await expect.poll(() => focusedInside(panel)).toBe(true);
    expect(await panel.getByRole('button', { name: 'Paneel sluiten' }).isVisible()).toBe(true);
    expect(await overflow(page, WIDTH)).toEqual({ scrollWidth: WIDTH, wide: [] });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    await expect.poll(() => toggle.evaluate((element) => element === document.activeElement)).toBe(true);

    // Versions: the dialog is a sheet too, its "Sluiten" at the foot in view while it scrolls.
    const opener = page.getByTestId('versions-open');
    await opener.click();
    const dialog = page.getByTestId('versions-dialog');
    await dialog.locator('li').first().waitFor();
    await expectSheet(dialog);
    await expect.poll(() => focusedInside(dialog)).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Sluiten' }).isVisible()).toBe(true);
    const close = await dialog.getByRole('button', { name: 'Sluiten' }).boundingBox();
    expect(close!.y + close!.height).toBeLessThanOrEqual(HEIGHT);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => opener.evaluate((element) => element === document.activeElement)).toBe(true);

    // On a laptop the panel is a column beside the text again, and focus stays on the toggle.
    await page.setViewportSize({ width: 1280, height: 900 });
    await toggle.click();
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.evaluate((element) => getComputedStyle(element).position)).not.toBe('fixed');
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
  }, 60_000);
});

/** A bottom sheet: fixed, the full width, against the bottom edge, at most 85 % of the height. */
async function expectSheet(sheet: Locator): Promise<void> {
  expect(await sheet.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
  const box = await sheet.boundingBox();
  expect(box).toMatchObject({ x: 0, width: WIDTH });
  expect(Math.round(box!.y + box!.height)).toBe(HEIGHT);
  expect(box!.height).toBeLessThanOrEqual(HEIGHT * 0.85 + 1);
}

function focusedInside(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}
