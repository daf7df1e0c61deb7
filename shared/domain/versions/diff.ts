import { diffTemplates, type TemplateChange } from '../template/diff';
import type { SectionText, VersionProjection } from './projection';
import { diffDesigns, diffRuleResults, type DesignChange, type RuleChange } from './structuredDiff';
import { diffText, type DiffPart } from './textDiff';

/** The text diff of one section (matched by id; a renamed heading keeps its section). */
export interface SectionDiff {
  id: string;
  heading: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  parts: DiffPart[];
}

/** Everything that changed between two states of one document. */
export interface ProjectionDiff {
  sections: SectionDiff[];
  /** Leerarrangement: outcomes, size, placement, activities, evidence. */
  designChanges: DesignChange[];
  /** Leerarrangement: rule verdicts that changed. */
  ruleChanges: RuleChange[];
  /** Ontwikkelpad: outcomes, themes, sections, rubric. */
  templateChanges: TemplateChange[];
}

/** Per-section word diffs, in the order of `after` with removed sections where they were. */
export function diffSections(before: readonly SectionText[], after: readonly SectionText[]): SectionDiff[] {
  const was = new Map(before.map((section) => [section.id, section]));
  const is = new Set(after.map((section) => section.id));
  const result: SectionDiff[] = [];
  const removed = (section: SectionText): SectionDiff => ({
    id: section.id,
    heading: section.heading,
    status: 'removed',
    parts: section.text ? [{ type: 'delete', text: section.text }] : [],
  });
  let beforeIndex = 0;
  for (const section of after) {
    // Removed sections that came before this one in the old order are listed first.
    const old = was.get(section.id);
    if (old) {
      while (beforeIndex < before.length && before[beforeIndex]!.id !== section.id) {
        const candidate = before[beforeIndex]!;
        if (!is.has(candidate.id)) result.push(removed(candidate));
        beforeIndex++;
      }
      beforeIndex++;
      const parts = diffText(old.text, section.text);
      const changed = old.text !== section.text || old.heading !== section.heading;
      result.push({
        id: section.id,
        heading: section.heading,
        status: changed ? 'changed' : 'unchanged',
        parts,
      });
    } else {
      result.push({
        id: section.id,
        heading: section.heading,
        status: 'added',
        parts: section.text ? [{ type: 'insert', text: section.text }] : [],
      });
    }
  }
  for (; beforeIndex < before.length; beforeIndex++) {
    const candidate = before[beforeIndex]!;
    if (!is.has(candidate.id)) result.push(removed(candidate));
  }
  return result;
}

/** The diff of two projections of the same document. */
export function diffProjections(before: VersionProjection, after: VersionProjection): ProjectionDiff {
  const diff: ProjectionDiff = {
    sections: diffSections(before.sections, after.sections),
    designChanges: [],
    ruleChanges: [],
    templateChanges: [],
  };
  if (before.kind === 'leerarrangement' && after.kind === 'leerarrangement') {
    diff.designChanges = diffDesigns(before.design, after.design);
    diff.ruleChanges = diffRuleResults(before.checks, after.checks);
  }
  if (before.kind === 'ontwikkelpad' && after.kind === 'ontwikkelpad')
    diff.templateChanges = diffTemplates(before.content, after.content);
  return diff;
}
