import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, TEAMS, USERS, type RoundsTestDatabase } from './fixtures';

const NOW = 1_700_000_000_000;
let t: RoundsTestDatabase;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  t = await openTestDatabase();
  await t.addRound('r1');
  await t.addRound('r2');
  await t.store.insertLink({
    ...{ id: 'l1', roundId: 'r1', tokenHash: new Uint8Array([1]), label: '' },
    ...{ createdBy: USERS.ann, expiresAt: NOW + 10 },
  });
});
afterEach(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('round reviewers', () => {
  it('invites a team once (the first invitation stays) and removes it once', async () => {
    expect(await t.store.inviteTeam('r1', TEAMS.alpha, USERS.ann, true)).toBe(true);
    vi.setSystemTime(NOW + 1);
    expect(await t.store.inviteTeam('r1', TEAMS.alpha, USERS.bob, true)).toBe(false);
    const stored = await t.database.db.selectFrom('round_teams').selectAll().execute();
    expect(stored).toEqual([
      { round_id: 'r1', team_id: TEAMS.alpha, invited_by: USERS.ann, invited_at: NOW, accepted_at: NOW },
    ]);
    expect(await t.store.removeTeam('r1', TEAMS.alpha)).toBe(true);
    expect(await t.store.removeTeam('r1', TEAMS.alpha)).toBe(false);
    expect(await t.store.teamsOfRound('r1')).toEqual([]);
  });

  it('lists the invited teams by name', async () => {
    await t.store.inviteTeam('r1', TEAMS.beta, USERS.ann, true);
    await t.store.inviteTeam('r1', TEAMS.alpha, USERS.ann, true);
    await t.store.inviteTeam('r2', TEAMS.beta, USERS.ann, true);
    expect(await t.store.teamsOfRound('r1')).toEqual([
      { id: TEAMS.alpha, name: 'Alpha', kind: 'cocreatieteam', pending: false },
      { id: TEAMS.beta, name: 'Beta', kind: 'atelier', pending: false },
    ]);
  });

  it('finds the invited team through which a user reviews', async () => {
    await t.store.inviteTeam('r1', TEAMS.alpha, USERS.ann, true);
    expect(await t.store.reviewerTeam('r1', USERS.ann)).toEqual({ id: TEAMS.alpha, name: 'Alpha' });
    expect(await t.store.reviewerTeam('r1', USERS.cas)).toBeUndefined();
    expect(await t.store.reviewerTeam('r2', USERS.ann)).toBeUndefined();
  });

  it('adds an individual reviewer once', async () => {
    expect(await t.store.isIndividualReviewer('r1', USERS.cas)).toBe(false);
    expect(await t.store.addIndividualReviewer('r1', USERS.cas, 'l1')).toBe(true);
    expect(await t.store.addIndividualReviewer('r1', USERS.cas, 'l1')).toBe(false);
    expect(await t.store.isIndividualReviewer('r1', USERS.cas)).toBe(true);
    expect(await t.store.isIndividualReviewer('r2', USERS.cas)).toBe(false);
  });

  it('lists active team members with their team and individuals without one', async () => {
    await t.store.inviteTeam('r1', TEAMS.alpha, USERS.ann, true);
    await t.store.inviteTeam('r1', TEAMS.beta, USERS.ann, true);
    await t.store.addIndividualReviewer('r1', USERS.cas, 'l1');
    await t.store.addIndividualReviewer('r1', USERS.bob, 'l1');
    await t.store.addIndividualReviewer('r1', USERS.gone, 'l1');
    await t.store.addIndividualReviewer('r2', USERS.ann, 'l1');
    const key = (row: { user_id: string; team_id: string | null }) => `${row.user_id}/${row.team_id ?? ''}`;
    const rows = (await t.store.reviewers('r1')).sort((a, b) => key(a).localeCompare(key(b)));
    expect(rows).toEqual([
      { user_id: USERS.ann, name: 'Ann', team_id: TEAMS.alpha, team_name: 'Alpha' },
      { user_id: USERS.bob, name: 'Bob', team_id: null, team_name: null },
      { user_id: USERS.bob, name: 'Bob', team_id: TEAMS.alpha, team_name: 'Alpha' },
      { user_id: USERS.bob, name: 'Bob', team_id: TEAMS.beta, team_name: 'Beta' },
      { user_id: USERS.cas, name: 'Cas', team_id: null, team_name: null },
    ]);
    expect(await t.store.reviewers('r2')).toEqual([
      { user_id: USERS.ann, name: 'Ann', team_id: null, team_name: null },
    ]);
  });
});

describe('pending team requests and removing reviewers', () => {
  it('a pending team reviews nobody until accepted; a decline removes only a pending request', async () => {
    expect(await t.store.inviteTeam('r1', TEAMS.alpha, USERS.ann, false)).toBe(true);
    expect(await t.store.teamsOfRound('r1')).toEqual([
      { id: TEAMS.alpha, name: 'Alpha', kind: 'cocreatieteam', pending: true },
    ]);
    expect(await t.store.reviewerTeam('r1', USERS.ann)).toBeUndefined();
    expect(await t.store.reviewers('r1')).toEqual([]);
    expect(await t.store.roundsForReviewer(USERS.ann)).toEqual([]);
    expect((await t.store.pendingRequestsOfTeam(TEAMS.alpha)).map((row) => row.round_id)).toEqual(['r1']);
    expect(await t.store.teamRequester('r1', TEAMS.alpha)).toBe(USERS.ann);

    expect(await t.store.acceptTeamRequest('r1', TEAMS.alpha)).toBe(true);
    expect(await t.store.acceptTeamRequest('r1', TEAMS.alpha)).toBe(false);
    expect(await t.store.declineTeamRequest('r1', TEAMS.alpha)).toBe(false);
    expect(await t.store.reviewerTeam('r1', USERS.ann)).toEqual({ id: TEAMS.alpha, name: 'Alpha' });
    expect(await t.store.pendingRequestsOfTeam(TEAMS.alpha)).toEqual([]);

    await t.store.inviteTeam('r2', TEAMS.beta, USERS.ann, false);
    expect(await t.store.declineTeamRequest('r2', TEAMS.beta)).toBe(true);
    expect(await t.store.teamsOfRound('r2')).toEqual([]);
  });

  it('removes one link reviewer, or everyone who joined through a link', async () => {
    await t.store.insertLink({
      ...{ id: 'l2', roundId: 'r1', tokenHash: new Uint8Array([2]), label: '' },
      ...{ createdBy: USERS.ann, expiresAt: NOW + 10 },
    });
    await t.store.addIndividualReviewer('r1', USERS.cas, 'l1');
    await t.store.addIndividualReviewer('r1', USERS.bob, 'l1');
    await t.store.addIndividualReviewer('r1', USERS.ann, 'l2');
    expect(await t.store.removeIndividualReviewer('r1', USERS.cas)).toBe(true);
    expect(await t.store.removeIndividualReviewer('r1', USERS.cas)).toBe(false);
    expect(await t.store.removeReviewersOfLink('l1')).toEqual([USERS.bob]);
    expect(await t.store.isIndividualReviewer('r1', USERS.bob)).toBe(false);
    expect(await t.store.isIndividualReviewer('r1', USERS.ann)).toBe(true);
  });
});
