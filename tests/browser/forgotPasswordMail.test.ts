import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { linkIn, startTestSmtp, type TestSmtp } from '../support/smtp';
import { api, axeViolations, openPage, signUpViaApi, tabTo, useHarness } from './helpers';

// "Wachtwoord vergeten?" by mail, in the browser: from the login page by keyboard, the mail from a
// real SMTP receiver, its link, a new password. And no promise of mail where there is none.

const harness = useHarness();
const NEW_PASSWORD = 'via de mail weer binnen';

describe('wachtwoord vergeten by mail', () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-browser-'));
    server = await startServer({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('login page → mail → link → new password, by keyboard, announced, without axe violations', async () => {
    const url = server.url;
    const user = await signUpViaApi(await harness.newContext(), url, 'Mila Mailherstel');
    const context = await harness.newContext();
    const page = await openPage(context, url, '/inloggen', 'Mila');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { name: 'Wachtwoord vergeten' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, 'input[name="email"]');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Enter');
    const sent = page.getByTestId('forgot-sent');
    await sent.waitFor();
    expect(await sent.getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'forgot-sent',
    );
    expect(await sent.innerText()).toContain(user.email);
    expect(await axeViolations(page)).toEqual([]);

    const [mail] = await smtp.waitFor(user.email);
    const link = linkIn(mail!.parsed.text, `${url}/wachtwoord-herstellen/`);
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByTestId('reset-done').waitFor();
    await api(context, url, 'POST', '/api/auth/login', { email: user.email, password: NEW_PASSWORD });
  });
});

test('without SMTP_URL the page sends nobody to their inbox', async () => {
  const context = await harness.newContext();
  const page = await openPage(context, harness.server.url, '/wachtwoord-vergeten', 'Geen mail');
  await page.getByTestId('forgot-no-mail').waitFor();
  expect(await page.getByTestId('forgot-form').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
});
