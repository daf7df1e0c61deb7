import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { makeDesignGreen } from '../support/designFixtures';
import { editDraft } from '../support/yclient';
import { createCommittee, type BrowserCommittee } from './committee';
import {
  api,
  axeViolations,
  createTeamViaApi,
  exampleTemplate,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

/**
 * The externe toetsing in Chromium: the design team submits (after a confirmation), the
 * toetsingscommissie finds it in its queue, judges the frozen version per criterion and approves —
 * published; and a rejection the team reads on its lifecycle panel, ticks off, reworks and resubmits.
 */

const harness = useHarness();

async function cookieOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** A green design of `teamId` with a closed feedback round, moved to interne toetsing through the API. */
async function designInInterneToetsing(
  context: BrowserContext,
  teamId: string,
  title: string,
): Promise<string> {
  const url = harness.server.url;
  const example = await exampleTemplate(context, url);
  const { id } = await api<{ id: string }>(context, url, 'POST', '/api/designs', {
    teamId,
    title,
    templateId: example.id,
  });
  await editDraft(`${url.replace(/^http/, 'ws')}/collab`, id, { cookie: await cookieOf(context) }, (doc) =>
    makeDesignGreen(doc, ['sc-wat-1']),
  );
  await api(context, url, 'POST', `/api/designs/${id}/status`, { to: 'prototype' });
  const version = await api<{ id: string }>(context, url, 'POST', `/api/documents/${id}/versions`, {
    label: 'Voor feedback',
  });
  const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const round = await api<{ id: string; criteria: Array<{ id: string }> }>(
    context,
    url,
    'POST',
    `/api/documents/${id}/rounds`,
    { versionId: version.id, title: 'Feedback leraren', deadline },
  );
  // R13: a leraar from outside the team answers through a link, the round closes, all is triaged.
  const link = await api<{ token: string }>(context, url, 'POST', `/api/rounds/${round.id}/links`, {});
  const leraar = await newSignedInContext(harness, 'Lea Leraar');
  await api(leraar.context, url, 'POST', `/api/round-links/${link.token}/accept`);
  await api(leraar.context, url, 'PUT', `/api/rounds/${round.id}/responses`, {
    answers: [{ criterionId: round.criteria[0]!.id, score: 3, text: 'Goed bruikbaar in de klas.' }],
    submit: true,
    perspective: 'leraar',
  });
  await api(context, url, 'POST', `/api/rounds/${round.id}/close`);
  const summary = await api<{ items: Array<{ kind: string; id: string }> }>(
    context,
    url,
    'GET',
    `/api/rounds/${round.id}/summary`,
  );
  for (const item of summary.items) {
    await api(context, url, 'PUT', `/api/rounds/${round.id}/triage`, {
      itemKind: item.kind,
      itemId: item.id,
      decision: 'verwerkt',
      reason: 'Overgenomen in de volgende versie.',
    });
  }
  await api(context, url, 'POST', `/api/designs/${id}/status`, { to: 'interne-toetsing' });
  return id;
}

const statusOf = (page: Page) => page.getByTestId('status-badge').first().getAttribute('data-status');

/** Submits from the design's lifecycle panel: the move, then the confirmation naming the consequence. */
async function submitInUi(page: Page): Promise<void> {
  const submit = page.locator('[data-testid="lifecycle-move"][data-to="aangemeld-externe-toetsing"]');
  await expect.poll(() => submit.getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
  await submit.getByTestId('lifecycle-move-button').click();
  await expect.poll(() => submit.innerText()).toContain('Toetsingscommissie: Toetsingscommissie NAPL');
  await submit.getByTestId('lifecycle-confirm').click();
  await expect.poll(() => submit.locator('.confirm').innerText()).toContain('Het ontwerp ligt dan vast');
  await submit.getByTestId('lifecycle-confirm-confirm').click();
  await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('aangemeld-externe-toetsing');
}

/** The committee opens the newest open submission from its team page's queue. */
async function openFromQueue(committee: BrowserCommittee): Promise<Page> {
  const page = await openPage(committee.context, harness.server.url, `/teams/${committee.teamId}`, 'Rik');
  const item = page.locator('[data-testid="review-queue-item"][data-state="open"]').first();
  await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
  expect(await page.getByTestId('frame-example').innerText()).toContain('Voorbeeldkader');
  expect(await axeViolations(page)).toEqual([]);
  await item.getByRole('link').click();
  await expect.poll(() => page.getByTestId('judgement-form').isVisible(), { timeout: 10_000 }).toBe(true);
  return page;
}

/** Judges every criterion: `failing` gets "Voldoet niet" with a note, the rest "Voldoet". */
async function judge(page: Page, failing?: { id: string; note: string }): Promise<void> {
  const criteria = page.getByTestId('criterion');
  for (let index = 0; index < (await criteria.count()); index++) {
    const criterion = criteria.nth(index);
    const fails = (await criterion.getAttribute('data-criterion')) === failing?.id;
    await criterion.getByLabel(fails ? 'Voldoet niet' : 'Voldoet', { exact: true }).check();
    if (fails) await criterion.getByRole('textbox').fill(failing!.note);
  }
  await page.getByTestId('save-judgements').click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'opgeslagen' }).count()).toBe(1);
}

describe('externe toetsing in Chromium', () => {
  test('submit → the committee judges the frozen version → approved and published', async () => {
    const url = harness.server.url;
    const committee = await createCommittee(harness);
    const { context } = await newSignedInContext(harness, 'Fien');
    const teamId = await createTeamViaApi(context, url, 'Lab Oost', 'cocreatieteam');
    const designId = await designInInterneToetsing(context, teamId, 'Samen ontwerpen');

    const designPage = await openPage(context, url, `/ontwerpen/${designId}`, 'Fien');
    await submitInUi(designPage);
    // The decision is the committee's: the team sees who makes it, no button.
    const approve = designPage.locator('[data-testid="lifecycle-move"][data-to="goedgekeurd"]');
    expect(await approve.innerText()).toContain('Beslissing van de toetsingscommissie');
    expect(await approve.getByRole('button').count()).toBe(0);

    const review = await openFromQueue(committee);
    expect(await review.getByTestId('version-view').innerText()).toContain('Samen ontwerpen');
    expect(await axeViolations(review)).toEqual([]);
    await judge(review);
    await review.getByTestId('review-approve').click();
    expect(await review.locator('.confirm').innerText()).toContain('openbare catalogus');
    await review.getByTestId('review-approve-confirm').click();
    await expect
      .poll(() => review.getByTestId('review-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('goedgekeurd');
    expect(await axeViolations(review)).toEqual([]);

    const catalog = await api<{ items: Array<{ id: string }> }>(context, url, 'GET', '/api/catalog');
    expect(catalog.items.map((item) => item.id)).toContain(designId);
    await designPage.reload();
    await expect.poll(() => statusOf(designPage), { timeout: 10_000 }).toBe('goedgekeurd');
  });

  test('a rejection: the team reads the report, ticks it off, reworks and resubmits', async () => {
    const url = harness.server.url;
    const committee = await createCommittee(harness, 'Rosa');
    const { context } = await newSignedInContext(harness, 'Gijs');
    const teamId = await createTeamViaApi(context, url, 'Lab West', 'cocreatieteam');
    const designId = await designInInterneToetsing(context, teamId, 'Feedback in de klas');
    const committees = await api<{ committees: Array<{ id: string }> }>(
      context,
      url,
      'GET',
      '/api/reviews/committees',
    );
    await api(context, url, 'POST', `/api/designs/${designId}/status`, {
      to: 'aangemeld-externe-toetsing',
      outcome: 'voldoet',
      reviewTeamId: committees.committees.at(-1)!.id,
    });

    const review = await openFromQueue(committee);
    await judge(review, { id: 'bewijs', note: 'Het bewijs bij de leeruitkomst is te dun.' });
    await review.getByTestId('review-report-input').fill('Werk het bewijs uit en meld opnieuw aan.');
    await review.getByTestId('review-reject').click();
    await review.getByTestId('review-reject-confirm').click();
    await expect
      .poll(() => review.getByTestId('review-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('afgekeurd');

    const page = await openPage(context, url, `/ontwerpen/${designId}`, 'Gijs');
    const report = page.getByTestId('design-review-report');
    await expect.poll(() => report.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await report.innerText()).toContain('Werk het bewijs uit en meld opnieuw aan.');
    const failed = report.locator('[data-testid="report-criterion"][data-verdict="voldoet-niet"]');
    expect(await failed.innerText()).toContain('Het bewijs bij de leeruitkomst is te dun.');
    expect(await axeViolations(page)).toEqual([]);
    await failed.getByRole('checkbox').check();
    await expect
      .poll(async () => {
        const reports = await api<Array<{ criteria: Array<{ id: string; addressedAt: string | null }> }>>(
          context,
          url,
          'GET',
          `/api/reviews/design/${designId}`,
        );
        return reports[0]!.criteria.find((criterion) => criterion.id === 'bewijs')?.addressedAt !== null;
      })
      .toBe(true);

    // Rework: back to prototype, through interne toetsing again, and a new submission.
    await page.locator('[data-testid="lifecycle-move"][data-to="prototype"] button').click();
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('prototype');
    const internal = page.locator('[data-testid="lifecycle-move"][data-to="interne-toetsing"]');
    await expect.poll(() => internal.getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    await internal.getByRole('button').click();
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('interne-toetsing');
    await page.getByRole('button', { name: 'Aanmelden voor externe toetsing' }).waitFor();
    const submit = page.locator('[data-testid="lifecycle-move"][data-to="aangemeld-externe-toetsing"]');
    await submit.getByTestId('lifecycle-move-button').click();
    // Two committees now: the team chooses.
    await submit.getByTestId('review-team-select').selectOption(committee.teamId);
    await submit.getByTestId('lifecycle-confirm').click();
    await submit.getByTestId('lifecycle-confirm-confirm').click();
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('aangemeld-externe-toetsing');
    const reports = await api<Array<{ state: string }>>(
      context,
      url,
      'GET',
      `/api/reviews/design/${designId}`,
    );
    expect(reports.map((entry) => entry.state)).toEqual(['open', 'afgekeurd']);
  });

  test('only an administrator is offered the kind toetsingscommissie; its owner edits the quality frame', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Hanna');
    const home = await openPage(context, url, '/', 'Hanna');
    const form = home.getByTestId('new-team-form');
    await expect.poll(() => form.getByLabel('co-creatieteam').count(), { timeout: 10_000 }).toBe(1);
    expect(await form.getByLabel('toetsingscommissie').count()).toBe(0);

    const committee = await createCommittee(harness, 'Ilse');
    const adminHome = await openPage(committee.context, url, '/', 'Ilse');
    await expect
      .poll(() => adminHome.getByTestId('new-team-form').getByLabel('toetsingscommissie').count(), {
        timeout: 10_000,
      })
      .toBe(1);

    const team = await openPage(committee.context, url, `/teams/${committee.teamId}`, 'Ilse');
    const frame = team.getByTestId('quality-frame');
    await frame.getByRole('button', { name: 'Kwaliteitskader bewerken' }).click();
    await frame
      .getByLabel('Criterium 1', { exact: true })
      .fill('Aansluiting bij het vastgestelde ontwikkelpad');
    expect(await axeViolations(team)).toEqual([]);
    await frame.getByRole('button', { name: 'Kwaliteitskader opslaan' }).click();
    await expect.poll(() => frame.getByTestId('frame-example').count(), { timeout: 10_000 }).toBe(0);
    expect(await frame.innerText()).toContain('Aansluiting bij het vastgestelde ontwikkelpad');
  });
});
