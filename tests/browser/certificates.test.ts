import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  api,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  expectStatus,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

const harness = useHarness();

const pathOf = (page: Page) => new URL(page.url()).pathname;

/**
 * The team writes its EVC procedure on the team page, a design follows it from its EVC field, and
 * the certificate preview (reached from the design and from a traject) shows both; axe clean.
 */
describe('certificates and the EVC procedure in Chromium', () => {
  test('EVC procedure on the team page → a design follows it → its certificate, then the traject’s', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Cora');
    const teamId = await createTeamViaApi(context, url, 'Lab Certificaat', 'cocreatieteam');
    const example = await exampleTemplate(context, url);

    // The team writes its procedure.
    const teamPage = await openPage(context, url, `/teams/${teamId}`, 'Cora');
    const section = teamPage.getByTestId('evc-procedure');
    await expect.poll(() => section.innerText(), { timeout: 10_000 }).toContain('nog geen EVC-procedure');
    await section.getByTestId('evc-edit').click();
    await teamPage
      .getByLabel('Hoe eerder verworven competenties worden erkend')
      .fill('Een portfoliogesprek.');
    await teamPage.getByLabel('Adaptief vervolg').fill('Wie het al kan, slaat de eerste bijeenkomst over.');
    expect(await axeViolations(teamPage)).toEqual([]);
    await section.getByTestId('evc-save').click();
    await expect.poll(() => section.getByRole('status').innerText()).toBe('EVC-procedure opgeslagen.');
    expect(await section.innerText()).toContain('Een portfoliogesprek.');
    await expect
      .poll(() => teamPage.getByTestId('audit-list').innerText())
      .toContain('heeft de EVC-procedure van het team gewijzigd');
    expect(await axeViolations(teamPage)).toEqual([]);

    // The design refers to it instead of repeating it.
    const design = await api<{ id: string }>(context, url, 'POST', '/api/designs', {
      teamId,
      title: 'Curriculum in de school',
      templateId: example.id,
    });
    const page = await openPage(context, url, `/ontwerpen/${design.id}`, 'Cora');
    await expect.poll(() => page.getByTestId('design-outcome').count(), { timeout: 10_000 }).toBe(6);
    await page.locator('#outcome-sc-wat-1').check();
    await page.locator('#evidence-sc-wat-1').fill('Een leerlijn met verantwoording.');
    await page.getByTestId('evc-follow').check();
    await expect.poll(() => page.getByLabel('Wat specifiek is voor dit leerarrangement').count()).toBe(1);
    await page.getByLabel('Wat specifiek is voor dit leerarrangement').fill('Ook een eigen lesvideo telt.');
    await page.getByTestId('evc-team-procedure').locator('summary').click();
    expect(await page.getByTestId('evc-team-procedure').innerText()).toContain('Een portfoliogesprek.');
    await page
      .locator('[data-testid="check-item"][data-rule="R10"]')
      .first()
      .getAttribute('data-status')
      .then((status) => expect(status).toBe('pass'));
    await expectStatus(page, 'saved');
    expect(await axeViolations(page)).toEqual([]);

    // The certificate, from the design page.
    await page.getByTestId('open-certificate').click();
    await expect.poll(() => pathOf(page)).toBe(`/ontwerpen/${design.id}/certificaat`);
    await expect
      .poll(() => page.getByTestId('certificate-title').innerText(), { timeout: 10_000 })
      .toBe('Certificaat: Curriculum in de school');
    const outcomes = await page.getByTestId('certificate-outcomes').innerText();
    expect(outcomes).toContain('Een leerlijn met verantwoording.');
    const evc = await page.getByTestId('certificate-evc').innerText();
    expect(evc).toContain('Dit leerarrangement volgt de EVC-procedure van Lab Certificaat.');
    expect(evc).toContain('Wie het al kan, slaat de eerste bijeenkomst over.');
    expect(evc).toContain('Ook een eigen lesvideo telt.');
    expect(await page.getByTestId('certificate-facts').innerText()).toContain('in te vullen bij uitreiking');
    expect(await axeViolations(page)).toEqual([]);

    // Its print page and Word file are what the links say.
    const printHref = await page.getByTestId('certificate-print').getAttribute('href');
    expect(printHref).toBe(`/api/designs/${design.id}/certificate?format=html`);
    const printed = await context.request.get(`${url}${printHref}`);
    expect(printed.status()).toBe(200);
    expect(await printed.text()).toContain('Ook een eigen lesvideo telt.');
    const docx = await context.request.get(
      `${url}${await page.getByTestId('certificate-docx').getAttribute('href')}`,
    );
    expect(docx.headers()['content-type']).toMatch(/wordprocessingml/);

    // Back to the design by the breadcrumb.
    await page.getByTestId('certificate-back').click();
    await expect.poll(() => pathOf(page)).toBe(`/ontwerpen/${design.id}`);

    // The traject's certificate joins its part-certificates.
    const traject = await api<{ id: string }>(context, url, 'POST', '/api/trajects', {
      teamId,
      title: 'Traject curriculum',
      templateVersionId: example.id,
    });
    await api(context, url, 'PUT', `/api/trajects/${traject.id}/items`, { items: [{ designId: design.id }] });
    await page.goto(`${url}/trajecten/${traject.id}`);
    await page.getByTestId('open-certificate').click();
    await expect.poll(() => pathOf(page)).toBe(`/trajecten/${traject.id}/certificaat`);
    await expect
      .poll(() => page.getByTestId('certificate-parts').innerText(), { timeout: 10_000 })
      .toContain('Curriculum in de school');
    expect(await page.getByTestId('certificate-incomplete').innerText()).toContain('Nog niet gedekt');
    expect(await axeViolations(page)).toEqual([]);
  });
});
