import type { RuleResult } from '../design/rules';
import type { DesignContent, Leeractiviteit } from '../design/types';

/** One structured change between two states of a leerarrangement. */
export type DesignChange =
  | { kind: 'outcome-added'; outcomeId: string }
  | { kind: 'outcome-removed'; outcomeId: string }
  | {
      kind: 'field-changed';
      field:
        'title' | 'sectors' | 'nlqfLevel' | 'ects' | 'mode' | 'placement' | 'evcApproach' | 'trajectRelation';
      before: unknown;
      after: unknown;
    }
  | { kind: 'activity-added'; activity: Leeractiviteit }
  | { kind: 'activity-removed'; activity: Leeractiviteit }
  | {
      kind: 'activity-changed';
      before: Leeractiviteit;
      after: Leeractiviteit;
      fields: Array<Exclude<keyof Leeractiviteit, 'id'>>;
    }
  | { kind: 'activities-reordered' }
  | { kind: 'evidence-changed'; outcomeId: string; before: string; after: string };

/** A rule whose verdict differs between the two states (null: the rule did not report then). */
export interface RuleChange {
  ruleId: RuleResult['ruleId'];
  target: RuleResult['target'];
  before: RuleResult['status'] | null;
  after: RuleResult['status'] | null;
  message: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changes from `before` to `after`; outcomes and activities are matched by their stable id. */
export function diffDesigns(before: DesignContent, after: DesignContent): DesignChange[] {
  const changes: DesignChange[] = [];
  const beforeOutcomes = new Set(before.targetedOutcomeIds);
  const afterOutcomes = new Set(after.targetedOutcomeIds);
  for (const id of after.targetedOutcomeIds)
    if (!beforeOutcomes.has(id)) changes.push({ kind: 'outcome-added', outcomeId: id });
  for (const id of before.targetedOutcomeIds)
    if (!afterOutcomes.has(id)) changes.push({ kind: 'outcome-removed', outcomeId: id });

  const fields = [
    'title',
    'sectors',
    'nlqfLevel',
    'ects',
    'mode',
    'placement',
    'evcApproach',
    'trajectRelation',
  ] as const;
  for (const field of fields) {
    if (!same(before[field], after[field]))
      changes.push({ kind: 'field-changed', field, before: before[field], after: after[field] });
  }

  const beforeActivities = new Map(before.activities.map((activity) => [activity.id, activity]));
  const afterActivities = new Map(after.activities.map((activity) => [activity.id, activity]));
  for (const activity of after.activities) {
    const old = beforeActivities.get(activity.id);
    if (!old) {
      changes.push({ kind: 'activity-added', activity });
      continue;
    }
    const changed = (Object.keys(activity) as Array<keyof Leeractiviteit>).filter(
      (key): key is Exclude<keyof Leeractiviteit, 'id'> => key !== 'id' && !same(old[key], activity[key]),
    );
    if (changed.length)
      changes.push({ kind: 'activity-changed', before: old, after: activity, fields: changed });
  }
  for (const activity of before.activities)
    if (!afterActivities.has(activity.id)) changes.push({ kind: 'activity-removed', activity });
  const keptBefore = before.activities.filter((a) => afterActivities.has(a.id)).map((a) => a.id);
  const keptAfter = after.activities.filter((a) => beforeActivities.has(a.id)).map((a) => a.id);
  if (!same(keptBefore, keptAfter)) changes.push({ kind: 'activities-reordered' });

  const evidenceIds = new Set([...Object.keys(before.evidence), ...Object.keys(after.evidence)]);
  for (const id of evidenceIds) {
    const was = before.evidence[id] ?? '';
    const is = after.evidence[id] ?? '';
    if (was !== is) changes.push({ kind: 'evidence-changed', outcomeId: id, before: was, after: is });
  }
  return changes;
}

/** A key per verdict: its rule and, should a rule give several verdicts, which one of them. */
function verdictKeys(results: readonly RuleResult[]): Map<string, RuleResult> {
  const seen = new Map<string, number>();
  const keyed = new Map<string, RuleResult>();
  for (const result of results) {
    const nth = seen.get(result.ruleId) ?? 0;
    seen.set(result.ruleId, nth + 1);
    keyed.set(`${result.ruleId}|${nth}`, result);
  }
  return keyed;
}

/**
 * Rules whose status changed, matched by rule. Not by target: a target is where the editor jumps
 * (R7's first outcome without evidence) and moves with the verdict; matching on it would list one
 * rule twice, once as gone and once as new.
 */
export function diffRuleResults(before: readonly RuleResult[], after: readonly RuleResult[]): RuleChange[] {
  const was = verdictKeys(before);
  const is = verdictKeys(after);
  const changes: RuleChange[] = [];
  for (const [id, result] of is) {
    const old = was.get(id);
    if (old?.status !== result.status)
      changes.push({
        ruleId: result.ruleId,
        target: result.target,
        before: old?.status ?? null,
        after: result.status,
        message: result.message,
      });
  }
  for (const [id, result] of was) {
    if (!is.has(id))
      changes.push({
        ruleId: result.ruleId,
        target: result.target,
        before: result.status,
        after: null,
        message: result.message,
      });
  }
  return changes;
}
