import type { RoundParticipant, RoundReviewers } from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';
import type { RoundRow } from '../stores/rounds';
import { iso } from './common';

type Deps = Pick<AppDeps, 'stores'>;

/** Every reviewer once, with whether they submitted (as whom) and how many messages they wrote. */
async function participants(deps: Deps, round: RoundRow): Promise<RoundParticipant[]> {
  const store = deps.stores.rounds;
  const submitted = new Map(
    (await store.submissions(round.id)).map((row) => [row.user_id, row.submitted_at]),
  );
  const perspectives = await store.perspectives(round.id);
  const comments = new Map<string, number>();
  for (const row of await store.roundComments(round.id)) {
    if (row.author_id && row.deleted_at === null)
      comments.set(row.author_id, (comments.get(row.author_id) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const list: RoundParticipant[] = [];
  for (const reviewer of await store.reviewers(round.id)) {
    if (seen.has(reviewer.user_id)) continue;
    seen.add(reviewer.user_id);
    list.push({
      user: { id: reviewer.user_id, name: reviewer.name },
      team: reviewer.team_id ? { id: reviewer.team_id, name: reviewer.team_name ?? '' } : null,
      submittedAt: iso(submitted.get(reviewer.user_id) ?? null),
      perspective: submitted.has(reviewer.user_id) ? (perspectives.get(reviewer.user_id) ?? null) : null,
      commentCount: comments.get(reviewer.user_id) ?? 0,
    });
  }
  return list.sort((a, b) => a.user.name.localeCompare(b.user.name, 'nl'));
}

/** Invited teams, links (a link never outlives the round's deadline) and who has responded. */
export async function presentReviewers(deps: Deps, round: RoundRow): Promise<RoundReviewers> {
  const store = deps.stores.rounds;
  return {
    teams: await store.teamsOfRound(round.id),
    links: (await store.linksOfRound(round.id)).map((link) => ({
      id: link.id,
      label: link.label,
      createdAt: new Date(link.created_at).toISOString(),
      expiresAt: new Date(Math.min(link.expires_at, round.deadline)).toISOString(),
      revokedAt: iso(link.revoked_at),
      uses: link.uses,
      sentTo: link.sent_to,
    })),
    participants: await participants(deps, round),
  };
}
