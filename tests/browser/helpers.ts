import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Role, TeamKind } from '../../shared/domain/roles';
import { startServer, type RunningServer } from '../../server/index';
import { launchBrowser } from '../support/browser';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A real server (temp DATA_DIR, port 0) and a Chromium for one test file. */
export interface BrowserHarness {
  server: RunningServer;
  browser: Browser;
  /** A fresh browser profile (own cookies, IndexedDB, localStorage); closed by `close()`. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Starts the server in-process (with `settings` beside the defaults) and launches Chromium. */
export async function startHarness(settings: Record<string, string> = {}): Promise<BrowserHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-browser-'));
  const server = await startServer({
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    // Every test user signs up from 127.0.0.1; the default (20 an hour) is for the real world.
    SIGNUPS_PER_ADDRESS_PER_HOUR: '1000',
    ...settings,
  });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newContext() {
      const context = await browser.newContext();
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One harness for the calling test file: started in a `beforeAll`, closed in an `afterAll`. The
 * returned harness forwards to it, so it may be used anywhere the tests or later hooks run.
 */
export function useHarness(settings: Record<string, string> = {}): BrowserHarness {
  let started: BrowserHarness | undefined;
  beforeAll(async () => {
    started = await startHarness(settings);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): BrowserHarness => {
    if (!started) throw new Error('the browser harness starts in beforeAll; use it from a test or hook');
    return started;
  };
  return {
    get server() {
      return current().server;
    },
    get browser() {
      return current().browser;
    },
    newContext: () => current().newContext(),
    close: () => current().close(),
  };
}

/** A signed-up test user. */
export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

let userCounter = 0;

/** A new, unique user's details (not yet signed up). */
export function newUserDetails(name: string): Omit<TestUser, 'id'> {
  userCounter += 1;
  const slug = name.toLowerCase().replace(/[^a-z]/g, '');
  return {
    name,
    email: `${slug}.${userCounter}.${Date.now().toString(36)}@voorbeeld.nl`,
    password: 'een lange zin als wachtwoord',
  };
}

/**
 * Calls the JSON API with the context's cookies (what the page would send). Unsafe methods carry
 * the Origin header the server requires; Playwright's request client does not add one itself.
 */
export async function api<T = unknown>(
  context: BrowserContext,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  urlPath: string,
  body?: unknown,
): Promise<T> {
  const response = await context.request.fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok()) throw new Error(`${method} ${urlPath}: ${response.status()} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The seeded example ontwikkelpad ("Specialist Curriculumontwikkeling") from the library. */
export async function exampleTemplate(
  context: BrowserContext,
  baseUrl: string,
): Promise<{ id: string; title: string }> {
  const versions = await api<Array<{ id: string; title: string }>>(context, baseUrl, 'GET', '/api/templates');
  const example = versions.find((version) => version.title.startsWith('Specialist Curriculumontwikkeling'));
  if (!example) throw new Error('the library lacks the example ontwikkelpad');
  return example;
}

/** Signs up through the API; the session cookie lands in `context`. */
export async function signUpViaApi(
  context: BrowserContext,
  baseUrl: string,
  name: string,
): Promise<TestUser> {
  const details = newUserDetails(name);
  const created = await api<{ id: string }>(context, baseUrl, 'POST', '/api/auth/signup', details);
  return { ...details, id: created.id };
}

/** A new browser profile with a signed-up user in it. */
export async function newSignedInContext(
  harness: BrowserHarness,
  name: string,
): Promise<{ context: BrowserContext; user: TestUser }> {
  const context = await harness.newContext();
  const user = await signUpViaApi(context, harness.server.url, name);
  return { context, user };
}

/** Opens a page in `context`, logging page errors with the user's name. */
export async function openPage(context: BrowserContext, baseUrl: string, urlPath: string, label: string) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${label}] page error:`, error));
  await page.goto(`${baseUrl}${urlPath}`);
  return page;
}

/** Creates a team through the API (the caller becomes owner). */
export async function createTeamViaApi(
  context: BrowserContext,
  baseUrl: string,
  name: string,
  kind: TeamKind = 'cocreatieteam',
): Promise<string> {
  const { id } = await api<{ id: string }>(context, baseUrl, 'POST', '/api/teams', { name, kind });
  return id;
}

/** Adds an existing user to a team (the caller must be owner). */
export async function addMemberViaApi(
  context: BrowserContext,
  baseUrl: string,
  teamId: string,
  email: string,
  role: Role,
): Promise<void> {
  await api(context, baseUrl, 'POST', `/api/teams/${teamId}/members`, { email, role });
}

/** Creates a document in a team through the API. */
export async function createDocumentViaApi(
  context: BrowserContext,
  baseUrl: string,
  teamId: string,
  title: string,
): Promise<string> {
  const { id } = await api<{ id: string }>(context, baseUrl, 'POST', '/api/documents', { teamId, title });
  return id;
}

/** Creates a leerarrangement design in a team against the example ontwikkelpad; answers its id. */
export async function createDesignViaApi(
  context: BrowserContext,
  baseUrl: string,
  teamId: string,
  title: string,
): Promise<string> {
  const template = await exampleTemplate(context, baseUrl);
  const { id } = await api<{ id: string }>(context, baseUrl, 'POST', '/api/designs', {
    teamId,
    title,
    templateId: template.id,
  });
  return id;
}

/** The ProseMirror element of the `index`-th section editor. */
export function nthEditor(page: Page, index: number): Locator {
  return page.locator('[data-testid="section-editor"]').nth(index).locator('.ProseMirror');
}

/** Waits until the save status shows `state` (data-state of [data-testid=save-status]). */
export async function expectStatus(page: Page, state: string, timeout = 10_000): Promise<void> {
  await expect
    .poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout })
    .toBe(state);
}

/** WCAG 2.0/2.1 A and AA violations on the page (axe-core), as compact records. */
export async function axeViolations(page: Page) {
  // Evaluated through DevTools: the app's CSP (rightly) refuses an inline <script> tag.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> };
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target),
    }));
  });
}

/** Violations of the named axe rules only, e.g. best-practice rules the WCAG tags leave out (landmark-unique). */
export async function axeRuleViolations(page: Page, rules: string[]) {
  await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: { type: 'rule', values } })) as {
      violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>;
    };
    return result.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target),
    }));
  }, rules);
}

/**
 * Presses Tab until the focused element matches `selector` (at most `maxTabs` times); fails with
 * the path of visited elements otherwise. Proves the element is reachable by keyboard alone.
 */
export async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((sel) => {
      const active = document.activeElement;
      return active?.matches(sel) ? null : (active?.outerHTML.slice(0, 80) ?? 'none');
    }, selector);
    if (hit === null) return;
    visited.push(hit);
  }
  throw new Error(`Tab never reached ${selector}; visited:\n${visited.join('\n')}`);
}

/**
 * Olga (owner) and Bram (a member with `role`) in one team, made in a beforeAll of the calling
 * file (after its harness starts); `setMemberRole` changes Bram's role through the API.
 */
export function useOwnerAndMember(harness: BrowserHarness, teamName: string, role: Role) {
  const team = {} as {
    owner: { context: BrowserContext; user: TestUser };
    member: { context: BrowserContext; user: TestUser };
    teamId: string;
  };
  beforeAll(async () => {
    const url = harness.server.url;
    team.owner = await newSignedInContext(harness, 'Olga');
    team.member = await newSignedInContext(harness, 'Bram');
    team.teamId = await createTeamViaApi(team.owner.context, url, teamName);
    await addMemberViaApi(team.owner.context, url, team.teamId, team.member.user.email, role);
  });
  const setMemberRole = (next: Role): Promise<unknown> =>
    api(
      team.owner.context,
      harness.server.url,
      'PATCH',
      `/api/teams/${team.teamId}/members/${team.member.user.id}`,
      {
        role: next,
      },
    );
  return { team, setMemberRole };
}

/** data-editable of the first section editor: whether the page lets its user type. */
export function sectionEditable(page: Page): Promise<string | null> {
  return page.locator('[data-testid="section-editor"]').first().getAttribute('data-editable');
}
