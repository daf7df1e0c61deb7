import { sql, type InsertResult } from 'kysely';
import type { Executor } from '../../db/database';
import { changed } from '../../db/portable';

/** A reviewer of a round: a member of an invited team (with that team) or an individual (team null). */
export interface ReviewerRow {
  user_id: string;
  name: string;
  team_id: string | null;
  team_name: string | null;
}

/** Whether an insert that ignores conflicts added its row. */
const inserted = (result: InsertResult | undefined) => Number(result?.numInsertedOrUpdatedRows ?? 0n) === 1;

/** Queries on `round_teams` and `round_reviewers`: who reviews a round. */
export function reviewerQueries(db: Executor) {
  return {
    /** Invites a team (false when it already was). */
    async inviteTeam(roundId: string, teamId: string, userId: string): Promise<boolean> {
      const result = await db
        .insertInto('round_teams')
        .values({ round_id: roundId, team_id: teamId, invited_by: userId, invited_at: Date.now() })
        .onConflict((oc) => oc.columns(['round_id', 'team_id']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
    /** Withdraws a team's invitation (false when it was not invited). */
    async removeTeam(roundId: string, teamId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('round_teams')
        .where('round_id', '=', roundId)
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** The invited teams, by name. */
    teamsOfRound(roundId: string): Promise<{ id: string; name: string; kind: string }[]> {
      return db
        .selectFrom('round_teams as rt')
        .innerJoin('teams as t', 't.id', 'rt.team_id')
        .select(['t.id', 't.name', 't.kind'])
        .where('rt.round_id', '=', roundId)
        .orderBy('t.name')
        .execute();
    },
    /** The invited team through which the user reviews, if any. */
    reviewerTeam(roundId: string, userId: string): Promise<{ id: string; name: string } | undefined> {
      return db
        .selectFrom('round_teams as rt')
        .innerJoin('memberships as m', 'm.team_id', 'rt.team_id')
        .innerJoin('teams as t', 't.id', 'rt.team_id')
        .select(['t.id', 't.name'])
        .where('rt.round_id', '=', roundId)
        .where('m.user_id', '=', userId)
        .limit(1)
        .executeTakeFirst();
    },
    /** Whether the user joined the round through a link. */
    async isIndividualReviewer(roundId: string, userId: string): Promise<boolean> {
      const row = await db
        .selectFrom('round_reviewers')
        .select('user_id')
        .where('round_id', '=', roundId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Adds a reviewer who came through a link (false when they already had joined). */
    async addIndividualReviewer(roundId: string, userId: string, linkId: string): Promise<boolean> {
      const result = await db
        .insertInto('round_reviewers')
        .values({ round_id: roundId, user_id: userId, link_id: linkId, joined_at: Date.now() })
        .onConflict((oc) => oc.columns(['round_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
    /** Removes a reviewer who came through a link (false when they had not joined that way). */
    async removeIndividualReviewer(roundId: string, userId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('round_reviewers')
        .where('round_id', '=', roundId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Removes everyone who joined through the link; returns their ids. */
    async removeReviewersOfLink(linkId: string): Promise<string[]> {
      // Read, then delete: call inside the transaction that revokes the link, which no join outlives.
      const rows = await db
        .selectFrom('round_reviewers')
        .select('user_id')
        .where('link_id', '=', linkId)
        .execute();
      await db.deleteFrom('round_reviewers').where('link_id', '=', linkId).execute();
      return rows.map((row) => row.user_id);
    },
    /** Every active reviewer: members of the invited teams, then individuals (team null). */
    reviewers(roundId: string): Promise<ReviewerRow[]> {
      return db
        .selectFrom('round_teams as rt')
        .innerJoin('memberships as m', 'm.team_id', 'rt.team_id')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('teams as t', 't.id', 'rt.team_id')
        .select(['m.user_id', 'u.name', 't.id as team_id', 't.name as team_name'])
        .where('rt.round_id', '=', roundId)
        .where('u.deleted_at', 'is', null)
        .$castTo<ReviewerRow>()
        .union(
          db
            .selectFrom('round_reviewers as rr')
            .innerJoin('users as u', 'u.id', 'rr.user_id')
            // Literal NULLs, not parameters: PostgreSQL takes their type from the first branch.
            .select([
              'rr.user_id',
              'u.name',
              sql<string | null>`NULL`.as('team_id'),
              sql<string | null>`NULL`.as('team_name'),
            ])
            .where('rr.round_id', '=', roundId)
            .where('u.deleted_at', 'is', null),
        )
        .execute();
    },
  };
}
