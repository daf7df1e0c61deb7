import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  createDocumentViaApi,
  createTeamViaApi,
  addMemberViaApi,
  expectStatus,
  newSignedInContext,
  newUserDetails,
  nthEditor,
  useHarness,
} from './helpers';

/**
 * The Content-Security-Policy the server sends must let the real client work: every page below is
 * loaded under it, and any violation the browser reports (a blocked script, style, socket or image)
 * fails the test.
 */

const harness = useHarness();

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

declare global {
  interface Window {
    cspViolations?: Violation[];
  }
}

/** A browser profile that records every CSP violation its pages report, from the first script on. */
async function watchedContext(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  return context;
}

/** Opens `urlPath`, checking the page itself came with the CSP; console CSP errors are collected. */
async function open(context: BrowserContext, urlPath: string, consoleErrors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  const response = await page.goto(`${harness.server.url}${urlPath}`);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  return page;
}

const violationsOf = (page: Page) => page.evaluate(() => window.cspViolations ?? []);

describe('the Content-Security-Policy in Chromium', () => {
  test('sign-up and login pages, and two people editing one document: no violation', async () => {
    const url = harness.server.url;
    const consoleErrors: string[] = [];

    // Sign up and log in through the forms: their POSTs must still carry the Origin the server checks.
    const details = newUserDetails('Cas');
    const signUpPage = await open(
      await watchedContext(await harness.newContext()),
      '/aanmelden',
      consoleErrors,
    );
    await signUpPage.getByLabel('Naam', { exact: true }).fill(details.name);
    await signUpPage.getByLabel('E-mailadres').fill(details.email);
    await signUpPage.getByLabel('Wachtwoord', { exact: true }).fill(details.password);
    await signUpPage.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => signUpPage.getByTestId('signed-in-name').count(), { timeout: 10_000 }).toBe(1);

    const loginPage = await open(
      await watchedContext(await harness.newContext()),
      '/inloggen',
      consoleErrors,
    );
    await loginPage.getByLabel('E-mailadres').fill(details.email);
    await loginPage.getByLabel('Wachtwoord', { exact: true }).fill(details.password);
    await loginPage.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => loginPage.getByTestId('signed-in-name').count(), { timeout: 10_000 }).toBe(1);

    // Two people in one document: the socket, the editor's styles and each other's caret.
    const owner = await newSignedInContext(harness, 'Dewi');
    const other = await newSignedInContext(harness, 'Eef');
    const teamId = await createTeamViaApi(owner.context, url, 'CSP-team');
    await addMemberViaApi(owner.context, url, teamId, other.user.email, 'editor');
    const docId = await createDocumentViaApi(owner.context, url, teamId, 'Onder de CSP');
    const editors = [
      await open(await watchedContext(owner.context), `/d/${docId}`, consoleErrors),
      await open(await watchedContext(other.context), `/d/${docId}`, consoleErrors),
    ];
    for (const [index, page] of editors.entries()) {
      await nthEditor(page, index).click();
      await page.keyboard.type(`Regel ${String(index)}`, { delay: 10 });
    }
    for (const page of editors) await expectStatus(page, 'saved');
    // The other person's caret (a styled element) is drawn in each editor.
    for (const page of editors) {
      await expect
        .poll(() => page.locator('.collaboration-carets__caret').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
    }

    const pages = [signUpPage, loginPage, ...editors];
    const violations = (await Promise.all(pages.map(violationsOf))).flat();
    expect({ violations, consoleErrors }).toEqual({ violations: [], consoleErrors: [] });
  });
});
