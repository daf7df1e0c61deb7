import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { SECTIONS_ARRAY } from '../../shared/editor/fields';
import { writeFormattedText } from '../support/richFragment';
import { connectSynced, sectionFragment, sectionText, waitFor, waitForAllAcked } from '../support/yclient';
import {
  api,
  axeRuleViolations,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  expectStatus,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

/**
 * Bug 6 of issue 21: Leeractiviteiten, Toetsing en bewijzen, EVC and Relatie were both a structured
 * field and a template section on the design page. Each question shows once now (the field, with
 * the section's guidance); text an older design wrote in such a section stays visible under the
 * field until the team moves or clears it.
 */

const harness = useHarness();

const ABSORBED = [
  'Leeractiviteiten',
  'Toetsing en bewijzen',
  'Erkenning eerder verworven competenties',
  'Relatie tot het professionaliseringstraject',
];

async function newDesign(context: BrowserContext, title: string): Promise<{ id: string; docId: string }> {
  const url = harness.server.url;
  const teamId = await createTeamViaApi(context, url, `Lab ${title}`, 'cocreatieteam');
  const template = await exampleTemplate(context, url);
  return api(context, url, 'POST', '/api/designs', { teamId, title, templateId: template.id });
}

/** Connects to the design's doc with the context's session, as a second client would. */
async function connectAs(context: BrowserContext, docId: string) {
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
  const wsUrl = `${harness.server.url.replace(/^http/, 'ws')}/collab`;
  return connectSynced(wsUrl, docId, { cookie, durable: true });
}

function sectionIdsByHeading(doc: Y.Doc): Map<string, string> {
  return new Map(
    doc
      .getArray<Y.Map<string>>(SECTIONS_ARRAY)
      .toArray()
      .map((section) => [String(section.get('heading')), String(section.get('id'))]),
  );
}

const regionCount = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).count();

describe('one place per question on the design page', () => {
  test('each question shows once, with the template guidance, and the page is axe-clean', async () => {
    const { context } = await newSignedInContext(harness, 'Iris');
    const design = await newDesign(context, 'Eén vraag, één plek');
    const page = await openPage(context, harness.server.url, `/ontwerpen/${design.id}`, 'Iris');
    await expect.poll(() => page.getByTestId('section-editor').count(), { timeout: 10_000 }).toBe(3);
    expect(await page.locator('.doc-section__heading').allInnerTexts()).toEqual([
      'Doelgroep en aanleiding',
      'Leeruitkomsten en opbouw',
      'Materialen',
    ]);
    expect(await regionCount(page, 'Leeractiviteiten')).toBe(1);
    // The field's own heading or label, never a second box under the section's heading.
    for (const heading of ABSORBED.slice(1)) expect(await regionCount(page, heading)).toBe(0);
    expect(await regionCount(page, 'Bewijzen per leeruitkomst')).toBe(1);
    expect(await page.getByTestId('field-guidance').count()).toBe(4);
    expect(await page.getByTestId('earlier-section-text').count()).toBe(0);
    await expectStatus(page, 'saved');
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeRuleViolations(page, ['landmark-unique', 'region'])).toEqual([]);
  }, 60_000);

  test('text an older design wrote in those sections stays, to move into the field or clear', async () => {
    const { context } = await newSignedInContext(harness, 'Otto');
    const design = await newDesign(context, 'Oud ontwerp');
    const client = await connectAs(context, design.docId);
    const ids = sectionIdsByHeading(client.doc);
    for (const heading of ABSORBED)
      writeFormattedText(sectionFragment(client.doc, ids.get(heading)!), `Oud: ${heading}`);
    await waitForAllAcked(client);

    const page = await openPage(context, harness.server.url, `/ontwerpen/${design.id}`, 'Otto');
    const earlier = page.getByTestId('earlier-section-text');
    await expect.poll(() => earlier.count(), { timeout: 10_000 }).toBe(4);
    for (const heading of ABSORBED) {
      const box = page.getByRole('group', { name: `Eerder geschreven bij “${heading}”` });
      await expect.poll(() => box.innerText()).toContain(`Oud: ${heading}`);
      expect(await box.locator('strong').innerText()).toBe('vetgedrukt');
    }
    await expectStatus(page, 'saved');
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeRuleViolations(page, ['landmark-unique'])).toEqual([]);

    // EVC: into the field, as plain text; focus stays on the field.
    const evc = page.getByRole('group', {
      name: 'Eerder geschreven bij “Erkenning eerder verworven competenties”',
    });
    await evc.getByRole('button', { name: 'Naar het veld verplaatsen' }).click();
    await expect.poll(() => earlier.count()).toBe(3);
    await expect
      .poll(() => page.locator('#field-evcApproach').inputValue())
      .toContain('Oud: Erkenning eerder verworven competenties');
    expect(await page.locator('#field-evcApproach').inputValue()).toContain('- eerste punt');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-evcApproach');

    // Leeractiviteiten: cleared only after confirming.
    const activities = page.getByRole('group', { name: 'Eerder geschreven bij “Leeractiviteiten”' });
    await activities.getByRole('button', { name: 'Tekst wissen' }).click();
    await activities.getByRole('button', { name: 'Niet wissen' }).click();
    expect(await earlier.count()).toBe(3);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Tekst wissen');
    await activities.getByRole('button', { name: 'Tekst wissen' }).click();
    await activities.getByRole('button', { name: 'Ja, tekst wissen' }).click();
    await expect.poll(() => earlier.count()).toBe(2);

    await waitFor(
      () => sectionText(client.doc, ids.get('Leeractiviteiten')!) === '<paragraph></paragraph>',
      () => sectionText(client.doc, ids.get('Leeractiviteiten')!),
    );
    expect(sectionText(client.doc, ids.get('Erkenning eerder verworven competenties')!)).toBe(
      '<paragraph></paragraph>',
    );
    expect(client.doc.getText('evcApproach').toString()).toContain(
      'Oud: Erkenning eerder verworven competenties',
    );
    client.destroy();
  }, 60_000);
});
