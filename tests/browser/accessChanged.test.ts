import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../shared/domain/roles';
import {
  addMemberViaApi,
  api,
  createDocumentViaApi,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  openPage,
  type TestUser,
  useHarness,
} from './helpers';

/** Well under the 5 s the client used to poll at: the change must come from the server's push. */
const PROMPTLY_MS = 2_500;

const harness = useHarness();
let owner: { context: BrowserContext; user: TestUser };
let member: { context: BrowserContext; user: TestUser };
let teamId: string;

beforeAll(async () => {
  owner = await newSignedInContext(harness, 'Olga');
  member = await newSignedInContext(harness, 'Bram');
  teamId = await createTeamViaApi(owner.context, harness.server.url, 'Team Rolwissel');
  await addMemberViaApi(owner.context, harness.server.url, teamId, member.user.email, 'commenter');
});

function setMemberRole(role: Role): Promise<unknown> {
  return api(owner.context, harness.server.url, 'PATCH', `/api/teams/${teamId}/members/${member.user.id}`, {
    role,
  });
}

/** Opens a new document as Bram; counts his page's role look-ups (GET /api/documents/:id). */
async function openAsMember(title: string): Promise<{ page: Page; lookups: () => number }> {
  const url = harness.server.url;
  const id = await createDocumentViaApi(owner.context, url, teamId, title);
  const page = await openPage(member.context, url, `/d/${id}`, 'Bram');
  let lookups = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/documents/${id}`) lookups++;
  });
  return { page, lookups: () => lookups };
}

function bannerRole(page: Page): Promise<string | null> {
  return page.getByTestId('readonly-banner').getAttribute('data-role');
}

function editable(page: Page): Promise<string | null> {
  return page.locator('[data-testid="section-editor"]').first().getAttribute('data-editable');
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
    expect(await editable(page)).toBe('false');

    await setMemberRole('editor');
    await expect.poll(() => editable(page), { timeout: PROMPTLY_MS }).toBe('true');
    await expect.poll(() => page.getByTestId('readonly-banner').count(), { timeout: PROMPTLY_MS }).toBe(0);

    await setMemberRole('viewer');
    await expect.poll(() => editable(page), { timeout: PROMPTLY_MS }).toBe('false');
    expect(await bannerRole(page)).toBe('viewer');
  });
});
