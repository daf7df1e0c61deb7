import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  api,
  createDocumentViaApi,
  expectStatus,
  nthEditor,
  openPage,
  sectionEditable,
  useHarness,
  useOwnerAndMember,
} from './helpers';

const harness = useHarness();
const { team, setMemberRole } = useOwnerAndMember(harness, 'Team Toegang', 'editor');

async function openBoth(title: string): Promise<{ olga: Page; bram: Page; id: string }> {
  const url = harness.server.url;
  const id = await createDocumentViaApi(team.owner.context, url, team.teamId, title);
  const olga = await openPage(team.owner.context, url, `/d/${id}`, 'Olga');
  const bram = await openPage(team.member.context, url, `/d/${id}`, 'Bram');
  await expectStatus(olga, 'saved');
  await expectStatus(bram, 'saved');
  return { olga, bram, id };
}

/** The first section's text (an empty paragraph reads as "\n"). */
async function firstText(page: Page): Promise<string> {
  return (await nthEditor(page, 0).innerText()).trim();
}

describe('access changes while a document is open', () => {
  test('text typed just after a downgrade is dropped and the local copy discarded; an upgrade saves again', async () => {
    await setMemberRole('editor');
    const { olga, bram } = await openBoth('Rolwissel');

    // Demoted while his editor is still editable: what he types now the server drops. The client
    // notices the unacknowledged update, re-checks the role, and reopens from the server's copy.
    await setMemberRole('viewer');
    await nthEditor(bram, 0).click();
    await bram.keyboard.type('Te laat.');
    await expect.poll(() => sectionEditable(bram), { timeout: 10_000 }).toBe('false');
    await expect.poll(() => firstText(bram), { timeout: 10_000 }).toBe('');
    expect(await firstText(olga)).toBe('');
    // The dropped text is not in his offline copy either: a reload does not bring it back.
    await bram.reload();
    await expect.poll(() => bram.getByTestId('readonly-banner').count(), { timeout: 10_000 }).toBe(1);
    await expectStatus(bram, 'read-only');
    expect(await firstText(bram)).toBe('');

    // Made editor again: the editor unlocks, and his new text is saved (durable-acks line up).
    await setMemberRole('editor');
    await expect.poll(() => sectionEditable(bram), { timeout: 10_000 }).toBe('true');
    await nthEditor(bram, 0).click();
    await bram.keyboard.type('Weer welkom.');
    await expect.poll(() => firstText(olga), { timeout: 10_000 }).toBe('Weer welkom.');
    await expectStatus(bram, 'saved');
  });

  test('removal (4403) and logout (4401) say why the document stopped syncing, not "Offline"', async () => {
    await setMemberRole('editor');
    const { olga, bram } = await openBoth('Einde verbinding');

    await api(
      team.owner.context,
      harness.server.url,
      'DELETE',
      `/api/teams/${team.teamId}/members/${team.member.user.id}`,
    );
    await expectStatus(bram, 'access-withdrawn');
    expect(await bram.getByTestId('connection-ended').getAttribute('data-reason')).toBe('accessWithdrawn');
    expect(await sectionEditable(bram)).toBe('false');

    await api(team.owner.context, harness.server.url, 'POST', '/api/auth/logout');
    await expectStatus(olga, 'session-ended');
    const notice = olga.getByTestId('connection-ended');
    expect(await notice.getAttribute('data-reason')).toBe('sessionEnded');
    const href = await notice.getByRole('link', { name: 'Opnieuw inloggen' }).getAttribute('href');
    expect(href).toMatch(/^\/inloggen\?next=%2Fd%2F/);
  });
});
