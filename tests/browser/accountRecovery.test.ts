import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAccount } from '../../server/commands/accountAdmin';
import { issuePasswordReset } from '../../server/commands/passwordReset';
import { startServer, type RunningServer } from '../../server/index';
import {
  api,
  axeViolations,
  newSignedInContext,
  newUserDetails,
  openPage,
  tabTo,
  useHarness,
} from './helpers';

// The reset link's page and the sign-up page under SIGNUP=closed, by keyboard, checked with axe.

const harness = useHarness();
const NEW_PASSWORD = 'een gloednieuwe wachtzin';

describe('/wachtwoord-herstellen/:token', () => {
  test('sets a new password by keyboard alone, announces it, and a second use shows why it fails', async () => {
    const url = harness.server.url;
    const { context, user } = await newSignedInContext(harness, 'Vera Vergeet');
    const { token } = await issuePasswordReset(harness.server.deps, user.id);
    const page = await openPage(context, url, `/wachtwoord-herstellen/${token}`, 'Vera');
    await page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, 'input[name="password"]');
    await page.keyboard.type('kort');
    await page.keyboard.press('Enter');
    // Refused before sending; the field says why and keeps focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')))
      .toBe('true');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    const done = page.getByTestId('reset-done');
    await done.waitFor();
    expect(await done.getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reset-done');
    expect(await axeViolations(page)).toEqual([]);

    // Every session ended (this browser's too); the new password logs in.
    const me = await context.request.get(`${url}/api/me`);
    expect(me.status()).toBe(401);
    await api(context, url, 'POST', '/api/auth/login', { email: user.email, password: NEW_PASSWORD });

    const again = await openPage(context, url, `/wachtwoord-herstellen/${token}`, 'Vera');
    await again.getByLabel('Nieuw wachtwoord').fill('nog een wachtwoord erbij');
    await again.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => again.getByRole('alert').innerText()).toContain('verlopen of al gebruikt');
  });
});

describe('sign-up with SIGNUP=closed', () => {
  let closed: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-browser-'));
    closed = await startServer({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', SIGNUP: 'closed' });
  });

  afterAll(async () => {
    await closed?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('explains instead of showing a form that would fail; an invitation’s sign-up works', async () => {
    const url = closed.url;
    const context = await harness.newContext();
    const page = await openPage(context, url, '/aanmelden', 'Gast');
    await page.getByTestId('signup-closed').waitFor();
    expect(await page.getByTestId('signup-form').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The operator's account invites; the invitation's sign-up page shows the form.
    const owner = newUserDetails('Beheerder');
    await createAccount(closed.deps, owner);
    const ownerContext = await harness.newContext();
    await api(ownerContext, url, 'POST', '/api/auth/login', { email: owner.email, password: owner.password });
    const { id: teamId } = await api<{ id: string }>(ownerContext, url, 'POST', '/api/teams', {
      name: 'Gesloten team',
      kind: 'atelier',
    });
    const { token } = await api<{ token: string }>(
      ownerContext,
      url,
      'POST',
      `/api/teams/${teamId}/invites`,
      {
        role: 'editor',
      },
    );
    await page.goto(`${url}/uitnodiging/${token}`);
    await page.getByTestId('invite-sign-in').getByRole('link', { name: 'Account aanmaken' }).click();
    const guest = newUserDetails('Gast Genodigd');
    await page.getByLabel('Naam', { exact: true }).fill(guest.name);
    await page.getByLabel('E-mailadres').fill(guest.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(guest.password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    // Back on the invitation, signed in: accepting is the next step.
    await page.getByTestId('accept-invite').waitFor();
  });
});
