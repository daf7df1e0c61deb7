import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoundStore } from '../../../server/stores/rounds';
import { openTestDatabase, TEAMS, USERS, type RoundsTestDatabase } from './rounds/fixtures';

const NOW = 1_700_000_000_000;
let t: RoundsTestDatabase;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  t = await openTestDatabase();
});
afterEach(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('round store', () => {
  it('keeps its API: every method name callers use', () => {
    expect(Object.keys(t.store).sort()).toEqual(
      [
        ...['insertRound', 'round', 'roundsOfDoc', 'updateRound', 'closeRound', 'completeRound'],
        ...['overdueRounds', 'closedRoundsOf', 'roundsForReviewer'],
        ...['inviteTeam', 'removeTeam', 'teamsOfRound', 'reviewerTeam', 'isIndividualReviewer'],
        ...['addIndividualReviewer', 'reviewers', 'removeIndividualReviewer', 'removeReviewersOfLink'],
        ...['acceptTeamRequest', 'declineTeamRequest', 'pendingRequestsOfTeam', 'teamRequester'],
        ...['insertLink', 'linkByHash', 'linksOfRound', 'revokeLink'],
        ...['upsertResponse', 'responses', 'submit', 'submissions', 'upsertTriage', 'triage'],
        ...['insertComment', 'comment', 'liveComments', 'roundComments', 'threadMessages'],
        ...['editComment', 'deleteComment', 'setResolved'],
        ...['notify', 'notifications', 'unreadCount', 'markRead'],
        ...['commentsBy', 'responsesBy'],
        ...['setPerspective', 'perspectives', 'submittedPerspectives'],
        ...['lockRound', 'lockLink', 'lockComment'],
      ].sort(),
    );
  });

  it('inserts a round and reads it back with its defaults; an unknown id is undefined', async () => {
    const criteria = [{ id: 'c1', title: 'Helder', description: 'Is het helder?' }];
    await t.store.insertRound({
      ...{ id: 'r1', docId: 'd1', versionId: 'v1', title: 'Eerste ronde', description: 'Lees mee' },
      ...{ deadline: NOW + 5, criteria, createdBy: USERS.ann },
    });
    expect(await t.store.round('r1')).toEqual({
      ...{ id: 'r1', doc_id: 'd1', version_id: 'v1', title: 'Eerste ronde', description: 'Lees mee' },
      ...{ deadline: NOW + 5, criteria: JSON.stringify(criteria), status: 'open', created_by: USERS.ann },
      ...{ created_at: NOW, closed_at: null, closed_by: null, completed_at: null, completed_by: null },
    });
    expect(await t.store.round('nope')).toBeUndefined();
  });

  it('lists a document’s rounds newest first, rounds of one moment in reverse insertion order', async () => {
    for (const id of ['r-b', 'r-c', 'r-a']) await t.addRound(id);
    vi.setSystemTime(NOW + 1);
    await t.addRound('r-late');
    await t.addRound('r-other', { docId: 'd2' });
    const ids = (await t.store.roundsOfDoc('d1')).map((round) => round.id);
    expect(ids).toEqual(['r-late', 'r-a', 'r-c', 'r-b']);
  });

  it('updates only an open round', async () => {
    await t.addRound('r1');
    const fields = { title: 'Nieuw', description: 'Anders', deadline: NOW + 9, criteria: [] };
    expect(await t.store.updateRound('r1', fields)).toBe(true);
    expect(await t.store.round('r1')).toMatchObject({
      title: 'Nieuw',
      description: 'Anders',
      criteria: '[]',
    });
    await t.store.closeRound('r1', USERS.ann);
    expect(await t.store.updateRound('r1', { ...fields, title: 'Te laat' })).toBe(false);
    expect((await t.store.round('r1'))?.title).toBe('Nieuw');
    expect(await t.store.updateRound('nope', fields)).toBe(false);
  });

  it('closes an open round once and completes a closed round once', async () => {
    await t.addRound('r1');
    await t.addRound('r2');
    expect(await t.store.completeRound('r1', USERS.ann)).toBe(false);
    expect(await t.store.closeRound('r1', USERS.ann, NOW + 3)).toBe(true);
    expect(await t.store.closeRound('r1', USERS.bob)).toBe(false);
    expect(await t.store.round('r1')).toMatchObject({
      status: 'closed',
      closed_at: NOW + 3,
      closed_by: USERS.ann,
    });
    expect(await t.store.closeRound('r2', null)).toBe(true);
    expect(await t.store.round('r2')).toMatchObject({ status: 'closed', closed_at: NOW, closed_by: null });
    vi.setSystemTime(NOW + 7);
    expect(await t.store.completeRound('r1', USERS.bob)).toBe(true);
    expect(await t.store.completeRound('r1', USERS.bob)).toBe(false);
    expect(await t.store.round('r1')).toMatchObject({
      ...{ status: 'completed', completed_at: NOW + 7, completed_by: USERS.bob },
    });
  });

  it('finds open rounds past their deadline, earliest first', async () => {
    await t.addRound('late', { deadline: NOW - 1 });
    await t.addRound('latest', { deadline: NOW - 100 });
    await t.addRound('due-now', { deadline: NOW });
    await t.addRound('future', { deadline: NOW + 1 });
    await t.addRound('closed', { deadline: NOW - 50 });
    await t.store.closeRound('closed', null);
    expect((await t.store.overdueRounds()).map((round) => round.id)).toEqual(['latest', 'late', 'due-now']);
    expect((await t.store.overdueRounds(NOW - 2)).map((round) => round.id)).toEqual(['latest']);
  });

  it('lists closed, completed and overdue rounds of a document, newest first', async () => {
    const rounds: [string, { deadline: number; status: 'open' | 'closed' | 'completed'; docId?: string }][] =
      [
        ['open-future', { deadline: NOW + 1, status: 'open' }],
        ['open-past', { deadline: NOW, status: 'open' }],
        ['closed', { deadline: NOW + 1, status: 'closed' }],
        ['completed', { deadline: NOW + 1, status: 'completed' }],
        ['other-doc', { deadline: NOW - 1, status: 'closed', docId: 'd2' }],
      ];
    for (const [id, round] of rounds) {
      await t.addRound(id, round);
      if (round.status !== 'open') await t.store.closeRound(id, USERS.ann);
      if (round.status === 'completed') await t.store.completeRound(id, USERS.ann);
    }
    const ids = async (docId: string, now?: number) =>
      (await t.store.closedRoundsOf(docId, now)).map((round) => round.id).sort();
    expect(await ids('d1')).toEqual(['closed', 'completed', 'open-past']);
    expect(await ids('d1', NOW - 1)).toEqual(['closed', 'completed']);
    expect(await ids('d2')).toEqual(['other-doc']);
    expect(await ids('none')).toEqual([]);
  });

  it('lists the rounds a user reviews, through a team or individually, once each, newest first', async () => {
    for (const [i, id] of ['via-team', 'individual', 'both', 'not-invited'].entries()) {
      vi.setSystemTime(NOW + i);
      await t.addRound(id);
    }
    await t.store.inviteTeam('via-team', TEAMS.beta, USERS.ann, true);
    await t.store.inviteTeam('both', TEAMS.alpha, USERS.ann, true);
    await t.store.insertLink({
      ...{ id: 'l1', roundId: 'individual', tokenHash: new Uint8Array([1]), label: '' },
      ...{ createdBy: USERS.ann, expiresAt: NOW + 10 },
    });
    await t.store.addIndividualReviewer('individual', USERS.bob, 'l1');
    await t.store.addIndividualReviewer('both', USERS.bob, 'l1');
    const ids = async (userId: string) => (await t.store.roundsForReviewer(userId)).map((round) => round.id);
    expect(await ids(USERS.bob)).toEqual(['both', 'individual', 'via-team']);
    expect(await ids(USERS.ann)).toEqual(['both']);
    expect(await ids(USERS.cas)).toEqual([]);
  });

  it('works on a transaction: a throwing transaction leaves nothing behind', async () => {
    await expect(
      t.database.transaction(async (trx) => {
        const store = createRoundStore(trx);
        await store.insertRound({
          ...{ id: 'r1', docId: 'd1', versionId: 'v1', title: 'x', description: '' },
          ...{ deadline: NOW, criteria: [], createdBy: USERS.ann },
        });
        expect(await store.round('r1')).toBeDefined();
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.store.round('r1')).toBeUndefined();
  });
});
