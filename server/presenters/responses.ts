import type { CriterionResponse } from '../../shared/schemas/rounds';
import type { ResponseRow, RoundRow } from '../stores/rounds';
import { iso, person } from './common';
import { criteriaOf } from './round';

/** Answers to the round's current criteria (answers to removed criteria are left out). */
export function presentResponses(round: RoundRow, rows: ResponseRow[]): CriterionResponse[] {
  const criteria = new Set(criteriaOf(round).map((criterion) => criterion.id));
  return rows
    .filter((row) => criteria.has(row.criterion_id))
    .map((row): CriterionResponse => ({
      id: row.id,
      criterionId: row.criterion_id,
      author: person(row.user_id, row.user_name),
      score: row.score,
      text: row.text,
      updatedAt: new Date(row.updated_at).toISOString(),
      submittedAt: iso(row.submitted_at),
    }));
}
