import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createDocumentViaApi,
  expectStatus,
  openPage,
  sectionEditable,
  useHarness,
  useOwnerAndMember,
} from './helpers';

/** Well under the 5 s the client used to poll at: the change must come from the server's push. */
const PROMPTLY_MS = 2_500;

const harness = useHarness();
const { team, setMemberRole } = useOwnerAndMember(harness, 'Team Rolwissel', 'commenter');

/** Opens a new document as Bram; counts his page's role look-ups (GET /api/documents/:id). */
async function openAsMember(title: string): Promise<{ page: Page; lookups: () => number }> {
  const url = harness.server.url;
  const id = await createDocumentViaApi(team.owner.context, url, team.teamId, title);
  const page = await openPage(team.member.context, url, `/d/${id}`, 'Bram');
  let lookups = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/documents/${id}`) lookups++;
  });
  return { page, lookups: () => lookups };
}

function bannerRole(page: Page): Promise<string | null> {
  return page.getByTestId('readonly-banner').getAttribute('data-role');
}

describe('a role change reaches an open document without polling', () => {
  test('nothing asks for the role while nothing changes; a change that keeps it read-only shows at once', async () => {
    await setMemberRole('commenter');
    const { page, lookups } = await openAsMember('Stil');
    await expectStatus(page, 'read-only');
    expect(await bannerRole(page)).toBe('commenter');

    const before = lookups();
    await page.waitForTimeout(6_000);
    expect(lookups(), 'role look-ups while nothing changed').toBe(before);

    // Commenter → viewer leaves the socket read-only (no reconnect): only the push tells.
    await setMemberRole('viewer');
    await expect.poll(() => bannerRole(page), { timeout: PROMPTLY_MS }).toBe('viewer');
    await setMemberRole('commenter');
    await expect.poll(() => bannerRole(page), { timeout: PROMPTLY_MS }).toBe('commenter');
  });

  test('made editor, the editor unlocks; made viewer, it locks — without typing anything', async () => {
    await setMemberRole('viewer');
    const { page } = await openAsMember('Sleutel');
    await expectStatus(page, 'read-only');
    expect(await sectionEditable(page)).toBe('false');

    await setMemberRole('editor');
    await expect.poll(() => sectionEditable(page), { timeout: PROMPTLY_MS }).toBe('true');
    await expect.poll(() => page.getByTestId('readonly-banner').count(), { timeout: PROMPTLY_MS }).toBe(0);

    await setMemberRole('viewer');
    await expect.poll(() => sectionEditable(page), { timeout: PROMPTLY_MS }).toBe('false');
    expect(await bannerRole(page)).toBe('viewer');
  });
});
