import type { Executor } from '../db/database';
import { changed } from '../db/portable';
import type { AssignmentState, Criterion, Judgement, Verdict } from '../../shared/domain/review';

/** One submission of a design to a toetsingscommissie. */
export interface Assignment {
  id: string;
  docId: string;
  reviewTeamId: string;
  versionId: string | null;
  criteria: Criterion[];
  submittedBy: string | null;
  submittedAt: string;
  state: AssignmentState;
  report: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A judgement as stored, with who gave it and whether the design team ticked it off. */
export interface StoredJudgement extends Judgement {
  judgedBy: string | null;
  judgedAt: string;
  addressedAt: string | null;
}

interface AssignmentRow {
  id: string;
  doc_id: string;
  review_team_id: string;
  version_id: string | null;
  criteria: string;
  submitted_by: string | null;
  submitted_at: number;
  state: AssignmentState;
  report: string | null;
  decided_by: string | null;
  decided_at: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const present = (row: AssignmentRow): Assignment => ({
  id: row.id,
  docId: row.doc_id,
  reviewTeamId: row.review_team_id,
  versionId: row.version_id,
  criteria: JSON.parse(row.criteria) as Criterion[],
  submittedBy: row.submitted_by,
  submittedAt: new Date(row.submitted_at).toISOString(),
  state: row.state,
  report: row.report,
  decidedBy: row.decided_by,
  decidedAt: iso(row.decided_at),
});

/** Queries on `review_assignments`, `review_judgements` and `quality_frames`. */
export function createReviewStore(db: Executor) {
  const assignments = () => db.selectFrom('review_assignments').selectAll();
  return {
    /** Records a submission (call inside the submitting transaction). */
    async insert(assignment: {
      id: string;
      docId: string;
      reviewTeamId: string;
      versionId: string | null;
      criteria: readonly Criterion[];
      submittedBy: string;
    }): Promise<void> {
      await db
        .insertInto('review_assignments')
        .values({
          id: assignment.id,
          doc_id: assignment.docId,
          review_team_id: assignment.reviewTeamId,
          version_id: assignment.versionId,
          criteria: JSON.stringify(assignment.criteria),
          submitted_by: assignment.submittedBy,
          submitted_at: Date.now(),
        })
        .execute();
    },
    /** An assignment by id. */
    async get(id: string): Promise<Assignment | undefined> {
      const row = await assignments().where('id', '=', id).executeTakeFirst();
      return row ? present(row) : undefined;
    },
    /** The design's open assignment (at most one: a design is submitted once at a time). */
    async openFor(docId: string): Promise<Assignment | undefined> {
      const row = await assignments()
        .where('doc_id', '=', docId)
        .where('state', '=', 'open')
        .executeTakeFirst();
      return row ? present(row) : undefined;
    },
    /** The design's assignments, newest first. */
    async forDesign(docId: string): Promise<Assignment[]> {
      const rows = await assignments()
        .where('doc_id', '=', docId)
        .orderBy('submitted_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(present);
    },
    /** A committee's queue with each design's title and team: open first, then decided, newest first. */
    async queue(reviewTeamId: string) {
      const rows = await db
        .selectFrom('review_assignments as a')
        .innerJoin('documents as d', 'd.id', 'a.doc_id')
        .leftJoin('teams as t', 't.id', 'd.team_id')
        .selectAll('a')
        .select(['d.title as title', 't.name as team_name'])
        .where('a.review_team_id', '=', reviewTeamId)
        .where('a.state', '<>', 'ingetrokken')
        .orderBy('a.submitted_at', 'desc')
        .orderBy('a.id')
        .execute();
      return rows.map((row) => ({ ...present(row), title: row.title, teamName: row.team_name }));
    },
    /**
     * Closes an open assignment as decided or withdrawn; false, doing nothing, when it was no longer
     * open (a decision and a withdrawal raced).
     */
    async close(
      id: string,
      state: Exclude<AssignmentState, 'open'>,
      by: string,
      report: string | null,
    ): Promise<boolean> {
      const result = await db
        .updateTable('review_assignments')
        .set({ state, decided_by: by, decided_at: Date.now(), report })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Records (or replaces) the judgement of one criterion. */
    async judge(assignmentId: string, judgement: Judgement, by: string): Promise<void> {
      const values = {
        verdict: judgement.verdict,
        note: judgement.note,
        judged_by: by,
        judged_at: Date.now(),
      };
      await db
        .insertInto('review_judgements')
        .values({ assignment_id: assignmentId, criterion_id: judgement.criterionId, ...values })
        .onConflict((conflict) => conflict.columns(['assignment_id', 'criterion_id']).doUpdateSet(values))
        .execute();
    },
    /** The judgements of an assignment, in no particular order. */
    async judgements(assignmentId: string): Promise<StoredJudgement[]> {
      const rows = await db
        .selectFrom('review_judgements')
        .selectAll()
        .where('assignment_id', '=', assignmentId)
        .execute();
      return rows.map((row) => ({
        criterionId: row.criterion_id,
        verdict: row.verdict as Verdict,
        note: row.note,
        judgedBy: row.judged_by,
        judgedAt: new Date(row.judged_at).toISOString(),
        addressedAt: iso(row.addressed_at),
      }));
    },
    /** The design team ticks a judged criterion off as reworked (or un-ticks it: `addressed` false). */
    async setAddressed(assignmentId: string, criterionId: string, by: string, addressed: boolean) {
      const result = await db
        .updateTable('review_judgements')
        .set(
          addressed
            ? { addressed_by: by, addressed_at: Date.now() }
            : { addressed_by: null, addressed_at: null },
        )
        .where('assignment_id', '=', assignmentId)
        .where('criterion_id', '=', criterionId)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** A committee's own frame, or undefined while the example applies. */
    async frame(teamId: string): Promise<Criterion[] | undefined> {
      const row = await db
        .selectFrom('quality_frames')
        .select('criteria')
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.criteria) as Criterion[]) : undefined;
    },
    /** Saves a committee's frame. */
    async saveFrame(teamId: string, criteria: readonly Criterion[], by: string): Promise<void> {
      const values = { criteria: JSON.stringify(criteria), updated_by: by, updated_at: Date.now() };
      await db
        .insertInto('quality_frames')
        .values({ team_id: teamId, ...values })
        .onConflict((conflict) => conflict.column('team_id').doUpdateSet(values))
        .execute();
    },
    /** The toetsingscommissies, oldest first (whom a design can be submitted to). */
    async committees(): Promise<Array<{ id: string; name: string }>> {
      return await db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('kind', '=', 'toetsingscommissie')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;
