import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  newUserDetails,
  nthEditor,
  openPage,
  tabTo,
  sectionEditable,
  useHarness,
} from './helpers';

const harness = useHarness();

/** Fills the sign-up form and submits it. */
async function signUpThroughForm(page: Page, details: { name: string; email: string; password: string }) {
  await page.getByLabel('Naam', { exact: true }).fill(details.name);
  await page.getByLabel('E-mailadres').fill(details.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(details.password);
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
}

function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

describe('accounts, teams and access in Chromium', () => {
  // The longest walk in the suite (two browsers, signup to a live role change): ~20 s on a quiet machine.
  test('sign up, create a team, invite by link; the invitee joins, both edit; a role change to viewer locks the editor live', async () => {
    const url = harness.server.url;

    // Olga signs up through the form. The sign-up page, empty and with errors, is accessible.
    const olgaContext = await harness.newContext();
    const olga = await openPage(olgaContext, url, '/aanmelden', 'Olga');
    await expect.poll(() => olga.getByRole('heading', { name: 'Account aanmaken' }).count()).toBe(1);
    expect(await axeViolations(olga)).toEqual([]);
    await olga.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => olga.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await olga.getByLabel('Wachtwoord', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(olga)).toEqual([]);

    const olgaDetails = newUserDetails('Olga');
    await signUpThroughForm(olga, olgaDetails);
    await expect.poll(() => pathOf(olga), { timeout: 10_000 }).toBe('/');
    await expect.poll(() => olga.getByTestId('signed-in-name').innerText()).toContain('Olga');

    // A new co-creatieteam in a lab and a consortium; the form opens its team page.
    await olga.getByLabel('Naam van het team').fill('Team Rekenen');
    await olga.getByRole('radio', { name: 'co-creatieteam' }).check();
    await olga.getByLabel('Co-creatielab').fill('Lab Noord');
    await olga.getByLabel('Educatief Consortium').fill('Consortium Oost');
    await olga.getByRole('button', { name: 'Team aanmaken' }).click();
    await expect.poll(() => pathOf(olga), { timeout: 10_000 }).toMatch(/^\/teams\/[0-9a-f-]+$/);
    const teamPath = pathOf(olga);
    await expect.poll(() => olga.getByTestId('team-name').innerText()).toBe('Team Rekenen');
    expect(await olga.getByTestId('my-role').innerText()).toBe('eigenaar');

    // An invite link for an editor ("bewerker", the default role).
    expect(await olga.getByTestId('invite-role-select').inputValue()).toBe('editor');
    await olga.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
    await expect.poll(() => olga.getByTestId('invite-link').count()).toBe(1);
    const inviteUrl = await olga.getByTestId('invite-link').inputValue();
    expect(inviteUrl).toMatch(/\/uitnodiging\/[^/]+$/);

    // Bram, with no account, opens the link in his own browser: he sees team and role.
    const bramContext = await harness.newContext();
    const bram = await openPage(bramContext, url, new URL(inviteUrl).pathname, 'Bram');
    await expect.poll(() => bram.getByTestId('invite-role').count(), { timeout: 10_000 }).toBe(1);
    expect(await bram.getByRole('heading', { level: 1 }).innerText()).toContain('Team Rekenen');
    expect(await bram.getByTestId('invite-role').innerText()).toBe('bewerker');
    await expect.poll(() => bram.getByTestId('invite-sign-in').count()).toBe(1);
    expect(await axeViolations(bram)).toEqual([]);

    // He signs up through the invite's link and comes back to the invite to accept it.
    await bram.getByRole('link', { name: 'Account aanmaken' }).click();
    await expect.poll(() => pathOf(bram)).toMatch(/^\/aanmelden\?next=/);
    const bramDetails = newUserDetails('Bram');
    await signUpThroughForm(bram, bramDetails);
    await expect.poll(() => pathOf(bram), { timeout: 10_000 }).toBe(new URL(inviteUrl).pathname);
    await bram.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await expect.poll(() => pathOf(bram), { timeout: 10_000 }).toBe(teamPath);
    await expect.poll(() => bram.getByTestId('my-role').innerText()).toBe('bewerker');

    // Olga creates a document from the team page and both write in it.
    await olga.reload();
    await olga.getByTestId('new-document-form').getByLabel('Titel').fill('Leerarrangement breuken');
    await olga.getByRole('button', { name: 'Nieuw document aanmaken' }).click();
    await expect.poll(() => pathOf(olga), { timeout: 10_000 }).toMatch(/^\/d\/[0-9a-f-]+$/);
    const documentPath = pathOf(olga);
    await bram.goto(`${url}${documentPath}`);

    await nthEditor(olga, 0).click();
    await olga.keyboard.type('Olga begint.', { delay: 10 });
    await nthEditor(bram, 1).click();
    await bram.keyboard.type('Bram vult aan.', { delay: 10 });
    await expect.poll(() => nthEditor(bram, 0).innerText(), { timeout: 10_000 }).toBe('Olga begint.');
    await expect.poll(() => nthEditor(olga, 1).innerText(), { timeout: 10_000 }).toBe('Bram vult aan.');
    await expectStatus(bram, 'saved');
    expect(await bram.getByTestId('readonly-banner').count()).toBe(0);

    // On the team page (second tab) Olga makes Bram a viewer ("lezer").
    const olgaTeam = await openPage(olgaContext, url, teamPath, 'Olga (team)');
    const bramRow = olgaTeam.locator('[data-testid="member-row"]', { hasText: bramDetails.email });
    await bramRow.getByTestId('member-role-select').selectOption('viewer');
    await bramRow.getByTestId('member-role-save').click();
    await expect
      .poll(() => olgaTeam.getByTestId('members-status').innerText(), { timeout: 10_000 })
      .toContain('lezer');
    await expect.poll(() => bramRow.getAttribute('data-role'), { timeout: 10_000 }).toBe('viewer');

    // Bram's open editor follows: read-only, with a banner, without reloading.
    await expect.poll(() => sectionEditable(bram), { timeout: 15_000 }).toBe('false');
    expect(await bram.getByTestId('readonly-banner').innerText()).toContain('lezer');
    expect(await nthEditor(bram, 0).getAttribute('aria-readonly')).toBe('true');
    // Still caret-navigable (to select and comment), but typing changes nothing.
    const before = await nthEditor(bram, 0).innerText();
    await nthEditor(bram, 0).click();
    await bram.keyboard.press('End');
    await bram.keyboard.type('niet toegestaan');
    await bram.keyboard.press('Backspace');
    await bram.keyboard.press('Enter');
    expect(await nthEditor(bram, 0).innerText()).toBe(before);
    expect(await bram.locator('#document-title').getAttribute('readonly')).not.toBeNull();
    expect(await bram.getByRole('toolbar').count()).toBe(0);
    await expectStatus(bram, 'read-only');

    // Typing there changes nothing, for him or for Olga…
    await nthEditor(bram, 0).click();
    await bram.keyboard.type('Mag niet.');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await nthEditor(bram, 0).innerText()).toBe('Olga begint.');
    expect(await nthEditor(olga, 0).innerText()).toBe('Olga begint.');

    // …while Olga's new text still reaches him live.
    await nthEditor(olga, 0).click();
    await olga.keyboard.press('End');
    await olga.keyboard.type(' Nog meer.', { delay: 10 });
    await expect
      .poll(() => nthEditor(bram, 0).innerText(), { timeout: 10_000 })
      .toBe('Olga begint. Nog meer.');
    expect(await axeViolations(bram)).toEqual([]);

    // The team page with two members, a used invite and an audit trail; then Mijn teams.
    await olgaTeam.reload();
    await expect.poll(() => olgaTeam.locator('[data-testid="audit-list"] li').count()).toBeGreaterThan(4);
    await expect.poll(() => olgaTeam.locator('[data-testid="invite-row"]').count()).toBe(1);
    expect(await olgaTeam.locator('[data-testid="invite-row"]').getAttribute('data-status')).toBe('used');
    const audit = await olgaTeam.getByTestId('audit-list').innerText();
    expect(audit).toContain('Olga heeft het team aangemaakt');
    expect(audit).toContain('Bram heeft een uitnodiging aangenomen en is lid als bewerker');
    expect(audit).toContain('Olga heeft de rol van Bram gewijzigd van bewerker in lezer');
    expect(await axeViolations(olgaTeam)).toEqual([]);

    await olgaTeam.goto(`${url}/`);
    await expect.poll(() => olgaTeam.getByTestId('team-card').count(), { timeout: 10_000 }).toBe(1);
    const card = await olgaTeam.getByTestId('team-card').innerText();
    expect(card).toContain('co-creatieteam');
    expect(card).toContain('Lab Noord');
    expect(card).toContain('Consortium Oost');
    expect(card).toContain('eigenaar');
    await expect
      .poll(() => olgaTeam.getByTestId('recent-documents').innerText())
      .toContain('Leerarrangement breuken');
    expect(await axeViolations(olgaTeam)).toEqual([]);
  }, 60_000);

  test('a page that needs an account goes to login and back; login errors and the account page', async () => {
    const url = harness.server.url;
    const { context: setup, user } = await newSignedInContext(harness, 'Carla');
    // Carla owns a team with another member, so deleting her account is refused (409).
    const teamId = await createTeamViaApi(setup, url, 'Atelier Taal', 'atelier');
    const { user: other } = await newSignedInContext(harness, 'Daan');
    await addMemberViaApi(setup, url, teamId, other.email, 'editor');

    const context = await harness.newContext();
    const page = await openPage(context, url, '/account', 'Carla');
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toBe('/inloggen?next=%2Faccount');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill('helemaal verkeerd wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 })
      .toBe('E-mailadres of wachtwoord klopt niet.');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Wachtwoord').fill(user.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toBe('/account');
    await expect.poll(() => page.getByRole('heading', { name: 'Mijn account' }).count()).toBe(1);
    expect(await page.getByTestId('export-link').getAttribute('href')).toBe('/api/me/export');
    expect(await axeViolations(page)).toEqual([]);

    // A new name shows in the header at once.
    await page.getByRole('textbox', { name: 'Naam' }).fill('Carla de Vries');
    await page.getByRole('button', { name: 'Naam opslaan' }).click();
    await expect.poll(() => page.getByTestId('signed-in-name').innerText()).toContain('Carla de Vries');

    // A new password: the other session (the setup profile) ends, and the page says so.
    await page.getByLabel('Huidig wachtwoord').fill(user.password);
    await page.getByLabel('Nieuw wachtwoord').fill('een ander lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect
      .poll(() => page.getByTestId('password-status').innerText(), { timeout: 10_000 })
      .toContain('andere sessies zijn beëindigd');
    const stale = await setup.request.get(`${url}/api/me`);
    expect(stale.status()).toBe(401);

    // Deleting is refused while she is the only owner of a team with others: the server says why.
    await page.getByRole('button', { name: 'Account verwijderen…' }).click();
    await page.getByLabel('Wachtwoord', { exact: true }).fill('een ander lang wachtwoord');
    await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 })
      .toContain('Je bent de enige eigenaar van "Atelier Taal"');
    expect(await axeViolations(page)).toEqual([]);

    // Logging out goes to the login page; the session is gone.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toBe('/inloggen');
    expect((await context.request.get(`${url}/api/me`)).status()).toBe(401);
  });

  test('on the team page the member role select and the invite button are reachable and usable by keyboard', async () => {
    const url = harness.server.url;
    const { context, user: owner } = await newSignedInContext(harness, 'Dirk');
    const teamId = await createTeamViaApi(context, url, 'Team Toetsen');
    const { user: eva } = await newSignedInContext(harness, 'Eva');
    await addMemberViaApi(context, url, teamId, eva.email, 'editor');

    const page = await openPage(context, url, `/teams/${teamId}`, owner.name);
    const evaRow = `[data-testid="member-row"][data-user-id="${eva.id}"]`;
    await expect.poll(() => page.locator(evaRow).count(), { timeout: 10_000 }).toBe(1);

    // The role select of Eva, by Tab only; an arrow key picks the next role; Enter on "Rol opslaan".
    await tabTo(page, `${evaRow} select`);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(`${evaRow} select`).inputValue()).toBe('commenter');
    await tabTo(page, `${evaRow} [data-testid="member-role-save"]`, 1);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('members-status').innerText(), { timeout: 10_000 })
      .toContain('commentator');
    const members = await api<Array<{ userId: string; role: string }>>(
      context,
      url,
      'GET',
      `/api/teams/${teamId}/members`,
    );
    expect(members.find((member) => member.userId === eva.id)?.role).toBe('commenter');

    // On to the invite form: role by arrow key, then Tab to the button and Enter.
    await tabTo(page, '[data-testid="invite-role-select"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('invite-role-select').inputValue()).toBe('commenter');
    await tabTo(page, '[data-testid="invite-create"]', 3);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('invite-link').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('invite-link').inputValue()).toMatch(/\/uitnodiging\//);
    await expect.poll(() => page.locator('[data-testid="invite-row"]').count()).toBe(1);
  });
});
