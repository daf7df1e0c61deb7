import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  expectStatus,
  newSignedInContext,
  newUserDetails,
  nthEditor,
  openPage,
  tabTo,
  exampleTemplate,
  useHarness,
} from './helpers';

const harness = useHarness();

const pathOf = (page: Page) => new URL(page.url()).pathname;

async function saveVersion(context: BrowserContext, docId: string, label: string): Promise<string> {
  const { id } = await api<{ id: string }>(
    context,
    harness.server.url,
    'POST',
    `/api/documents/${docId}/versions`,
    {
      label,
    },
  );
  return id;
}

/** Selects `text` inside the first element matching `selector` with a DOM range (what a drag does). */
async function selectTextIn(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`text not found: ${text}`);
    },
    { selector, text },
  );
}

describe('feedback rounds in Chromium', () => {
  test('team A opens a round on version 2 for team B; a member of team B comments and scores; team A triages; the member sees the summary; a link invites a new reviewer', async () => {
    const url = harness.server.url;
    const dana = await newSignedInContext(harness, 'Dana');
    const bart = await newSignedInContext(harness, 'Bart');
    const mila = await newSignedInContext(harness, 'Mila');
    const teamA = await createTeamViaApi(dana.context, url, 'Lab Noord', 'cocreatieteam');
    const teamB = await createTeamViaApi(bart.context, url, 'Lab Zuid Reviewers', 'cocreatieteam');
    await addMemberViaApi(bart.context, url, teamB, mila.user.email, 'commenter');

    const example = await exampleTemplate(dana.context, url);
    const design = await api<{ id: string }>(dana.context, url, 'POST', '/api/designs', {
      teamId: teamA,
      title: 'Ontwerp voor feedback',
      templateId: example.id,
    });

    // Version 1 and version 2, then the live draft moves on.
    const editorPage = await openPage(dana.context, url, `/ontwerpen/${design.id}`, 'Dana');
    await nthEditor(editorPage, 0).click();
    await editorPage.keyboard.type('Tekst van versie een.', { delay: 5 });
    await expectStatus(editorPage, 'saved');
    await saveVersion(dana.context, design.id, 'Versie 1');
    await nthEditor(editorPage, 0).click();
    await editorPage.keyboard.press('End');
    await editorPage.keyboard.type(' Tekst van versie twee.', { delay: 5 });
    await expectStatus(editorPage, 'saved');
    const version2 = await saveVersion(dana.context, design.id, 'Versie 2');
    await nthEditor(editorPage, 0).click();
    await editorPage.keyboard.press('End');
    await editorPage.keyboard.type(' Concepttekst na de ronde.', { delay: 5 });
    await expectStatus(editorPage, 'saved');

    // "Feedbackrondes" from the editor; a new round on version 2 with the five default criteria.
    await editorPage.getByTestId('rounds-open').click();
    await expect.poll(() => pathOf(editorPage)).toBe(`/ontwerpen/${design.id}/feedback`);
    const page = editorPage;
    await expect.poll(() => page.getByTestId('rounds-empty').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('round-new').click();
    await expect.poll(() => page.getByTestId('criterion-row').count()).toBe(5);
    await page.getByTestId('round-version').selectOption(version2);
    await page.getByTestId('round-title').fill('Ronde Lab Zuid');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('round-create').click();
    await expect
      .poll(() => pathOf(page), { timeout: 10_000 })
      .toMatch(/^\/ontwerpen\/[^/]+\/feedback\/[^/]+$/);
    const roundId = pathOf(page).split('/').pop() as string;
    await expect.poll(() => page.getByTestId('round-heading').innerText()).toBe('Ronde Lab Zuid');
    // The owner edits the open round.
    await page.getByTestId('round-edit').click();
    await page.getByTestId('round-edit-title').fill('Ronde met Lab Zuid');
    await page.getByTestId('round-edit-save').click();
    await expect.poll(() => page.getByTestId('round-heading').innerText()).toBe('Ronde met Lab Zuid');

    // Invite team B through the search (keyboard reachable).
    await page.getByTestId('team-search').fill('Zuid Reviewers');
    await expect.poll(() => page.getByTestId('team-search-result').count(), { timeout: 10_000 }).toBe(1);
    await tabTo(page, '[data-testid="team-invite"]');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('invited-team').allInnerTexts())
      .toEqual([expect.stringContaining('Lab Zuid Reviewers')]);
    await expect.poll(() => page.getByTestId('invited-team-pending').count()).toBe(1);
    // Bart, team B's owner, accepts the request on his team page (keyboard); only then Mila hears of it.
    const teamPage = await openPage(bart.context, url, `/teams/${teamB}`, 'Bart');
    await expect.poll(() => teamPage.getByTestId('review-request').count(), { timeout: 10_000 }).toBe(1);
    expect(await teamPage.getByTestId('review-request').innerText()).toContain('Ontwerp voor feedback');
    expect(await axeViolations(teamPage)).toEqual([]);
    await tabTo(teamPage, '[data-testid="review-request-accept"]');
    await teamPage.keyboard.press('Enter');
    await expect.poll(() => teamPage.getByTestId('review-request').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('invited-team-pending').count(), { timeout: 10_000 }).toBe(0);
    // An expiring link for an individual: shown once.
    await page.getByTestId('round-link-label').fill('Lerarenopleiding');
    await page.getByTestId('round-link-create').click();
    await expect.poll(() => page.getByTestId('round-link-url').inputValue()).toMatch(/\/feedback\/[^/]+$/);
    const linkUrl = await page.getByTestId('round-link-url').inputValue();
    await expect.poll(() => page.getByTestId('round-link').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Mila (team B) finds the request on the home page and opens the round.
    const review = await openPage(mila.context, url, '/', 'Mila');
    await expect.poll(() => review.getByTestId('feedback-request').count(), { timeout: 10_000 }).toBe(1);
    await review.getByTestId('feedback-request').getByRole('link').click();
    await expect.poll(() => pathOf(review)).toBe(`/ronde/${roundId}`);
    const frozen = review.getByTestId('frozen-document');
    await expect
      .poll(() => frozen.locator('[data-testid="section-editor"]').first().innerText(), { timeout: 10_000 })
      .toBe('Tekst van versie een. Tekst van versie twee.');
    expect(await frozen.innerText()).not.toContain('Concepttekst');
    // Read-only everywhere: no editable text, no toolbar.
    expect(await frozen.locator('[contenteditable="true"]:not([aria-readonly="true"])').count()).toBe(0);
    expect(await frozen.locator('[data-editable="true"]').count()).toBe(0);
    expect(await axeViolations(review)).toEqual([]);

    // A comment on a selection of the frozen text.
    await selectTextIn(review, '[data-testid="frozen-document"] .ProseMirror', 'versie twee');
    await review.getByTestId('comment-on-selection').click();
    await review.getByTestId('comment-input').fill('Werk dit voorbeeld verder uit.');
    await review.getByTestId('comment-submit').click();
    await expect.poll(() => review.getByTestId('comment-thread').count(), { timeout: 10_000 }).toBe(1);
    expect(await review.getByTestId('comment-quote').innerText()).toContain('versie twee');

    // Every criterion scored, then sent.
    const answers = review.getByTestId('criterion-answer');
    await expect.poll(() => answers.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      await answers.nth(i).getByTestId('score-3').check();
      await answers
        .nth(i)
        .getByTestId('criterion-text')
        .fill(`Toelichting bij criterium ${i + 1}.`);
    }
    // Sending without saying whom she speaks for (R13) is stopped in the form: the perspective group
    // takes the focus and says why.
    await review.getByTestId('responses-send').focus();
    await review.keyboard.press('Enter');
    await expect.poll(() => review.getByTestId('perspective-error').isVisible()).toBe(true);
    await expect
      .poll(() => review.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? 'body'))
      .toBe('perspective');
    expect(await axeViolations(review)).toEqual([]);
    // By keyboard: Tab into the radio group, the arrows move the choice, she settles on "Leraar".
    await review.keyboard.press('Tab');
    await review.keyboard.press('Space');
    await review.keyboard.press('ArrowDown');
    expect(await review.getByLabel('School', { exact: true }).isChecked()).toBe(true);
    await review.keyboard.press('ArrowUp');
    expect(await review.getByLabel('Leraar', { exact: true }).isChecked()).toBe(true);
    expect(await review.getByTestId('perspective-error').count()).toBe(0);
    // Sent by keyboard: a visible confirmation in the live region takes the focus the button lost.
    await review.getByTestId('responses-send').focus();
    await review.keyboard.press('Enter');
    await expect.poll(() => review.getByTestId('responses-status').innerText()).toContain('Verstuurd');
    await expect
      .poll(() => review.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? 'body'))
      .toBe('responses-sent');
    expect(await review.getByTestId('responses-sent').isVisible()).toBe(true);
    expect(await axeViolations(review)).toEqual([]);

    // Team A sees the response arrive live.
    // Every member of team B is a reviewer (Bart and Mila); Mila has responded.
    await expect.poll(() => page.getByTestId('participant').count()).toBe(2);
    const participant = page.getByTestId('participant').filter({ hasText: 'Mila' });
    await expect.poll(() => participant.getAttribute('data-submitted'), { timeout: 15_000 }).toBe('true');
    expect(await participant.getByTestId('participant-comments').innerText()).toBe('1');
    expect(await participant.getByTestId('participant-perspective').innerText()).toBe('Leraar');

    // The link flow: an anonymous visitor signs up through the link and lands on the round.
    const visitorContext = await harness.newContext();
    const visitor = await openPage(visitorContext, url, new URL(linkUrl).pathname, 'Visitor');
    await expect
      .poll(() => visitor.getByTestId('round-link-title').innerText(), { timeout: 10_000 })
      .toBe('Ronde met Lab Zuid');
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.getByTestId('round-link-signup').click();
    await expect.poll(() => pathOf(visitor)).toBe('/aanmelden');
    const details = newUserDetails('Vera');
    await visitor.getByLabel('Naam').fill(details.name);
    await visitor.getByLabel('E-mailadres').fill(details.email);
    await visitor.getByLabel('Wachtwoord').fill(details.password);
    await visitor.getByTestId('signup-form').locator('button[type="submit"]').click();
    await expect.poll(() => pathOf(visitor), { timeout: 10_000 }).toBe(new URL(linkUrl).pathname);
    await visitor.getByTestId('round-link-accept').click();
    await expect.poll(() => pathOf(visitor), { timeout: 10_000 }).toBe(`/ronde/${roundId}`);
    await expect
      .poll(() => visitor.getByTestId('frozen-document').innerText(), { timeout: 10_000 })
      .toContain('Tekst van versie twee.');
    expect(await axeViolations(visitor)).toEqual([]);

    // A forwarded link is cleaned up: Dana removes Vera by keyboard (with a confirmation); her access ends.
    await expect.poll(() => page.getByTestId('participant').count(), { timeout: 10_000 }).toBe(3);
    await tabTo(page, '[data-testid="participant-remove"]');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('participant-remove-confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('participant').count(), { timeout: 10_000 }).toBe(2);
    expect((await page.getByTestId('participant').allInnerTexts()).join(' ')).not.toContain('Vera');
    await visitor.reload();
    await expect.poll(() => visitor.getByTestId('frozen-document').count(), { timeout: 10_000 }).toBe(0);

    // Team A closes the round (with a confirmation) and triages every item.
    await page.getByTestId('round-close').click();
    await page.getByTestId('round-close-confirm').click();
    // The link now says the round is closed, and the visitor's access to the version ended.
    await visitor.goto(linkUrl);
    await expect
      .poll(() => visitor.getByTestId('round-link-problem').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('closed');
    const items = page.getByTestId('triage-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(6);
    // Triage shows whom each piece of feedback speaks for.
    expect(await page.locator('[data-testid="item-perspective"][data-perspective="leraar"]').count()).toBe(6);
    // Closed, but not yet triaged: R13 says what is missing on the design page.
    const designPage = await openPage(dana.context, url, `/ontwerpen/${design.id}`, 'Dana');
    const r13 = designPage.locator('[data-testid="check-item"][data-rule="R13"]').first();
    await expect.poll(() => r13.getAttribute('data-status'), { timeout: 15_000 }).toBe('fail');
    expect(await r13.textContent()).toContain(
      '6 feedbackpunten nog niet verwerkt in ronde "Ronde met Lab Zuid"',
    );
    // Completing too early names the untriaged items.
    await page.getByTestId('round-complete').click();
    await expect.poll(() => page.getByTestId('triage').getByRole('alert').innerText()).toMatch(/6/);
    expect(await axeViolations(page)).toEqual([]);
    const decisions = ['verwerkt', 'deels-verwerkt', 'niet-overgenomen'] as const;
    for (let i = 0; i < 6; i++) {
      const item = items.nth(i);
      await item.getByTestId(`triage-decision-${decisions[i % 3]}`).check();
      await item.getByTestId('triage-reason').fill(`Reden ${i + 1}.`);
      await item.getByTestId('triage-save').click();
      await expect.poll(() => item.getAttribute('data-triaged')).toBe('true');
    }
    await expect.poll(() => page.getByTestId('triage-progress').innerText()).toBe('6 van 6 beoordeeld');
    await page.getByTestId('round-complete').click();
    await expect.poll(() => page.getByTestId('round-summary').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('summary-decision').count()).toBe(6);
    expect(await page.getByTestId('summary-perspectives').innerText()).toContain('Leraar: 1');
    // Every item triaged: the teacher's feedback counts, R13 turns green for the team.
    await designPage.reload();
    await expect.poll(() => r13.getAttribute('data-status'), { timeout: 15_000 }).toBe('pass');
    expect(await r13.textContent()).toContain('feedback van leraar, elk feedbackpunt beoordeeld');
    await designPage.close();
    expect(await page.getByTestId('summary-md').getAttribute('href')).toBe(
      `/api/rounds/${roundId}/summary.md`,
    );
    expect(await axeViolations(page)).toEqual([]);

    // Open round comments go over to the live draft (re-anchored where the quote still exists).
    await page.getByTestId('carry-over-run').click();
    await expect
      .poll(() => page.getByTestId('carry-over-result').innerText(), { timeout: 10_000 })
      .toBe('Overgenomen: 1 (verankerd: 1, losgeraakt: 0).');
    const live = await api<{ threads: Array<{ anchorStatus: string; carriedFrom: unknown }> }>(
      dana.context,
      url,
      'GET',
      `/api/documents/${design.id}/comments`,
    );
    expect(live.threads.map((thread) => thread.anchorStatus)).toEqual(['attached']);

    // Mila now sees the summary with the decisions instead of the version.
    await review.reload();
    await expect.poll(() => review.getByTestId('summary-decision').count(), { timeout: 10_000 }).toBe(6);
    expect(await review.getByTestId('frozen-document').count()).toBe(0);
    expect(await review.getByTestId('round-summary').innerText()).toContain('Reden 1.');
    expect(await axeViolations(review)).toEqual([]);
  }, 180_000);

  test('the round filter in the comments panel shows only the chosen round’s threads, operated by keyboard', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Roos');
    const teamId = await createTeamViaApi(context, url, 'Lab Filter', 'cocreatieteam');
    const docId = await createDocumentViaApi(context, url, teamId, 'Filterdocument');
    const versionId = await saveVersion(context, docId, 'Versie 1');
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const roundIds: Record<string, string> = {};
    const threadIds: Record<string, string> = {};
    for (const title of ['Ronde Noord', 'Ronde Zuid']) {
      const round = await api<{ id: string }>(context, url, 'POST', `/api/documents/${docId}/rounds`, {
        versionId,
        title,
        deadline,
      });
      roundIds[title] = round.id;
      const thread = await api<{ id: string }>(context, url, 'POST', `/api/rounds/${round.id}/comments`, {
        anchor: null,
        body: `Reactie in ${title}`,
      });
      threadIds[title] = thread.id;
    }
    const liveThread = await api<{ id: string }>(context, url, 'POST', `/api/documents/${docId}/comments`, {
      anchor: null,
      body: 'Dagelijkse reactie',
    });
    threadIds['live'] = liveThread.id;

    const page = await openPage(context, url, `/d/${docId}`, 'Roos');
    // By keyboard alone: Tab to "Reacties", open the panel, Tab on to the round filter.
    const toggle = page.getByTestId('comments-toggle');
    await expect.poll(() => toggle.isVisible(), { timeout: 10_000 }).toBe(true);
    await tabTo(page, '[data-testid="comments-toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('Enter');
    const filter = page.getByTestId('comments-filter-round');
    await expect.poll(() => filter.isVisible(), { timeout: 10_000 }).toBe(true);
    const shown = async () => ({
      ids: await page
        .getByTestId('comment-thread')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-thread-id'))),
      bodies: await page.locator('[data-testid="comment-thread"] .comment-message__body').allInnerTexts(),
    });
    // The default is the live draft: only the everyday comment, none of the rounds'.
    await expect
      .poll(shown, { timeout: 10_000 })
      .toEqual({ ids: [threadIds['live']], bodies: ['Dagelijkse reactie'] });
    expect(await filter.locator('option').allInnerTexts()).toEqual(
      expect.arrayContaining(['Ronde Noord', 'Ronde Zuid']),
    );

    // The arrow keys pick each round in turn.
    await tabTo(page, '[data-testid="comments-filter-round"]');
    const seen = new Set<string>();
    for (let step = 0; step < 2; step++) {
      await page.keyboard.press('ArrowDown');
      const chosen = await filter.evaluate((select: HTMLSelectElement) => ({
        value: select.value,
        title: select.selectedOptions[0]?.textContent ?? '',
      }));
      expect(chosen.value).toBe(roundIds[chosen.title]);
      seen.add(chosen.title);
      await expect
        .poll(shown, { timeout: 10_000 })
        .toEqual({ ids: [threadIds[chosen.title]], bodies: [`Reactie in ${chosen.title}`] });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'comments-filter-round',
      );
    }
    expect([...seen].sort()).toEqual(['Ronde Noord', 'Ronde Zuid']);
    // Back to the live draft with Home: the everyday comment again, the rounds' gone.
    await page.keyboard.press('Home');
    await expect.poll(() => filter.inputValue()).toBe('live');
    await expect
      .poll(shown, { timeout: 10_000 })
      .toEqual({ ids: [threadIds['live']], bodies: ['Dagelijkse reactie'] });
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  test('a saved version opens read-only in the editor from the versions dialog', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Olaf');
    const teamId = await createTeamViaApi(context, url, 'Lab Versie', 'cocreatieteam');
    const { id } = await api<{ id: string }>(context, url, 'POST', '/api/documents', {
      teamId,
      title: 'Notities',
    });
    const page = await openPage(context, url, `/d/${id}`, 'Olaf');
    await nthEditor(page, 0).click();
    await page.keyboard.type('Oude tekst.', { delay: 5 });
    await expectStatus(page, 'saved');
    await saveVersion(context, id, 'Eerste');
    await nthEditor(page, 0).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Nieuwe tekst.', { delay: 5 });
    await expectStatus(page, 'saved');
    await page.getByTestId('versions-open').click();
    await page.getByTestId('version-open-editor').first().click();
    await expect.poll(() => pathOf(page), { timeout: 10_000 }).toMatch(new RegExp(`^/d/${id}/versies/`));
    await expect
      .poll(() => page.getByTestId('frozen-document').innerText(), { timeout: 10_000 })
      .toContain('Oude tekst.');
    expect(await page.getByTestId('frozen-document').innerText()).not.toContain('Nieuwe tekst.');
    expect(await page.locator('[contenteditable="true"]:not([aria-readonly="true"])').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  test('a version of an ontwikkelpad draft opens read-only in the draft editor', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Pien');
    const atelierId = await createTeamViaApi(context, url, 'Atelier Versies', 'atelier');
    const example = await exampleTemplate(context, url);
    const draft = await api<{ docId: string }>(context, url, 'POST', '/api/templates/drafts', {
      teamId: atelierId,
      fromVersionId: example.id,
    });
    const versionId = await saveVersion(context, draft.docId, 'Kopie');
    const page = await openPage(context, url, `/d/${draft.docId}/versies/${versionId}`, 'Pien');
    const frozen = page.getByTestId('frozen-document');
    await expect.poll(() => frozen.getAttribute('data-kind'), { timeout: 10_000 }).toBe('ontwikkelpad');
    await expect.poll(() => frozen.getByTestId('outcome-row').count(), { timeout: 10_000 }).toBe(6);
    expect(await frozen.locator('[contenteditable="true"]:not([aria-readonly="true"])').count()).toBe(0);
    expect(await frozen.locator('input:not([disabled]), select:not([disabled])').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
