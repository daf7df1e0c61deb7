import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { editDraft, toggleOutcome } from '../support/yclient';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  newSignedInContext,
  useHarness,
} from './helpers';
import { approveViaCommittee } from './committee';

/**
 * Bug 9 of issue 21: at 390 px (a phone) the team page, the catalog and a traject fit the width —
 * nothing scrolls sideways; the coverage matrix scrolls inside its own (keyboard-reachable) area.
 */

const harness = useHarness();
const WIDTH = 390;

async function cookieOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/**
 * The page's scroll width, and what sticks out past the viewport outside a scroll area: for the
 * first such element its ancestors too (tag, class, display), so a failure names the culprit.
 */
function overflow(page: Page) {
  return page.evaluate((width) => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${String(element.className)}[${getComputedStyle(element).display}] ${Math.round(element.getBoundingClientRect().width)}`;
    const wide = [...document.querySelectorAll('body *')].filter(
      (element) =>
        element.getBoundingClientRect().right > width + 0.5 &&
        !element.parentElement?.closest('[data-scroll-area]'),
    );
    const chain: string[] = [];
    for (let node = wide[0] ?? null; node && node !== document.body; node = node.parentElement) {
      chain.push(describe(node));
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: chain };
  }, WIDTH);
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
    await page.setViewportSize({ width: WIDTH, height: 844 });
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
      measured[path] = { ...(await overflow(page)), axe: await axeViolations(page) };
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
});
