import type { CriterionResponse } from '../../shared/schemas/rounds';
import type { ResponseRow, RoundRow } from '../stores/rounds';
import { iso, person } from './common';
import { criteriaOf } from './round';

// Made on first use: a collator maps in ICU's collation data (~2 MB of RSS).
let byName: Intl.Collator | undefined;

/**
 * Answers to the round's current criteria in the criteria's order, per criterion by reviewer name
 * (answers to removed criteria are left out).
 */
export function presentResponses(round: RoundRow, rows: ResponseRow[]): CriterionResponse[] {
  const position = new Map(criteriaOf(round).map((criterion, index) => [criterion.id, index]));
  // Save times cannot order them: one save writes all of a reviewer's answers in one millisecond.
  const order = (row: ResponseRow) => position.get(row.criterion_id) ?? 0;
  return rows
    .filter((row) => position.has(row.criterion_id))
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        (byName ??= new Intl.Collator('nl')).compare(a.user_name ?? '', b.user_name ?? '') ||
        (a.user_id ?? '').localeCompare(b.user_id ?? '') ||
        a.id.localeCompare(b.id),
    )
    .map((row): CriterionResponse => ({
      id: row.id,
      criterionId: row.criterion_id,
      author: person(row.user_id, row.user_name),
      score: row.score,
      text: row.text,
      updatedAt: new Date(row.updated_at).toISOString(),
      submittedAt: iso(row.submitted_at),
      perspective: row.perspective,
    }));
}
