import { describe, expect, test } from 'vitest';
import type { SearchResult } from '../../shared/schemas/search';
import {
  addMemberViaApi,
  api,
  axeViolations,
  createDocumentViaApi,
  createTeamViaApi,
  newSignedInContext,
  nthEditor,
  openPage,
  useHarness,
} from './helpers';

/**
 * Issue 24, search: text a teammate typed a moment ago is found from the header (Ctrl+K, Enter),
 * with the match marked, and opens the document; someone outside the team never finds it.
 */

const harness = useHarness();

describe('search', () => {
  test('Ctrl+K, a word a teammate just typed, the marked snippet, the document; nothing for an outsider', async () => {
    const url = harness.server.url;
    const ada = await newSignedInContext(harness, 'Ada Schrijver');
    const bram = await newSignedInContext(harness, 'Bram Zoeker');
    const cas = await newSignedInContext(harness, 'Cas Buiten');
    const teamId = await createTeamViaApi(ada.context, url, 'Lab Noord');
    await addMemberViaApi(ada.context, url, teamId, bram.user.email, 'editor');
    await createTeamViaApi(cas.context, url, 'Lab Zuid');
    const docId = await createDocumentViaApi(ada.context, url, teamId, 'Intervisie in de praktijk');

    const writer = await openPage(ada.context, url, `/d/${docId}`, 'Ada');
    await nthEditor(writer, 0).click();
    await writer.keyboard.type('We proberen de zonnebloemmethode uit tijdens intervisie.', { delay: 5 });
    // Indexed from the committed state in the background: within a few seconds.
    await expect
      .poll(
        async () => (await api<SearchResult[]>(bram.context, url, 'GET', '/api/search?q=zonnebloem')).length,
        {
          timeout: 30_000,
        },
      )
      .toBe(1);

    const page = await openPage(bram.context, url, '/', 'Bram');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'header-search',
    );
    await page.keyboard.type('zonnebloem');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?q=zonnebloem$/);
    const result = page.getByTestId('search-result');
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator('mark').first().innerText()).toMatch(/^zonnebloem/i);
    expect(await page.getByTestId('search-status').innerText()).toBe('1 resultaat');
    expect(await axeViolations(page)).toEqual([]);
    await result.getByRole('link', { name: 'Intervisie in de praktijk' }).click();
    await page.waitForURL(new RegExp(`/d/${docId}$`));

    expect(await api<SearchResult[]>(cas.context, url, 'GET', '/api/search?q=zonnebloem')).toEqual([]);
    const outsider = await openPage(cas.context, url, '/zoeken?q=zonnebloem', 'Cas');
    await expect.poll(() => outsider.getByTestId('search-status').innerText()).toBe('Niets gevonden.');
    // The text is indexed once typing has paused 3 s (plus the row refresh and the indexer's run).
  }, 60_000);
});
