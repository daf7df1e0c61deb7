import { describe, expect, test } from 'vitest';
import {
  api,
  createDocumentViaApi,
  createTeamViaApi,
  newSignedInContext,
  openPage,
  useHarness,
} from './helpers';

/**
 * The comments panel beside the draft follows each round's own answer from the API: an open
 * round's threads can be answered and resolved there, a closed round's threads only read — as the
 * server decides (a closed round's threads are read-only for everyone).
 */

const harness = useHarness();

describe('round threads beside the draft', () => {
  test('an open round’s threads offer reply and resolve; a closed round’s do not', async () => {
    const url = harness.server.url;
    const { context } = await newSignedInContext(harness, 'Sanne');
    const teamId = await createTeamViaApi(context, url, 'Lab Gesloten', 'cocreatieteam');
    const docId = await createDocumentViaApi(context, url, teamId, 'Rondedocument');
    const { id: versionId } = await api<{ id: string }>(
      context,
      url,
      'POST',
      `/api/documents/${docId}/versions`,
      {
        label: 'Versie 1',
      },
    );
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const roundIds: Record<string, string> = {};
    for (const title of ['Open ronde', 'Gesloten ronde']) {
      const round = await api<{ id: string }>(context, url, 'POST', `/api/documents/${docId}/rounds`, {
        versionId,
        title,
        deadline,
      });
      roundIds[title] = round.id;
      await api(context, url, 'POST', `/api/rounds/${round.id}/comments`, {
        anchor: null,
        body: `In ${title}`,
      });
    }
    await api(context, url, 'POST', `/api/rounds/${roundIds['Gesloten ronde']}/close`);

    const page = await openPage(context, url, `/d/${docId}`, 'Sanne');
    const toggle = page.getByTestId('comments-toggle');
    await expect.poll(() => toggle.isVisible(), { timeout: 10_000 }).toBe(true);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const filter = page.getByTestId('comments-filter-round');
    await expect.poll(() => filter.isVisible(), { timeout: 10_000 }).toBe(true);
    const thread = page.getByTestId('comment-thread');
    const actions = async () => ({
      body: await thread.locator('.comment-message__body').innerText(),
      reply: await thread.getByTestId('reply-open').count(),
      resolve: await thread.getByTestId('comment-resolve').count(),
    });

    await filter.selectOption(roundIds['Open ronde']!);
    await expect.poll(actions, { timeout: 10_000 }).toEqual({ body: 'In Open ronde', reply: 1, resolve: 1 });
    await filter.selectOption(roundIds['Gesloten ronde']!);
    await expect
      .poll(actions, { timeout: 10_000 })
      .toEqual({ body: 'In Gesloten ronde', reply: 0, resolve: 0 });
  }, 60_000);
});
