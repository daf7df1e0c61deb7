import { describe, expect, test } from 'vitest';
import { openPage, signUpViaApi, useHarness } from './helpers';

/**
 * A server error in the English UI in Chromium: the login form shows the English message for the
 * server's `invalid_credentials`, not the Dutch message of the error body.
 */

const harness = useHarness();

describe('server errors in the UI language, in Chromium', () => {
  test('a wrong password in the English UI reads in English', async () => {
    const url = harness.server.url;
    const signUp = await harness.newContext();
    const user = await signUpViaApi(signUp, url, 'Eva');
    const context = await harness.newContext();
    await context.addInitScript(() => localStorage.setItem('werkplaats:language', 'en'));
    const page = await openPage(context, url, '/inloggen', 'Eva');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill('not-my-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByTestId('login-form').getByRole('alert');
    await expect
      .poll(() => alert.innerText(), { timeout: 10_000 })
      .toBe('E-mail address or password is incorrect.');
  });
});
