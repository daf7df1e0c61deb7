import type { Executor } from '../../db/database';
import type { ReviewerPerspective } from '../../../shared/domain/design/feedback';

/** A reviewer who submitted in a closed round of a document, with the perspective they stated. */
export interface SubmittedPerspectiveRow {
  round_id: string;
  user_id: string;
  perspective: ReviewerPerspective | null;
  /** Whether the reviewer is a member of the document's team now (their feedback is not outside). */
  in_team: 0 | 1;
}

/** Queries on `round_perspectives`, and what rule R13 reads of a document's rounds. */
export function perspectiveQueries(db: Executor) {
  return {
    /** Saves whom the reviewer speaks for in the round, replacing an earlier choice. */
    async setPerspective(roundId: string, userId: string, perspective: ReviewerPerspective): Promise<void> {
      await db
        .insertInto('round_perspectives')
        .values({ round_id: roundId, user_id: userId, perspective, updated_at: Date.now() })
        .onConflict((oc) =>
          oc.columns(['round_id', 'user_id']).doUpdateSet((eb) => ({
            perspective: eb.ref('excluded.perspective'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
    /** Every perspective stated in the round, by user id. */
    async perspectives(roundId: string): Promise<Map<string, ReviewerPerspective>> {
      const rows = await db
        .selectFrom('round_perspectives')
        .select(['user_id', 'perspective'])
        .where('round_id', '=', roundId)
        .execute();
      return new Map(rows.map((row) => [row.user_id, row.perspective]));
    },
    /** Who submitted in the round, their stated perspective, and whether they belong to `teamId`. */
    submittedPerspectives(roundId: string, teamId: string): Promise<SubmittedPerspectiveRow[]> {
      return db
        .selectFrom('round_submissions as s')
        .leftJoin('round_perspectives as p', (join) =>
          join.onRef('p.round_id', '=', 's.round_id').onRef('p.user_id', '=', 's.user_id'),
        )
        .select((eb) => [
          's.round_id',
          's.user_id',
          'p.perspective',
          eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom('memberships as m')
                  .select('m.user_id')
                  .whereRef('m.user_id', '=', 's.user_id')
                  .where('m.team_id', '=', teamId),
              ),
            )
            .then(1)
            .else(0)
            .end()
            .$castTo<0 | 1>()
            .as('in_team'),
        ])
        .where('s.round_id', '=', roundId)
        .orderBy('s.submitted_at')
        .execute();
    },
  };
}
