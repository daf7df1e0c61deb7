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
    /** Asks a team to review (false when it already was asked); `accepted`: in at once. */
    async inviteTeam(roundId: string, teamId: string, userId: string, accepted: boolean): Promise<boolean> {
      const now = Date.now();
      const result = await db
        .insertInto('round_teams')
        .values({
          round_id: roundId,
          team_id: teamId,
          invited_by: userId,
          invited_at: now,
          accepted_at: accepted ? now : null,
        })
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
    /** The invited teams by name, with whether they accepted yet. */
    async teamsOfRound(
      roundId: string,
    ): Promise<{ id: string; name: string; kind: string; pending: boolean }[]> {
      const rows = await db
        .selectFrom('round_teams as rt')
        .innerJoin('teams as t', 't.id', 'rt.team_id')
        .select(['t.id', 't.name', 't.kind', 'rt.accepted_at'])
        .where('rt.round_id', '=', roundId)
        .orderBy('t.name')
        .execute();
      return rows.map(({ accepted_at, ...team }) => ({ ...team, pending: accepted_at === null }));
    },
    /** Accepts a team's pending request (false when there is none). */
    async acceptTeamRequest(roundId: string, teamId: string): Promise<boolean> {
      const result = await db
        .updateTable('round_teams')
        .set({ accepted_at: Date.now() })
        .where('round_id', '=', roundId)
        .where('team_id', '=', teamId)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Removes a team's pending request (false when there is none). */
    async declineTeamRequest(roundId: string, teamId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('round_teams')
        .where('round_id', '=', roundId)
        .where('team_id', '=', teamId)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Requests waiting for the team's answer: the round, its document, who asked; oldest first. */
    pendingRequestsOfTeam(teamId: string) {
      return db
        .selectFrom('round_teams as rt')
        .innerJoin('feedback_rounds as r', 'r.id', 'rt.round_id')
        .innerJoin('documents as d', 'd.id', 'r.doc_id')
        .leftJoin('teams as rteam', 'rteam.id', 'd.team_id')
        .leftJoin('users as u', 'u.id', 'rt.invited_by')
        .select([
          'r.id as round_id',
          'r.title as round_title',
          'r.deadline',
          'r.status',
          'd.title as document_title',
          'rteam.name as requesting_team',
          'u.id as requester_id',
          'u.name as requester_name',
          'rt.invited_at',
        ])
        .where('rt.team_id', '=', teamId)
        .where('rt.accepted_at', 'is', null)
        .orderBy('rt.invited_at')
        .execute();
    },
    /** Who asked a team to review the round (null: unknown or deleted). */
    async teamRequester(roundId: string, teamId: string): Promise<string | null> {
      const row = await db
        .selectFrom('round_teams')
        .select('invited_by')
        .where('round_id', '=', roundId)
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return row?.invited_by ?? null;
    },
    /** The invited team through which the user reviews, if any. */
    reviewerTeam(roundId: string, userId: string): Promise<{ id: string; name: string } | undefined> {
      return db
        .selectFrom('round_teams as rt')
        .innerJoin('memberships as m', 'm.team_id', 'rt.team_id')
        .innerJoin('teams as t', 't.id', 'rt.team_id')
        .select(['t.id', 't.name'])
        .where('rt.round_id', '=', roundId)
        .where('rt.accepted_at', 'is not', null)
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
        .where('rt.accepted_at', 'is not', null)
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
