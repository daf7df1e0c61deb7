import type { RuleResult } from '../../../shared/domain/design/rules';
import { headingIndexOf, ownersOf } from './outlineScan';

/** What the outline shows of the rules under one heading. */
export interface SectionRules {
  status: 'fail' | 'warn' | 'pass';
  /** How many results have that status (the worst one present). */
  count: number;
}

/** The element a result is about: its item's row when there is one, else the field. */
function targetOf(root: HTMLElement, target: RuleResult['target']): HTMLElement | null {
  const ids: string[] = [];
  if (target.itemId) {
    if (target.field === 'evidence') ids.push(`evidence-${target.itemId}`);
    if (target.field === 'activities') ids.push(`activity-${target.itemId}`);
    if (target.field === 'outcomes') ids.push(`outcome-${target.itemId}`);
  }
  ids.push(`field-${target.field}`);
  for (const id of ids) {
    const element = root.ownerDocument.getElementById(id);
    if (element && root.contains(element)) return element;
  }
  return null;
}

/**
 * The rule results per heading (keyed by heading id), found by where each result's field sits on
 * the page: the worst status under the heading (fail, then warn, then pass) and how many have it.
 * Pending and informative results say nothing yet and are left out.
 */
export function rulesPerSection(
  root: HTMLElement,
  headings: readonly HTMLElement[],
  results: readonly RuleResult[],
): Map<string, SectionRules> {
  const levels = headings.map((heading) => (heading.tagName === 'H3' ? 2 : 1) as 1 | 2);
  const tally = headings.map(() => ({ fail: 0, warn: 0, pass: 0 }));
  for (const result of results) {
    if (result.status !== 'fail' && result.status !== 'warn' && result.status !== 'pass') continue;
    const element = targetOf(root, result.target);
    if (!element) continue;
    for (const owner of ownersOf(levels, headingIndexOf(headings, element))) {
      const counts = tally[owner];
      if (counts) counts[result.status] += 1;
    }
  }
  const summary = new Map<string, SectionRules>();
  tally.forEach((counts, index) => {
    const id = headings[index]?.id;
    if (!id) return;
    if (counts.fail > 0) summary.set(id, { status: 'fail', count: counts.fail });
    else if (counts.warn > 0) summary.set(id, { status: 'warn', count: counts.warn });
    else if (counts.pass > 0) summary.set(id, { status: 'pass', count: counts.pass });
  });
  return summary;
}
